import type { TokenisedText } from '../text/tokens.js';
import type { TagId } from '../tags.js';
import { buildScopes, modifierFor, type Scope } from './context.js';
import { byLength, longestPerKey, overlaps, type Match } from './matcher.js';
import { findMentions, RecordMentions } from './mentions.js';
import { RoleRecord } from './role-record.js';
import { decideRole, type RoleDecision } from './roles.js';
import { NEGATED_CATEGORY, type CompiledContextFamily, type CompiledCueFamily, type PhraseOwner, type RuleSet } from './ruleset.js';
import { SpanIndex, WorkMeter } from './span-index.js';
import { pairStances, stanceNote, StanceWords } from './stance.js';

/** Why a cue seen in the text does not count. */
export interface Discount {
  /**
   * A context category ("negated", "hypothetical", ...), "wrong_party", "excluded", a requires reason,
   * "yields_to_<tag>", or "overlapped" (a longer relationship cue won the same words).
   */
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
  /** The id of the rule that decided: a role rule (lexicons/roles.json) or a stance family (lexicons/stance.json). */
  readonly rule?: string;
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

/** The rules' view of one narrative. */
export interface Analysis {
  /** Every cue that was scored: counted or discounted. These are what scores and model features read. */
  readonly findings: Finding[];
  /**
   * Relationship cues that lost the longest-match step to a longer reading of the same
   * words ("father" in "father of her children"): reported as discounted, never scored.
   */
  readonly overlapped: Finding[];
  /** Candidates examined while pairing cues with their context, for the bounded-work tests. */
  readonly steps: number;
}

/** How a role decision reads to a reviewer: the why and the rule that decided. */
export function roleReason(role: RoleDecision): string {
  return `${role.why} (${role.rule})`;
}

export function analyse(doc: TokenisedText, rules: RuleSet): Analysis {
  const { tokens, text } = doc;
  const meter = new WorkMeter();
  const all = rules.matcher.findAll(tokens);
  const cues: CueMatch[] = [];
  const excludes = new Map<CompiledCueFamily, Match<unknown>[]>();
  const context: Match<{ family: CompiledContextFamily }>[] = [];
  const stanceWords = new StanceWords();
  const support = new Map<string, Match<unknown>[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const m of all) {
    const o = m.owner;
    if (o.kind === 'cue') cues.push(m as CueMatch);
    else if (o.kind === 'exclude') push(excludes, o.family, m);
    else if (o.kind === 'context') context.push(m as Match<{ family: CompiledContextFamily }>);
    else if (o.kind === 'support') push(support, o.id, m);
    else stanceWords.add(m);
  }
  // Context, support and roles only ever qualify cues and stance words: a record
  // with no cue and no hostile word said about a group (about a fifth of the
  // corpus) has no findings, so none of that is built.
  const stances = stanceWords.mayPair() ? pairStances({ tokens, ...stanceWords.kept() }) : [];
  if (cues.length === 0 && stances.length === 0) return { findings: [], overlapped: [], steps: meter.steps };
  const excludeIndex = new Map([...excludes].map(([family, list]) => [family, new SpanIndex(list, meter)]));
  const supportIndex = new Map([...support].map(([id, list]) => [id, new SpanIndex(list, meter)]));

  // Within one family, overlapping matches collapse to the longest (then earliest).
  const kept = longestPerKey(cues, (c) => c.owner.family);
  const { kept: relationships, dropped } = longestRelationships(kept.filter((c) => c.owner.family.relationship));
  const winners = new Set<CueMatch>(relationships);
  const cuesToScore = kept.filter((c) => !c.owner.family.relationship || winners.has(c));
  const scopes = buildScopes(tokens, context, meter);
  // Scopes by their first token, each with its place in `scopes`: the modifier rules break ties by that order.
  const scopeIndex = new SpanIndex(
    scopes.map((s, order) => ({ first: s.first, last: s.last, scope: s, order })).sort((a, b) => a.first - b.first || a.order - b.order),
    meter,
  );
  const scopesOver = (span: { first: number; last: number }): Scope[] =>
    [...scopeIndex.overlapping(span.first, span.last)].sort((a, b) => a.order - b.order).map((x) => x.scope);
  const denied = new Map<Match<unknown>, boolean>();
  // A support cue inside a negation does not count: "IP is Muslim, no abuse" shows no hostility.
  const deniedByContext = (s: Match<unknown>): boolean => {
    let d = denied.get(s);
    if (d === undefined) {
      d = scopesOver(s).some((x) => x.family.category === NEGATED_CATEGORY && !x.family.appliesTo && !overlaps(x.trigger, s));
      denied.set(s, d);
    }
    return d;
  };
  // A denied hostility word does not count, quoted or not ("'I would never mock someone for being deaf'");
  // hostile address said in a negative sentence ("'I don't carry your kind'") is the stance rules' call.
  const counts = (s: Match<unknown>): boolean => tokens[s.first]!.quoted || !deniedByContext(s);
  const anywhere = new Map<string, boolean>();

  const spanText = (m: { first: number; last: number }): string => text.slice(tokens[m.first]!.start, tokens[m.last]!.end);
  const findings: Finding[] = [];
  // What the role rules read; built only when a relationship cue needs it.
  let roleRecord: RoleRecord | null = null;
  for (const cue of cuesToScore) {
    const family = cue.owner.family;
    const start = tokens[cue.first]!.start;
    const end = tokens[cue.last]!.end;
    const base = { tag: family.tag, family: family.id, start, end, text: text.slice(start, end), ...(family.requires ? { judged: true } : {}) };

    const excluded = excludeIndex.get(family)?.overlapping(cue.first, cue.last).next();
    if (excluded && !excluded.done) {
      findings.push({ ...base, weight: 0, discount: { reason: 'excluded', by: spanText(excluded.value) } });
      continue;
    }
    const mod = modifierFor({ first: cue.first, last: cue.last, family }, scopesOver(cue), family.ignoresContext);
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
      const sentence = tokens[cue.first]!.sentence;
      const met = family.requires.some(({ family: needed, within }) => {
        const index = supportIndex.get(needed);
        if (!index) return false;
        if (within === 'record') {
          let any = anywhere.get(needed);
          if (any === undefined) anywhere.set(needed, (any = index.spans.some(counts)));
          return any;
        }
        for (const s of index.overlapping(cue.first - within, cue.last + within)) {
          if (tokens[s.first]!.sentence === sentence && (s.first > cue.last ? s.first - cue.last : cue.first - s.last) <= within && counts(s)) return true;
        }
        return false;
      });
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
      if (!roleRecord) {
        const mentions = new RecordMentions(findMentions({ support, relationships }), tokens, rules.roles.mentionWords, meter);
        roleRecord = new RoleRecord(text, tokens, support, relationships, mentions, meter);
      }
      const role = decideRole(cue, roleRecord, rules.roles);
      if (role.link === 'wrong_party') {
        findings.push({ ...base, weight: 0, discount: { reason: 'wrong_party', by: roleReason(role) }, role: role.link, rule: role.rule });
        continue;
      }
      if (role.link === 'unclear') weight *= family.unlinkedFactor ?? UNCLEAR_ROLE_FACTOR;
      findings.push({ ...base, weight, role: role.link, rule: role.rule, note: roleReason(role) });
      continue;
    }
    findings.push({ ...base, weight, ...(note ? { note } : {}) });
  }
  // What was said about a group: each hostile word paired with the group it is about.
  for (const c of stances) {
    const h = c.hostile;
    const family = { tag: c.strand, id: `${c.strand}.stance` };
    const sameSentence = tokens[c.group.first]!.sentence === tokens[h.first]!.sentence;
    const first = sameSentence ? Math.min(c.group.first, h.first) : h.first;
    const last = sameSentence ? Math.max(c.group.last, h.last) : h.last;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    const base = { tag: c.strand, family: family.id, start, end, text: text.slice(start, end), rule: c.family.id, note: stanceNote(c, spanText(c.group)) };
    const mod = modifierFor({ first: h.first, last: h.last, family }, scopesOver(h), [...rules.stance.ignoresContext, ...c.family.ignoresContext]);
    if (mod && mod.family.effect?.effect === 'discount') {
      findings.push({ ...base, weight: 0, discount: { reason: mod.family.category, by: spanText(mod.trigger) } });
      continue;
    }
    const veto = rules.stance.forbiddenBy.find((v) => support.has(v.family));
    if (veto) {
      findings.push({ ...base, weight: 0, discount: { reason: veto.reason, by: spanText(support.get(veto.family)![0]!) } });
      continue;
    }
    findings.push({ ...base, weight: c.family.weight });
  }
  const overlapped = dropped.map(({ cue, by }): Finding => {
    const start = tokens[cue.first]!.start;
    const end = tokens[cue.last]!.end;
    return { tag: cue.owner.family.tag, family: cue.owner.family.id, start, end, text: text.slice(start, end), weight: 0, discount: { reason: 'overlapped', by: spanText(by) } };
  });
  return { findings: applyYields(findings, rules.yields), overlapped, steps: meter.steps };
}

