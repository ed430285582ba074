import type { Token } from '../text/tokens.js';
import type { Match } from './matcher.js';
import { isPassive } from './mentions.js';
import type { RoleRecord } from './role-record.js';
import { find, some, type Span } from './span-index.js';

/*
 * The predicate library of lexicons/roles.json: the conditions a phrase cannot
 * say (coreference, a plural or mutual subject, a conjunct, a bracketed
 * apposition, the subject or object of an act). Each declares the arguments it
 * takes, so the rules file is checked against it when the rules load, and every
 * look-up is a window over an index (role-record.ts), never a scan of the record.
 */

/** One relationship cue being decided, with what every rule reads about it. */
export interface CueView {
  readonly cue: Span;
  readonly record: RoleRecord;
  readonly tokens: readonly Token[];
  readonly sentence: number;
  /** The word before the cue once describing words are skipped ("her ex's new girlfriend" -> 's). */
  readonly lead: number;
  readonly words: CoreWords;
}

/** Word classes of roles.json the code itself reads (checked to exist at load). */
export interface CoreWords {
  readonly describing: ReadonlySet<string>;
  readonly party: ReadonlySet<string>;
  readonly newSubject: ReadonlySet<string>;
  readonly passiveAux: ReadonlySet<string>;
}
export const CORE_CLASSES = {
  describing: 'describing',
  party: 'party',
  newSubject: 'new_subject',
  passiveAux: 'passive_aux',
  auxiliaries: 'auxiliaries',
  phraseEnd: 'phrase_end',
} as const;

export type ArgKind = 'number' | 'class' | 'family';
/** Arguments after checking: numbers, word classes as sets, support family ids. */
export type Args = Readonly<Record<string, number | string | ReadonlySet<string>>>;
export type Test = (v: CueView) => boolean;

export interface Predicate {
  readonly args: Readonly<Record<string, ArgKind>>;
  make(args: Args): Test;
}

const num = (a: Args, k: string): number => a[k] as number;
const set = (a: Args, k: string): ReadonlySet<string> => a[k] as ReadonlySet<string>;
const fam = (a: Args, k: string): string => a[k] as string;

const inSentence = (v: CueView, m: Span): boolean => v.tokens[m.first]!.sentence === v.sentence;
const norm = (v: CueView, i: number): string => v.tokens[i]?.norm ?? '';
/** Every token strictly between two positions is a word of `filler` (the gaps asked about are a few tokens). */
export function onlyBetween(v: CueView, from: number, to: number, filler: ReadonlySet<string>): boolean {
  for (let i = from + 1; i < to; i++) if (!filler.has(v.tokens[i]!.norm)) return false;
  return true;
}
export function anyBetween(v: CueView, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = from + 1; i < to; i++) if (words.has(v.tokens[i]!.norm)) return true;
  return false;
}
/** Another person named between two token positions: the act after them is more likely theirs. */
function personBetween(v: CueView, from: number, to: number): boolean {
  if (v.record.mentions.anyBetween(from, to)) return true;
  for (let i = from + 1; i < to; i++) {
    const w = v.tokens[i]!.norm;
    if (v.words.party.has(w) || v.words.newSubject.has(w)) return true;
  }
  return false;
}
const isCue = (v: CueView, r: Span): boolean => r.first === v.cue.first && r.last === v.cue.last;

/** Acts in the cue's sentence, not the bystander words they sit in ("tried to pull him off" is stepping in). */
function acts(v: CueView, a: Args, spans: Iterable<Match<unknown>>): Match<unknown>[] {
  const out: Match<unknown>[] = [];
  for (const agg of spans) {
    if (!inSentence(v, agg)) continue;
    if (some(v.record.family(fam(a, 'bystander')).overlapping(agg.first, agg.last), (b) => inSentence(v, b))) continue;
    out.push(agg);
  }
  return out;
}

/** Active acts soon after the relative, with nobody else named or reporting in between: the relative did them. */
function subjectActs(v: CueView, a: Args): Match<unknown>[] {
  const { cue, record } = v;
  const within = num(a, 'within');
  return acts(v, a, record.family(fam(a, 'aggression')).startingIn(cue.last + 1, cue.last + within)).filter(
    (agg) =>
      !isPassive(agg, v.tokens, v.words.passiveAux) &&
      !personBetween(v, cue.last, agg.first) &&
      !some(record.family(fam(a, 'reporting')).inside(cue.last + 1, agg.first - 1), (m) => inSentence(v, m)),
  );
}

/** The act's object is a person who is no relative ("restrained the suspect", "pulled the male off"). */
function aimedAtOutsider(v: CueView, last: number, skip: ReadonlySet<string>): boolean {
  let i = last + 1;
  while (skip.has(norm(v, i))) i++;
  const k = v.record.mentions.at(i);
  const object = k >= 0 ? v.record.mentions.list[k]! : undefined;
  return (object !== undefined && !some(v.record.relationships.overlapping(object.first, object.last), () => true)) || norm(v, i) === 'suspect';
}

