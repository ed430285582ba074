import type { Token } from '../text/tokens.js';
import type { Match } from './matcher.js';
import { SpanIndex, type Span, type WorkMeter } from './span-index.js';

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
type Pronoun = 'male' | 'female';

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
  readonly relationships: readonly Span[];
}

/** Support families whose matches name a person (lexicons/support.json); checked to exist when the rules load. */
export const PERSON_FAMILIES = ['person.male', 'person.female', 'role.stranger', 'role.suspect'] as const;

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
  // The head of a mention is its last word: "his mother's boyfriend" is male.
  const lasts = (id: string): Set<number> => new Set((src.support.get(id) ?? []).map((m) => m.last));
  const male = lasts('person.male');
  const female = lasts('person.female');
  // Every relationship cue is inside exactly one merged mention (it was merged into it).
  const relative = new Set<number>();
  let k = 0;
  for (const r of [...src.relationships].sort((a, b) => a.first - b.first)) {
    while (merged[k]!.last < r.first) k++;
    relative.add(k);
  }
  return merged.map((m, i) => ({
    ...m,
    gender: male.has(m.last) ? 'male' : female.has(m.last) ? 'female' : null,
    relative: relative.has(i),
  }));
}

const SUBJECT_PRONOUNS: ReadonlyMap<string, Pronoun> = new Map([
  ['he', 'male'],
  ['she', 'female'],
]);
const OBJECT_PRONOUNS: ReadonlyMap<string, Pronoun> = new Map([
  ['him', 'male'],
  ['her', 'female'],
]);
/** How many sentences after the relative a pronoun may still stand for them. */
export const DEFAULT_SENTENCES_AHEAD = 2;

/** The word classes of lexicons/roles.json the coreference reads. */
export interface MentionWords {
  /** Between a subject pronoun and its verb ("he 's then grabbed"). */
  readonly auxiliaries: ReadonlySet<string>;
  /** Make a past participle after them passive ("was kicked"). */
  readonly passiveAux: ReadonlySet<string>;
  /** May follow an object pronoun without making it a possessive ("shoved her into"). */
  readonly phraseEnd: ReadonlySet<string>;
}

/** "was kicked" and "kicked by" are passive; "is threatening" is not. */
export function isPassive(agg: Span, tokens: readonly Token[], passiveAux: ReadonlySet<string>): boolean {
  return (passiveAux.has(tokens[agg.first - 1]?.norm ?? '') && !tokens[agg.last]!.norm.endsWith('ing')) || tokens[agg.last + 1]?.norm === 'by';
}

/** A pronoun next to an act: the subject before it or the object after it, with the act. */
interface PronounAt {
  readonly at: number;
  readonly agg: Span;
}

/**
 * The mentions of one record, indexed for the role rules. A pronoun at `at` goes
 * back to the nearest earlier mention its gender fits; so it goes back to mention
 * M exactly when `at` lies after M and no later compatible mention ends before it.
 * Each question is then a binary search over the pronouns next to acts, not a walk
 * over every pair of relative and pronoun.
 */
export class RecordMentions {
  readonly index: SpanIndex<Mention>;
  /** For each gender, the index of the first mention at or after k it can stand for (list length: none). */
  private readonly nextFit: Record<Pronoun, Int32Array>;
  /** Pronouns next to the acts of an aggression family, found once per record and family. */
  private readonly subjects = new Map<readonly Match<unknown>[], Record<Pronoun, PronounAt[]>>();
  private readonly objects = new Map<readonly Match<unknown>[], Record<Pronoun, PronounAt[]>>();

  constructor(
    readonly list: readonly Mention[],
    private readonly tokens: readonly Token[],
    private readonly words: MentionWords,
    private readonly meter: WorkMeter,
  ) {
    this.index = new SpanIndex(list, meter);
    const next = (g: Pronoun): Int32Array => {
      const out = new Int32Array(list.length + 1).fill(list.length);
      for (let k = list.length - 1; k >= 0; k--) out[k] = list[k]!.gender === null || list[k]!.gender === g ? k : out[k + 1]!;
      return out;
    };
    this.nextFit = { male: next('male'), female: next('female') };
  }

  /** Index of the mention holding token i, or -1. */
  at(i: number): number {
    const k = this.index.lowerBound(i + 1) - 1;
    return k >= 0 && this.list[k]!.last >= i ? k : -1;
  }

  /** A mention wholly between two token positions (exclusive). */
  anyBetween(from: number, to: number): boolean {
    for (const m of this.index.startingIn(from + 1, to - 1)) if (m.last < to) return true;
    return false;
  }