/** Across relationship families the longest reading wins: "father of her children" is a partner, not a parent. */
function longestRelationships(cues: CueMatch[]): { kept: CueMatch[]; dropped: { cue: CueMatch; by: CueMatch }[] } {
  const owner = new Map<number, CueMatch>();
  const kept: CueMatch[] = [];
  const dropped: { cue: CueMatch; by: CueMatch }[] = [];
  for (const c of byLength(cues)) {
    let by: CueMatch | undefined;
    for (let i = c.first; i <= c.last && !by; i++) by = owner.get(i);
    if (by) {
      dropped.push({ cue: c, by });
      continue;
    }
    for (let i = c.first; i <= c.last; i++) owner.set(i, c);
    kept.push(c);
  }
  return { kept: kept.sort((a, b) => a.first - b.first), dropped: dropped.sort((a, b) => a.cue.first - b.cue.first) };
}

/**
 * "DV" with the parties shown to be family is familial, not domestic (TAGS.md):
 * a marker family that yields to a tag is discounted when that tag has a
 * linked relationship cue and its own tag has none.
 */
function applyYields(findings: Finding[], yields: ReadonlyMap<string, TagId>): Finding[] {
  const linked = new Set(findings.filter((f) => f.role === 'linked').map((f) => f.tag));
  return findings.map((f) => {
    const yieldsTo = yields.get(f.family);
    if (!yieldsTo || f.weight === 0 || !linked.has(yieldsTo) || linked.has(f.tag)) return f;
    return { ...f, weight: 0, discount: { reason: `yields_to_${yieldsTo}` } };
  });
}
