import type { TokenisedText } from '../text/tokens.js';
import type { TagId } from '../tags.js';
import { buildScopes, modifierFor } from './context.js';
import { overlaps, type Match } from './matcher.js';
import { findMentions, type Mention } from './mentions.js';
import { decideRole, type RoleDecision } from './roles.js';
import type { CompiledContextFamily, CompiledCueFamily, PhraseOwner, RuleSet } from './ruleset.js';

/** Why a cue seen in the text does not count. */
export interface Discount {
  /** A context category ("negated", "hypothetical", ...), "wrong_party", "excluded", a requires reason, or "yields_to_<tag>". */
  readonly reason: string;
  /** The words that caused it, when there are some ("denies", "called police"). */
  readonly by?: string;
}

/** One cue the rules found: counted (weight > 0) or discounted, with its place in the original text. */
export interface Finding {
  readonly tag: TagId;
  readonly family: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The weight that counts toward the tag's score: 0 when discounted. */
  readonly weight: number;
  readonly discount?: Discount;
  /** Context that weakened the cue without discounting it, or how a relationship was linked. */
  readonly note?: string;
  /** For relationship cues, the role decision. */
  readonly role?: RoleDecision['link'];
  /**
   * The cue family counts only in a context the rules judge ("Muslim" with hostility
   * nearby): the statistical model is given the rules' verdict on these words, not the words.
   */
  readonly judged?: boolean;
}

type CueMatch = Match<{ kind: 'cue'; family: CompiledCueFamily }>;

/**
 * Relationship cues that the role rules could neither link nor rule out count
 * for this fraction of their weight: in MO text a named partner or relative is
 * usually a party, but less surely than one the rules could link.
 */
const UNCLEAR_ROLE_FACTOR = 0.7;

export function analyse(doc: TokenisedText, rules: RuleSet): Finding[] {
  const { tokens, text } = doc;
  const all = rules.matcher.findAll(tokens);
  const cues: CueMatch[] = [];
  const excludes: Match<PhraseOwner & { kind: 'exclude' }>[] = [];
  const context: Match<{ family: CompiledContextFamily }>[] = [];
  const support = new Map<string, Match<unknown>[]>();
  for (const m of all) {
    const o = m.owner;
    if (o.kind === 'cue') cues.push(m as CueMatch);
    else if (o.kind === 'exclude') excludes.push(m as Match<PhraseOwner & { kind: 'exclude' }>);
    else if (o.kind === 'context') context.push(m as Match<{ family: CompiledContextFamily }>);
    else {
      const list = support.get(o.id);
      if (list) list.push(m);
      else support.set(o.id, [m]);
    }
  }

  const kept = longestPerFamily(cues);
  const relationships = longestRelationships(kept.filter((c) => c.owner.family.relationship));
  const cuesToScore = kept.filter((c) => !c.owner.family.relationship || relationships.includes(c));
  const scopes = buildScopes(tokens, context);

  const findings: Finding[] = [];
  // People named in the record, for the role rules; found only when a relationship cue needs them.
  let mentions: Mention[] | null = null;
  for (const cue of cuesToScore) {
    const family = cue.owner.family;
    const start = tokens[cue.first]!.start;
    const end = tokens[cue.last]!.end;
    const base = { tag: family.tag, family: family.id, start, end, text: text.slice(start, end), ...(family.requires ? { judged: true } : {}) };
    const spanText = (m: { first: number; last: number }): string => text.slice(tokens[m.first]!.start, tokens[m.last]!.end);

    const excluded = excludes.find((e) => e.owner.family === family && overlaps(e, cue));
    if (excluded) {
      findings.push({ ...base, weight: 0, discount: { reason: 'excluded', by: spanText(excluded) } });
      continue;
    }
    const mod = modifierFor({ first: cue.first, last: cue.last, family }, scopes, family.ignoresContext);
    if (mod && mod.family.effect?.effect === 'discount') {
      findings.push({ ...base, weight: 0, discount: { reason: mod.family.category, by: spanText(mod.trigger) } });
      continue;
    }
    const veto = family.forbiddenBy?.find((v) => support.has(v.family));
    if (veto) {
      findings.push({ ...base, weight: 0, discount: { reason: veto.reason, by: spanText(support.get(veto.family)![0]!) } });
      continue;
    }
    if (family.requires) {
      // A support cue inside a negation does not count: "IP is Muslim, no abuse" shows no hostility.
      const met = family.requires.some(({ family: needed, within }) =>
        (support.get(needed) ?? []).some(
          (s) =>
            // Words said are evidence however they were phrased: "'I don't carry your kind'" still shows hostility.
            (tokens[s.first]!.quoted || !deniedByContext(s, scopes)) &&
            (within === 'record' ||
              (tokens[s.first]!.sentence === tokens[cue.first]!.sentence && (s.first > cue.last ? s.first - cue.last : cue.first - s.last) <= within)),
        ),
      );
      if (!met) {
        findings.push({ ...base, weight: 0, discount: { reason: family.requires[0]!.reason } });
        continue;
      }
    }
    let weight = family.weight;
    let note: string | undefined;
    if (mod && mod.family.effect?.effect === 'weaken') {
      weight *= mod.family.effect.factor ?? 0.5;
      note = `weakened: ${mod.family.category} ("${spanText(mod.trigger)}")`;
    }
    if (family.relationship) {
      mentions ??= findMentions({ support, relationships });
      const role = decideRole(cue, { text, tokens, support, relationships, mentions });
      if (role.link === 'wrong_party') {
        findings.push({ ...base, weight: 0, discount: { reason: 'wrong_party', by: role.why }, role: role.link });
        continue;
      }
      if (role.link === 'unclear') {
        weight *= family.unlinkedFactor ?? UNCLEAR_ROLE_FACTOR;
        note = 'relationship not linked to victim and suspect';
      } else {
        note = role.why;
      }
      findings.push({ ...base, weight, role: role.link, ...(note ? { note } : {}) });
      continue;
    }
    findings.push({ ...base, weight, ...(note ? { note } : {}) });
  }
  return applyYields(findings, rules.yields);
}

function deniedByContext(span: { first: number; last: number }, scopes: ReturnType<typeof buildScopes>): boolean {
  return scopes.some((s) => s.family.category === 'negated' && !s.family.appliesTo && overlaps(s, span) && !overlaps(s.trigger, span));
}

/** Within one family, overlapping matches collapse to the longest (then earliest). */
function longestPerFamily(cues: CueMatch[]): CueMatch[] {
  const sorted = [...cues].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: CueMatch[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => k.owner.family === c.owner.family && overlaps(k, c))) kept.push(c);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Across relationship families the longest reading wins: "father of her children" is a partner, not a parent. */
function longestRelationships(cues: CueMatch[]): CueMatch[] {
  const sorted = [...cues].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: CueMatch[] = [];
  for (const c of sorted) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.first - b.first);
}

/**
 * "DV" with the parties shown to be family is familial, not domestic (TAGS.md):
 * a marker family that yields to a tag is discounted when that tag has a
 * linked relationship cue and its own tag has none.
 */
function applyYields(findings: Finding[], yields: ReadonlyMap<string, TagId>): Finding[] {
  const linked = (tag: TagId): boolean => findings.some((f) => f.tag === tag && f.role === 'linked');
  return findings.map((f) => {
    const yieldsTo = yields.get(f.family);
    if (!yieldsTo || f.weight === 0 || !linked(yieldsTo) || linked(f.tag)) return f;
    return { ...f, weight: 0, discount: { reason: `yields_to_${yieldsTo}` } };
  });
}
