import type { Token } from '../text/tokens.js';

/** One position of a compiled phrase. See schema.ts for the syntax. */
export type TokenSpec =
  | { readonly kind: 'word'; readonly words: ReadonlySet<string>; readonly prefixes: readonly string[] }
  | { readonly kind: 'gap'; readonly max: number };

export interface Pattern {
  /** The phrase as written in the lexicon, for error messages and reviewers. */
  readonly source: string;
  readonly specs: readonly TokenSpec[];
}

const GAP = '...';
const GAP_MAX = 3;

export function compilePattern(phrase: string): Pattern {
  const specs: TokenSpec[] = [];
  for (const piece of splitPhrase(phrase)) {
    if (piece === GAP) {
      specs.push({ kind: 'gap', max: GAP_MAX });
      continue;
    }
    const words = new Set<string>();
    const prefixes: string[] = [];
    for (const alt of piece.split('|')) {
      if (alt.length === 0) throw new Error(`motag: empty alternative in pattern "${phrase}"`);
      if (alt.endsWith('*')) {
        if (alt.length < 4) throw new Error(`motag: prefix "${alt}" in "${phrase}" is too short to be safe (3 letters at least)`);
        prefixes.push(alt.slice(0, -1));
      } else {
        words.add(alt);
      }
    }
    specs.push({ kind: 'word', words, prefixes });
  }
  if (specs.length === 0 || specs[0]!.kind === 'gap' || specs[specs.length - 1]!.kind === 'gap') {
    throw new Error(`motag: pattern "${phrase}" must start and end with a word`);
  }
  return { source: phrase, specs };
}

/** Lower-case, split on spaces, and write possessives as the tokeniser emits them ("victim's" -> victim 's). */
function splitPhrase(phrase: string): string[] {
  const out: string[] = [];
  for (const raw of phrase.toLowerCase().trim().split(/\s+/)) {
    if (raw !== "'s" && raw.endsWith("'s")) out.push(raw.slice(0, -2), "'s");
    else out.push(raw);
  }
  return out;
}

export function tokenMatches(spec: TokenSpec & { kind: 'word' }, norm: string): boolean {
  if (spec.words.has(norm)) return true;
  for (const p of spec.prefixes) if (norm.startsWith(p)) return true;
  return false;
}

/**
 * Index of the last token of a match of `specs` starting at token `first`,
 * or -1. Matches never cross a sentence boundary. Gaps take the fewest tokens
 * that let the rest match, so evidence spans stay tight.
 */
export function matchAt(specs: readonly TokenSpec[], tokens: readonly Token[], first: number): number {
  return stepFrom(specs, 0, tokens, first, tokens[first]!.sentence);
}

// A plain recursive function rather than a closure: this runs for every
// candidate phrase at every token, and a closure per call is garbage per call.
function stepFrom(specs: readonly TokenSpec[], si: number, tokens: readonly Token[], ti: number, sentence: number): number {
  if (si === specs.length) return ti - 1;
  const spec = specs[si]!;
  if (spec.kind === 'gap') {
    for (let skip = 0; skip <= spec.max; skip++) {
      const end = stepFrom(specs, si + 1, tokens, ti + skip, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const tok = tokens[ti];
  if (!tok || tok.sentence !== sentence || !tokenMatches(spec, tok.norm)) return -1;
  return stepFrom(specs, si + 1, tokens, ti + 1, sentence);
}
