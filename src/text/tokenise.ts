import type { Token, TokenisedText } from './tokens.js';
import { TIME_PATTERN, classifyTime } from './times.js';
import type { TextResources } from './resources.js';

/*
 * One left-to-right scan finds words, clock times and the marks that end
 * sentences and clauses. Each word is then normalised (case, apostrophes,
 * spelling, police shorthand) into one or more matching tokens that all keep
 * the original word's offsets.
 */
/*
 * Abbreviations that end in a full stop in US and UK prose. "No." is left
 * out on purpose: "he said no." ends a sentence, and a negation scope must not
 * run on into the next one.
 */
const ABBREVIATION = String.raw`(?<![\p{L}.])(?:[Ss]t|[Dd]r|[Aa]ve|[Mm]rs?|[Mm]s|[Jj]r|[Ss]r|[Bb]lvd|[Rr]d|[Ll]n|[Ll]t|[Ss]gt|[Dd]et|[Oo]fc|[Cc]pl|[Aa]pprox|[Vv]s|[Ii]nc|[Mm]t|[Aa]pt|[Ee]st|[Hh]wy|U\.S|[Aa]\.m|[Pp]\.m)`;
/*
 * A lookahead for the first character goes before each alternative that
 * starts with a lookbehind ("(?=\d)", "(?=[.!?])", "(?=['‘])"): the regex
 * engine then rules the alternative out at most positions with one character
 * test instead of running the lookbehind first. The matches are the same.
 */
const SCAN = new RegExp(
  [
    String.raw`((?=\d)${TIME_PATTERN})`,
    // Words may hold slashes, ampersands and hyphens ("O/S", "A&E", "EX-P"),
    // asterisks, because slurs are often written masked ("p*ki"), and @ or $
    // inside a word, because they are written for letters ("f@g", "mu$lim").
    String.raw`([\p{L}\p{N}](?:[\p{L}\p{N}*]|[@$](?=[\p{L}\p{N}]))*(?:['’][\p{L}]+)*(?:[/&\-][\p{L}\p{N}*]+(?:['’][\p{L}]+)*)*)`,
    // " / " separates entries in police logs; a slash between spaces ends a sentence.
    // A full stop after a title or street abbreviation ("Dr.", "St.", "Ave.", "U.S.") does not end the sentence.
    String.raw`((?=[.!?])(?<!${ABBREVIATION})[.!?]+(?=[\s"'”’)]|$)|\n+|\s/\s|\s-{1,2}\s|\s—\s)`,
    String.raw`(;)`,
    String.raw`(["“”«»]|(?=['‘])(?<![\p{L}\p{N}])['‘]|['’](?![\p{L}\p{N}]))`,
  ].join('|'),
  'gu',
);

/** Words that open a new clause: a negation before them never reaches past them. */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'except', 'whilst', 'while']);

export function tokenise(text: string, res: TextResources): TokenisedText {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let quoted = false;
  const push = (norm: string, start: number, end: number): void => {
    if (CLAUSE_WORDS.has(norm) && tokens.length > 0) clause++;
    tokens.push({ norm, start, end, sentence, clause, quoted });
  };

  // Groups: 1 time, 2 word, 3 sentence end, 4 clause end, 5 quote mark.
  // One shared global regex: tokenising never re-enters itself, so resetting
  // lastIndex is enough and saves a regex copy per narrative.
  const scan = SCAN;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const start = m.index;
    if (m[2] !== undefined) {
      emitWord(m[2], start, res, push);
    } else if (m[1] !== undefined) {
      push(classifyTime(m[1]), start, start + m[1].length);
    } else if (m[3] !== undefined) {
      sentence++;
      clause++;
      quoted = false;
    } else if (m[4] !== undefined) {
      clause++;
    } else if (m[5] !== undefined) {
      // "the kids' dad": outside a quotation, an apostrophe straight after a
      // plural -s is a possessive, not a quote opening.
      if (!quoted && (m[5] === "'" || m[5] === '’') && /[sS]/.test(text[start - 1] ?? '')) {
        push("'s", start, start + 1);
        continue;
      }
      quoted = !quoted;
      clause++;
    }
  }
  return { text, tokens };
}

type Push = (norm: string, start: number, end: number) => void;

function emitWord(raw: string, start: number, res: TextResources, push: Push): void {
  const lower = normaliseCase(raw);
  const whole = lookup(lower, res);
  if (whole) {
    for (const w of whole) push(w, start, start + raw.length);
    return;
  }
  if (!/[/&-]/.test(raw)) {
    emitPart(lower, start, start + raw.length, res, push);
    return;
  }
  // Compounds that are not shorthand ("pub/club", "ex-partner", "drink-drive")
  // are matched as their parts. Split the raw word so offsets stay exact.
  let offset = 0;
  for (const part of raw.split(/([/&-])/)) {
    if (part.length > 1 || /[^/&-]/.test(part)) {
      emitPart(normaliseCase(part), start + offset, start + offset + part.length, res, push);
    }
    offset += part.length;
  }
}

function normaliseCase(word: string): string {
  const lower = word.toLowerCase();
  // Most words have no curly apostrophe: skip the replace (a regex run per word) for them.
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Spelling corrections split into words once, not once per occurrence (they are only read). */
const SPELLING_WORDS = new WeakMap<TextResources, Map<string, readonly string[]>>();

/** Shorthand first, then spelling; either may stand for several words. */
function lookup(word: string, res: TextResources): readonly string[] | undefined {
  const short = res.shorthand.get(word);
  if (short) return short;
  const right = res.spelling.get(word);
  if (right === undefined) return undefined;
  let split = SPELLING_WORDS.get(res);
  if (!split) SPELLING_WORDS.set(res, (split = new Map()));
  let words = split.get(right);
  if (!words) split.set(right, (words = right.split(' ')));
  return words;
}

function emitPart(part: string, start: number, end: number, res: TextResources, push: Push): void {
  let base = part;
  let suffix: string | null = null;
  // Most words have no apostrophe at all: one scan rules out all three cases.
  if (base.includes("'")) {
    if (base.endsWith("n't")) {
      base = base.slice(0, -3);
      suffix = 'not';
    } else if (base.endsWith("'s") || base.endsWith("'")) {
      base = base.endsWith("'s") ? base.slice(0, -2) : base.slice(0, -1);
      suffix = "'s";
    } else {
      base = base.replace(/'/g, '');
    }
  }
  for (const w of lookup(base, res) ?? [base]) push(w, start, end);
  if (suffix) push(suffix, start, end);
}