/** The relative at `first` is the object of an act: "son assaulted his mother", "struck girlfriend", "swearing at his mum". */
function objectOfAct(v: CueView, a: Args, first: number): boolean {
  const within = num(a, 'within');
  const aimed = set(a, 'aimed');
  const filler = set(a, 'filler');
  const possessive = set(a, 'words');
  for (const agg of v.record.family(fam(a, 'aggression')).endingIn(first - within - 1, first - 1)) {
    if (!inSentence(v, agg) || isPassive(agg, v.tokens, v.words.passiveAux)) continue;
    const at = aimed.has(norm(v, agg.last + 1)) ? 1 : 0;
    if (first - agg.last <= within + at && onlyBetween(v, agg.last + at, first, filler) &&
        (first === agg.last + 1 + at || anyBetween(v, agg.last, first, possessive))) return true;
  }
  return false;
}

/** Harmed by someone else just after `last`: "has been assaulted by ...". */
function harmedByAnother(v: CueView, a: Args, last: number): boolean {
  const filler = set(a, 'filler');
  return some(
    v.record.family(fam(a, 'aggression')).startingIn(last + 1, last + num(a, 'within')),
    (agg) => inSentence(v, agg) && norm(v, agg.last + 1) === 'by' && onlyBetween(v, last, agg.first, filler),
  );
}

/** "husband and wife", "son 16 v mum", "sis vs sis": two relationship cues joined by a pair joiner; an age may follow the first. */
function adjacentPair(v: CueView, a: Args, x: Span, y: Span): boolean {
  const [left, right] = x.last < y.first ? [x, y] : [y, x];
  const size = right.first - left.last - 1;
  if (size < 1 || size > num(a, 'gap')) return false;
  const joiner = set(a, 'joiner');
  const possessive = set(a, 'words');
  let joined = false;
  for (let i = left.last + 1; i < right.first; i++) {
    const w = v.tokens[i]!.norm;
    if (joiner.has(w)) joined = true;
    else if (!possessive.has(w) && !/^\d{1,2}$/.test(w)) return false;
  }
  return joined;
}
const PAIR_ARGS = { aggression: 'family', within: 'number', filler: 'class', joiner: 'class', words: 'class', gap: 'number' } as const;

