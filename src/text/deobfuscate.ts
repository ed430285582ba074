import { OneEditIndex } from './real-words.js';
import type { Token } from './tokens.js';

/*
 * Obfuscated spellings of the words hate is said with (issue 15): leet
 * ("bl4ck", "n1gg3rs"), letters spaced or hyphenated out ("P A K I S",
 * "F-A-G-G-O-T"), words run together ("ihatemexicans") and one letter dropped,
 * added, changed or swapped ("lesbains", "disgsting", "autsitic"). Each
 * rewrite keeps the original offsets, so evidence still points at what the
 * officer typed.
 *
 * Only words of the hate vocabulary (group words, slurs, hostile words) are
 * ever restored, and a token that is itself a real word is never rewritten
 * by edit distance: "trunk" is not "drunk", "bother" is not "brother",
 * "queen" is not "queer". The real words near a target are listed in
 * lexicons/real-words.json (picked out of an English dictionary, see
 * real-words.ts), with hand-reviewed additions in lexicons/stance.json.
 */
export interface ObfuscationVocabulary {
  /** Words a disguised token may be restored to. */
  readonly targets: ReadonlySet<string>;
  /** Group words and slurs: a run-together token is split only when one of its words is one. */
  readonly anchors: ReadonlySet<string>;
  /** Real words one edit from a target: never rewritten. */
  readonly neverRewrite: ReadonlySet<string>;
}

/** Shortest group word or slur restored by edit distance: below it, one edit turns too many real words into slurs. */
export const MIN_FUZZY_LENGTH = 6;
/**
 * Shortest hostile word restored by edit distance: misspelt everyday words
 * land on short ones ("wating", "hiting" -> "hating"), rarely on
 * "disgusting" or "parasites".
 */
export const MIN_FUZZY_HOSTILE_LENGTH = 8;
/** Shortest token tried as words run together: "ihategays" is nine letters. */
const MIN_GLUED_LENGTH = 8;
/** Token forms remembered before the memory is cleared. */
const SEEN_LIMIT = 100_000;
/** Fewest single letters in a row read as a spelt-out word ("d i e" is three); two ("b e") only when they spell a word of the vocabulary. */
const MIN_SPELT_LETTERS = 3;
/** Short words a run-together token may contain besides the hate vocabulary ("i", "all", "should"). */
const GLUE_WORDS = ['i', 'we', 'you', 'u', 'all', 'the', 'a', 'are', 'is', 'be', 'out', 'go', 'home', 'back', 'die', 'kill', 'hate', 'should', 'get', 'off', 'no', 'not', 'love', 'fuck', 'fucking', 'dirty', 'burn', 'gas', 'them', 'they', 'deport', 'ban', 'shoot', 'hang'];

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i' };


/** Restores disguised hate words in a token stream; returns the input itself when nothing changed. */
export class Deobfuscator {
  /** The targets edit distance may restore to. */
  private readonly oneEdit: OneEditIndex;
  private readonly glue: ReadonlySet<string>;
  /**
   * What each token form was read as (null: left alone), remembered per
   * process: nearly every form recurs across records, so after the first
   * few hundred records a token costs one map look-up. Cleared when full so
   * a long run with many distinct forms cannot grow it without bound.
   */
  private readonly seen = new Map<string, readonly string[] | null>();

  constructor(private readonly vocab: ObfuscationVocabulary) {
    this.oneEdit = new OneEditIndex(fuzzyTargets(vocab));
    this.glue = new Set([...vocab.targets, ...GLUE_WORDS]);
  }

  apply(text: string, tokens: readonly Token[]): readonly Token[] {
    let out: Token[] | null = null;
    const emit = (i: number, replacement: readonly Token[]): void => {
      out ??= tokens.slice(0, i);
      out.push(...replacement);
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const run = this.speltRun(text, tokens, i);
      if (run > 0) {
        const letters = tokens.slice(i, i + run).map((x) => x.norm).join('');
        // Spelling a word out is deliberate: three letters or more are read as the word
        // they spell (split where they run several together); two only when that is a vocabulary word ("b e").
        const words = this.glue.has(letters) ? [letters] : run >= MIN_SPELT_LETTERS ? (this.unglue(letters) ?? [letters]) : null;
        if (words) {
          const merged = { ...t, end: tokens[i + run - 1]!.end };
          emit(i, words.map((norm) => ({ ...merged, norm })));
          i += run - 1;
          continue;
        }
      }
      const restored = this.restoreCached(t.norm);
      if (restored) emit(i, restored.map((norm) => ({ ...t, norm })));
      else if (out) (out as Token[]).push(t);
    }
    return out ?? tokens;
  }