  /**
   * Whether a pronoun that is the subject of one of the aggression matches goes
   * back to the mention holding `cue`, within `sentencesAhead` sentences.
   */
  pronounActsFor(cue: Span, aggression: readonly Match<unknown>[], sentencesAhead: number): boolean {
    const sentence = this.tokens[cue.first]!.sentence;
    let subjects = this.subjects.get(aggression);
    if (!subjects) this.subjects.set(aggression, (subjects = this.pronouns(aggression, (agg) => this.subjectOf(agg))));
    return this.fits(cue, subjects, (p, at) => {
      if (this.tokens[at]!.sentence > sentence + sentencesAhead) return 'stop';
      return this.tokens[p.agg.first]!.sentence <= sentence + sentencesAhead;
    });
  }

  /**
   * Whether an act after `from`, in the cue's sentence, is done to a pronoun that goes
   * back to the mention holding `cue` ("when her mother tried to stop him he shoved her").
   * "her" before a noun is a possessive ("shoved her phone"), so the pronoun must end the phrase.
   */
  pronounHarmedFor(cue: Span, from: number, aggression: readonly Match<unknown>[]): boolean {
    const sentence = this.tokens[cue.first]!.sentence;
    let objects = this.objects.get(aggression);
    if (!objects) this.objects.set(aggression, (objects = this.pronouns(aggression, (agg) => this.objectOf(agg))));
    return this.fits(cue, objects, (p, at) => {
      // The act ends just before its pronoun: once acts end past the cue's sentence, none later is in it.
      if (this.tokens[p.agg.last]!.sentence > sentence) return 'stop';
      return p.agg.first > from && this.tokens[p.agg.first]!.sentence === sentence;
    });
  }

  /** Some pronoun of `pronouns` that stands for the cue's mention passes `test` (scanned in text order until 'stop'). */
  private fits(cue: Span, pronouns: Record<Pronoun, PronounAt[]>, test: (p: PronounAt, at: number) => boolean | 'stop'): boolean {
    const k = this.at(cue.first);
    if (k < 0) return false;
    const mention = this.list[k]!;
    for (const g of ['male', 'female'] as const) {
      if (mention.gender !== null && mention.gender !== g) continue;
      const blocker = this.list[this.nextFit[g][k + 1]!];
      const upTo = blocker ? blocker.last : Infinity;
      const list = pronouns[g];
      for (let i = lowerBoundAt(list, mention.last + 1); i < list.length && list[i]!.at <= upTo; i++) {
        this.meter.steps++;
        const verdict = test(list[i]!, list[i]!.at);
        if (verdict === 'stop') break;
        if (verdict) return true;
      }
    }
    return false;
  }

  private pronouns(aggression: readonly Match<unknown>[], place: (agg: Span) => { at: number; gender: Pronoun } | null): Record<Pronoun, PronounAt[]> {
    const out: Record<Pronoun, PronounAt[]> = { male: [], female: [] };
    for (const agg of aggression) {
      const p = place(agg);
      if (p) out[p.gender].push({ at: p.at, agg });
    }
    // In text order of the pronoun, so a question is a binary search.
    for (const g of ['male', 'female'] as const) out[g].sort((a, b) => a.at - b.at);
    return out;
  }

  /** The pronoun before an active act, over the auxiliaries between ("he 's then grabbed"). */
  private subjectOf(agg: Span): { at: number; gender: Pronoun } | null {
    // "he was punched" is done to him, not by him.
    if (isPassive(agg, this.tokens, this.words.passiveAux)) return null;
    let i = agg.first - 1;
    while (i >= 0 && this.words.auxiliaries.has(this.tokens[i]!.norm)) i--;
    const gender = SUBJECT_PRONOUNS.get(this.tokens[i]?.norm ?? '');
    return gender ? { at: i, gender } : null;
  }

  /** The pronoun right after an act, when it ends the phrase. */
  private objectOf(agg: Span): { at: number; gender: Pronoun } | null {
    const tokens = this.tokens;
    const sentence = tokens[agg.first]!.sentence;
    const i = agg.last + 1;
    const gender = OBJECT_PRONOUNS.get(tokens[i]?.norm ?? '');
    const next = tokens[i + 1];
    if (!gender) return null;
    if (next && next.sentence === sentence && (this.at(i + 1) < 0 || this.list[this.at(i + 1)]!.first !== i + 1) && /^[a-z]/.test(next.norm) && !this.words.phraseEnd.has(next.norm)) return null;
    return { at: i, gender };
  }
}

function lowerBoundAt(list: readonly PronounAt[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
