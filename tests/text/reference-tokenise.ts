/*
 * The tokeniser as it was before its speed-ups (issue 16), kept only so
 * tokenise-equivalence.test.ts can show the tokeniser gives the same tokens.
 */
import type { Token, TokenisedText } from '../../src/text/tokens.js';
import { TIME_PATTERN, classifyTime } from '../../src/text/times.js';
import type { TextResources } from '../../src/text/resources.js';

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
const SCAN = new RegExp(
  [
    `(${TIME_PATTERN})`,
    // Words may hold slashes, ampersands and hyphens ("O/S", "A&E", "EX-P") and
    // asterisks, because slurs are often written masked ("p*ki").
    // With issue 15's one change of rule, made in both: @ and $ inside a word stay in it ("f@g").
    String.raw`([\p{L}\p{N}](?:[\p{L}\p{N}*]|[@$](?=[\p{L}\p{N}]))*(?:['’][\p{L}]+)*(?:[/&\-][\p{L}\p{N}*]+(?:['’][\p{L}]+)*)*)`,
    // " / " separates entries in police logs; a slash between spaces ends a sentence.
    // A full stop after a title or street abbreviation ("Dr.", "St.", "Ave.", "U.S.") does not end the sentence.
    String.raw`((?<!${ABBREVIATION})[.!?]+(?=[\s"'”’)]|$)|\n+|\s/\s|\s-{1,2}\s|\s—\s)`,
    String.raw`(;)`,
    String.raw`(["“”«»]|(?<![\p{L}\p{N}])['‘]|['’](?![\p{L}\p{N}]))`,
  ].join('|'),
  'gu',
);

/** Words that open a new clause: a negation before them never reaches past them. */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'except', 'whilst', 'while']);

export function referenceTokenise(text: string, res: TextResources): TokenisedText {
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