  /** How many single letters from token i spell a word out, each one character apart in the text ("P A K I", "F-A-G"). */
  private speltRun(text: string, tokens: readonly Token[], i: number): number {
    let n = 0;
    while (i + n < tokens.length) {
      const t = tokens[i + n]!;
      if (t.norm.length !== 1 || !/[a-z]/.test(t.norm) || t.end - t.start !== 1) break;
      if (n > 0 && (t.start - tokens[i + n - 1]!.end !== 1 || /[\p{L}\p{N}]/u.test(text[t.start - 1]!))) break;
      n++;
    }
    return n >= 2 ? n : 0;
  }

  private restoreCached(norm: string): readonly string[] | null {
    // Most tokens are short plain words, which no reading can change: skip the look-up.
    if (norm.length < MIN_FUZZY_LENGTH && !hasLeet(norm)) return null;
    let hit = this.seen.get(norm);
    if (hit === undefined) {
      if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
      hit = this.restore(norm);
      this.seen.set(norm, hit);
    }
    return hit;
  }

  /** The word(s) a disguised token stands for, or null to leave it alone. */
  private restore(norm: string): string[] | null {
    if (this.vocab.targets.has(norm)) return null;
    if (hasLeet(norm) && /[a-z]/.test(norm)) {
      const plain = norm.replace(/[0-9@$!]/g, (c) => LEET[c] ?? c);
      // Leet is undone only into the hate vocabulary and the few words said with it ("g0 b4ck h0me").
      if (this.glue.has(plain)) return [plain];
      return null;
    }
    if (!/^[a-z]+$/.test(norm) || this.vocab.neverRewrite.has(norm)) return null;
    const fuzzy = this.nearest(norm);
    if (fuzzy) return [fuzzy];
    return norm.length >= MIN_GLUED_LENGTH ? this.unglue(norm) : null;
  }

  /** The one target a single edit away (natural's Damerau-Levenshtein confirms it); null when none or several. */
  private nearest(word: string): string | null {
    if (word.length < MIN_FUZZY_LENGTH) return null;
    const near = this.oneEdit.near(word);
    return near.length === 1 ? near[0]! : null;
  }

  /** Splits a run-together token into vocabulary words, one of them a hate word ("ihatemexicans" -> i hate mexicans). */
  private unglue(s: string): string[] | null {
    // best[i]: fewest words that spell s[0, i).
    const best: (string[] | null)[] = [[]];
    for (let end = 1; end <= s.length; end++) {
      best[end] = null;
      for (let start = Math.max(0, end - 20); start < end; start++) {
        const prev = best[start];
        const piece = s.slice(start, end);
        if (!prev || !this.glue.has(piece)) continue;
        if (!best[end] || prev.length + 1 < best[end]!.length) best[end] = [...prev, piece];
      }
    }
    const words = best[s.length];
    if (!words || words.length < 2 || !words.some((w) => this.vocab.anchors.has(w))) return null;
    return words;
  }
}

/** The targets edit distance may restore: group words and slurs from MIN_FUZZY_LENGTH, hostile words from MIN_FUZZY_HOSTILE_LENGTH. */
export function fuzzyTargets(vocab: Pick<ObfuscationVocabulary, 'targets' | 'anchors'>): string[] {
  return [...vocab.targets].filter((t) => t.length >= (vocab.anchors.has(t) ? MIN_FUZZY_LENGTH : MIN_FUZZY_HOSTILE_LENGTH));
}

/** Whether a token holds a character written for a letter (a digit, @, $ or !). */
function hasLeet(norm: string): boolean {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64 || c === 36 || c === 33) return true;
  }
  return false;
}