export const PREDICATES: Readonly<Record<string, Predicate>> = {
  owned_by: {
    args: {},
    make: () => (v) => norm(v, v.lead) === "'s" && v.tokens[v.lead - 1] !== undefined,
  },
  possessive_after: {
    args: {},
    make: () => (v) => {
      const at = v.cue.last + 1;
      return norm(v, at) === "'s" && v.tokens[at]!.sentence === v.sentence && v.tokens[at + 1]?.sentence === v.sentence;
    },
  },
  possession_follows: {
    // "S1 smashed his ex's car": a possession within a couple of tokens after the possessive, no relative before it.
    args: { family: 'family', within: 'number' },
    make: (a) => (v) => {
      const at = v.cue.last + 1;
      const thing = find(v.record.family(fam(a, 'family')).startingIn(at + 1, at + num(a, 'within')), () => true);
      return thing !== undefined && !some(v.record.relationships.startingIn(at + 1, thing.first - 1), () => true);
    },
  },
  of_relative_after: {
    args: { within: 'number', words: 'class' },
    make: (a) => (v) => {
      const { cue } = v;
      const within = num(a, 'within');
      if (norm(v, cue.last + 1) !== 'of') return false;
      if (!some(v.record.relationships.inside(cue.last + 2, cue.last + 2 + within), (r) => !isCue(v, r))) return false;
      for (let i = cue.last + 2; i < cue.last + 2 + within; i++) if (set(a, 'words').has(norm(v, i))) return true;
      return false;
    },
  },
  of_relative_before: {
    args: { words: 'class' },
    make: (a) => (v) => {
      const before = norm(v, v.lead);
      const ofAt = before === "'s" ? v.lead - 2 : set(a, 'words').has(before) ? v.lead - 1 : v.lead;
      return norm(v, ofAt) === 'of' && some(v.record.relationships.endingIn(ofAt - 1, ofAt - 1), (r) => !isCue(v, r));
    },
  },
  quoted: {
    args: {},
    make: () => (v) => v.tokens[v.cue.first]!.quoted,
  },
  word_before: {
    args: { words: 'class', within: 'number' },
    make: (a) => (v) => {
      const at = v.cue.first;
      for (let i = at - 1; i >= Math.max(0, at - num(a, 'within')); i--) if (set(a, 'words').has(v.tokens[i]!.norm)) return true;
      return false;
    },
  },
  passive_agent: {
    // "assaulted by her son": the words between "by" and the relative are all filler, so "by" sits just before that run.
    args: { aggression: 'family', bystander: 'family', filler: 'class' },
    make: (a) => (v) => {
      const filler = set(a, 'filler');
      let start = v.cue.first;
      while (start > 0 && filler.has(v.tokens[start - 1]!.norm)) start--;
      return acts(v, a, v.record.family(fam(a, 'aggression')).endingIn(start - 2, v.cue.first - 2)).some(
        (agg) => isPassive(agg, v.tokens, v.words.passiveAux) && norm(v, agg.last + 1) === 'by' && v.cue.first > agg.last + 1 && onlyBetween(v, agg.last + 1, v.cue.first, filler),
      );
    },
  },
  subject_act: {
    args: { aggression: 'family', bystander: 'family', reporting: 'family', within: 'number' },
    make: (a) => (v) => subjectActs(v, a).length > 0,
  },
  subject_act_on_party: {
    // Not "her brother restrained the male": an act aimed at someone who is no relative.
    args: { aggression: 'family', bystander: 'family', reporting: 'family', within: 'number', objects: 'class' },
    make: (a) => (v) => subjectActs(v, a).some((agg) => !aimedAtOutsider(v, agg.last, set(a, 'objects'))),
  },
  plural: {
    // The words of the cue name two or more people ("brothers", "husband and wife").
    args: { words: 'class', joiner: 'class' },
    make: (a) => {
      const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`\\b(${[...set(a, 'words')].map(escape).join('|')})$|\\b(${[...set(a, 'joiner')].map(escape).join('|')})\\b`);
      return (v) => pattern.test(v.tokens.slice(v.cue.first, v.cue.last + 1).map((t) => t.norm).join(' '));
    },
  },
  mutual_after: {
    // A row between the people just named: "two brothers who live together had been arguing".
    args: { family: 'family', within: 'number' },
    make: (a) => (v) =>
      some(v.record.family(fam(a, 'family')).startingIn(v.cue.last + 1, v.cue.last + num(a, 'within')), (m) => inSentence(v, m) && !personBetween(v, v.cue.last, m.first)),
  },
  object_of_act: {
    args: { aggression: 'family', within: 'number', filler: 'class', aimed: 'class', words: 'class' },
    make: (a) => (v) => objectOfAct(v, a, v.cue.first),
  },
  conjunct_object: {
    // "hit his wife and then her mum": the relative joined by "and" just before is the object of an act.
    args: { aggression: 'family', within: 'number', filler: 'class', aimed: 'class', words: 'class', joiner: 'class' },
    make: (a) => (v) => {
      const joiners = set(a, 'joiner');
      let i = v.cue.first - 1;
      let joined = false;
      while (i >= 0 && (joiners.has(v.tokens[i]!.norm) || v.tokens[i]!.norm === 'and')) {
        if (v.tokens[i]!.norm === 'and') joined = true;
        i--;
      }
      if (!joined || i < 0 || v.tokens[i]!.sentence !== v.sentence) return false;
      const k = v.record.mentions.at(i);
      const m = k >= 0 ? v.record.mentions.list[k]! : undefined;
      return m !== undefined && m.last === i && m.relative && objectOfAct(v, a, m.first);
    },
  },
  bracket_apposition: {
    // "IP (his sister)": a bracket between the party and the possessive.
    args: {},
    make: () => (v) => {
      const party = v.tokens[v.cue.first - 2];
      const possessive = v.tokens[v.cue.first - 1];
      return party !== undefined && possessive !== undefined && party.sentence === v.sentence && v.record.text.slice(party.end, possessive.start).includes('(');
    },
  },
  harmed_by_another: {
    // The relative, or the pair they are named in, harmed by another: "husband and wife both assaulted by their son".
    args: PAIR_ARGS,
    make: (a) => (v) => {
      if (harmedByAnother(v, a, v.cue.last)) return true;
      const paired = find(v.record.relationships.startingIn(v.cue.last + 2, v.cue.last + 1 + num(a, 'gap')), (r) => adjacentPair(v, a, v.cue, r));
      return paired !== undefined && harmedByAnother(v, a, paired.last);
    },
  },
  relative_pair: {
    // Named as a pair with another relative of the sentence, and the pair not harmed by someone else.
    args: PAIR_ARGS,
    make: (a) => (v) => {
      const { cue, record } = v;
      const gap = num(a, 'gap');
      const pairs = (r: Span): boolean => !isCue(v, r) && inSentence(v, r) && adjacentPair(v, a, r, cue) && !harmedByAnother(v, a, Math.max(r.last, cue.last));
      return some(record.relationships.endingIn(cue.first - 1 - gap, cue.first - 2), pairs) || some(record.relationships.startingIn(cue.last + 2, cue.last + 1 + gap), pairs);
    },
  },
  stepped_in_harmed: {
    // "her mother tried to stop him and he shoved her": stepped in, then the suspect turned on them (object pronoun).
    args: { family: 'family', aggression: 'family', within: 'number' },
    make: (a) => (v) => {
      const stepIn = find(v.record.family(fam(a, 'family')).startingIn(v.cue.last + 1, v.cue.last + num(a, 'within')), (m) => inSentence(v, m));
      return stepIn !== undefined && v.record.mentions.pronounHarmedFor(v.cue, stepIn.last, v.record.matches(fam(a, 'aggression')));
    },
  },
  pronoun_acts: {
    // "Son had been drinking, he grabbed her by the throat": the nearest person the subject pronoun can stand for.
    args: { aggression: 'family', sentences: 'number' },
    make: (a) => (v) => v.record.mentions.pronounActsFor(v.cue, v.record.matches(fam(a, 'aggression')), num(a, 'sentences')),
  },
};
