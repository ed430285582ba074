import type { Token } from '../text/tokens.js';
import type { Match } from './matcher.js';

/*
 * People named in a narrative, with a gender where the words give one. The
 * role rules use them twice: a person named between a relative and a verb
 * is that verb's more likely subject ("her son was home when a male punched
 * her"), and a pronoun that does something goes back to the nearest person
 * it can stand for ("Son had been drinking, he grabbed her by the throat").
 * This is a deliberately small coreference: the nearest earlier mention of a
 * compatible gender, within a couple of sentences, no parsing.
 */
export type Gender = 'male' | 'female' | null;

export interface Mention {
  readonly first: number;
  readonly last: number;
  /** null: a partner, a cousin, S1, an unknown person. Such a mention can be "he" or "she". */
  readonly gender: Gender;
  /** Names a partner or relative (a relationship cue), not a stranger, suspect or plain "male". */
  readonly relative: boolean;
}

export interface MentionSources {
  readonly support: ReadonlyMap<string, readonly Match<unknown>[]>;
  readonly relationships: readonly { readonly first: number; readonly last: number }[];
}

/** Families whose matches name a person (lexicons/support.json). */
const PERSON_FAMILIES = ['person.male', 'person.female', 'role.stranger', 'role.suspect'];

/** Every person mention, in text order, overlapping spans merged into one mention. */
export function findMentions(src: MentionSources): Mention[] {
  const spans: { first: number; last: number }[] = [...src.relationships];
  for (const id of PERSON_FAMILIES) spans.push(...(src.support.get(id) ?? []));
  spans.sort((a, b) => a.first - b.first || b.last - a.last);
  const merged: { first: number; last: number }[] = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && s.first <= prev.last) prev.last = Math.max(prev.last, s.last);
    else merged.push({ first: s.first, last: s.last });
  }
  const male = src.support.get('person.male') ?? [];
  const female = src.support.get('person.female') ?? [];
  // The head of a mention is its last word: "his mother's boyfriend" is male.
  const ends = (list: readonly Match<unknown>[], m: { last: number }): boolean => list.some((x) => x.last === m.last);
  return merged.map((m) => ({
    ...m,
    gender: ends(male, m) ? 'male' : ends(female, m) ? 'female' : null,
    relative: src.relationships.some((r) => r.first <= m.last && r.last >= m.first),
  }));
}

const SUBJECT_PRONOUNS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
]);
/** Words that may stand between a subject pronoun and its verb ("he 's then grabbed", "she had also kicked"). */
const AUXILIARIES = new Set(["'s", 'has', 'had', 'have', 'then', 'also', 'just', 'again', 'allegedly', 'repeatedly', 'deliberately', 'suddenly', 'started', 'began', 'kept', 'is', 'was', 'been', 'now', 'immediately']);
/** Auxiliaries that make a past participle after them passive ("was kicked"). */
export const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'got', 'is', 'are']);
/** How many sentences after the relative a pronoun may still stand for them. */
const SENTENCES_AHEAD = 2;

/**
 * Whether a pronoun that is the subject of one of the aggression matches goes
 * back to the mention at `cue`: the nearest earlier mention whose gender fits
 * the pronoun is the cue itself.
 */
export function pronounActsFor(
  cue: { first: number; last: number },
  mentions: readonly Mention[],
  aggression: readonly Match<unknown>[],
  tokens: readonly Token[],
): boolean {
  const sentence = tokens[cue.first]!.sentence;
  for (const agg of aggression) {
    if (agg.first <= cue.last) continue;
    const aggSentence = tokens[agg.first]!.sentence;
    if (aggSentence > sentence + SENTENCES_AHEAD) break;
    // "he was punched" is done to him, not by him.
    if (isPassive(agg, tokens)) continue;
    let i = agg.first - 1;
    while (i > cue.last && AUXILIARIES.has(tokens[i]!.norm)) i--;
    const gender = SUBJECT_PRONOUNS.get(tokens[i]?.norm ?? '');
    if (gender && i > cue.last && standsFor(i, gender, cue, mentions)) return true;
  }
  return false;
}

/** "was kicked" and "kicked by" are passive; "is threatening" is not. */
export function isPassive(agg: { first: number; last: number }, tokens: readonly Token[]): boolean {
  return (PASSIVE_AUX.has(tokens[agg.first - 1]?.norm ?? '') && !tokens[agg.last]!.norm.endsWith('ing')) || tokens[agg.last + 1]?.norm === 'by';
}

/** Whether the pronoun at `at` goes back to `cue`: the nearest earlier mention its gender fits is the cue itself. */
function standsFor(at: number, gender: 'male' | 'female', cue: { first: number; last: number }, mentions: readonly Mention[]): boolean {
  let found: Mention | undefined;
  for (const m of mentions) {
    if (m.last >= at) break;
    if (m.gender === null || m.gender === gender) found = m;
  }
  return found !== undefined && found.first <= cue.last && found.last >= cue.first;
}

const OBJECT_PRONOUNS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['him', 'male'],
  ['her', 'female'],
]);

/**
 * Whether an act after `from` is done to a pronoun that goes back to the mention at
 * `cue` ("when her mother tried to stop him he shoved her"). "her" before a noun is a
 * possessive ("shoved her phone"), not the one harmed, so the pronoun must end the phrase.
 */
export function pronounHarmedFor(
  cue: { first: number; last: number },
  from: number,
  mentions: readonly Mention[],
  aggression: readonly Match<unknown>[],
  tokens: readonly Token[],
): boolean {
  const sentence = tokens[cue.first]!.sentence;
  for (const agg of aggression) {
    if (agg.first <= from || tokens[agg.first]!.sentence !== sentence) continue;
    const i = agg.last + 1;
    const gender = OBJECT_PRONOUNS.get(tokens[i]?.norm ?? '');
    const next = tokens[i + 1];
    if (!gender || (next && next.sentence === sentence && mentions.every((m) => m.first !== i + 1) && /^[a-z]/.test(next.norm) && !PHRASE_END.has(next.norm))) continue;
    if (standsFor(i, gender, cue, mentions)) return true;
  }
  return false;
}

/** Words that may follow an object pronoun without making it a possessive ("shoved her into the radiator"). */
const PHRASE_END = new Set(['into', 'onto', 'against', 'to', 'in', 'on', 'at', 'over', 'down', 'up', 'out', 'off', 'and', 'with', 'by', 'from', 'across', 'around', 'away', 'back', 'several', 'twice', 'again', 'repeatedly', 'when', 'as', 'while', 'then', 'because', 'after', 'before', 'causing', 'leaving', 'until', 'so']);

