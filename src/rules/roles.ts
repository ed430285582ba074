import type { RoleLink, RoleRules } from './role-lexicon.js';
import type { CueView } from './role-predicates.js';
import type { RoleRecord } from './role-record.js';
import type { Span } from './span-index.js';

/*
 * Party roles. A relationship word only counts for domestic or familial when
 * it links the victim and a suspect (TAGS.md): "S1 is the IP's brother" does,
 * "IP's mother called police" and "walking with her boyfriend when an unknown
 * male hit her" do not. The rules are the ordered list of lexicons/roles.json:
 * the first whose conditions hold decides, most specific first.
 */
export interface RoleDecision {
  readonly link: RoleLink;
  /** The id of the rule that decided ("role.passive_agent"). */
  readonly rule: string;
  readonly why: string;
}

export type { Span };

export function decideRole(cue: Span, record: RoleRecord, roles: RoleRules): RoleDecision {
  const { tokens } = record;
  // The word before the cue once describing words are skipped: "her ex's new girlfriend" leads with 's.
  let lead = cue.first - 1;
  while (lead > 0 && roles.words.describing.has(tokens[lead]!.norm)) lead--;
  const view: CueView = { cue, record, tokens, sentence: tokens[cue.first]!.sentence, lead, words: roles.words };
  for (const rule of roles.rules) {
    if (rule.when.every((t) => t(view)) && !rule.unless.some((t) => t(view))) return { link: rule.link, rule: rule.id, why: rule.why };
  }
  // compileRoleRules makes the last rule unconditional.
  throw new Error('motag: no role rule applied (the last rule of roles.json must have no conditions)');
}
