import type { Token, TokenisedText } from './tokens.js';
import { TIME_PATTERN, classifyTime } from './times.js';
import type { TextResources } from './resources.js';

/*
 * One left-to-right scan finds words, clock times and the marks that end
 * sentences and clauses. Each word is then normalised (case, apostrophes,
 * spelling, police shorthand) into one or more matching tokens that all keep
 * the original word's offsets.
 */
const SCAN = new RegExp(
  [
    `(?<time>${TIME_PATTERN})`,
    // Words may hold slashes, ampersands and hyphens ("O/S", "A&E", "EX-P") and
    // asterisks, because slurs are often written masked ("p*ki").
    String.raw`(?<word>[\p{L}\p{N}][\p{L}\p{N}*]*(?:['’][\p{L}]+)*(?:[/&\-][\p{L}\p{N}*]+(?:['’][\p{L}]+)*)*)`,
    // " / " separates entries in police logs; a slash between spaces ends a sentence.
    String.raw`(?<sentence>[.!?]+(?=[\s"'”’)]|$)|\n+|\s/\s|\s-{1,2}\s|\s—\s)`,
    String.raw`(?<clause>;)`,
    String.raw`(?<quote>["“”«»]|(?<![\p{L}\p{N}])['‘]|['’](?![\p{L}\p{N}]))`,
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

  for (const m of text.matchAll(SCAN)) {
    const g = m.groups!;
    const start = m.index;
    if (g.word !== undefined) {
      emitWord(g.word, start, res, push);
    } else if (g.time !== undefined) {
      push(classifyTime(g.time), start, start + g.time.length);
    } else if (g.sentence !== undefined) {
      sentence++;
      clause++;
      quoted = false;
    } else if (g.clause !== undefined) {
      clause++;
    } else if (g.quote !== undefined) {
      quoted = !quoted;
      clause++;
    }
  }
  return { text, tokens };
}

type Push = (norm: string, start: number, end: number) => void;

function emitWord(raw: string, start: number, res: TextResources, push: Push): void {
  const whole = lookup(normaliseCase(raw), res);
  if (whole) {
    for (const w of whole) push(w, start, start + raw.length);
    return;
  }
  if (!/[/&-]/.test(raw)) {
    emitPart(normaliseCase(raw), start, start + raw.length, res, push);
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
  return word.toLowerCase().replace(/’/g, "'");
}

/** Shorthand first, then spelling; either may stand for several words. */
function lookup(word: string, res: TextResources): readonly string[] | undefined {
  return res.shorthand.get(word) ?? res.spelling.get(word)?.split(' ');
}

function emitPart(part: string, start: number, end: number, res: TextResources, push: Push): void {
  let base = part;
  let suffix: string | null = null;
  if (base.endsWith("n't")) {
    base = base.slice(0, -3);
    suffix = 'not';
  } else if (base.endsWith("'s") || base.endsWith("'")) {
    base = base.endsWith("'s") ? base.slice(0, -2) : base.slice(0, -1);
    suffix = "'s";
  } else if (base.includes("'")) {
    base = base.replace(/'/g, '');
  }
  for (const w of lookup(base, res) ?? [base]) push(w, start, end);
  if (suffix) push(suffix, start, end);
}
