import { createRequire } from 'node:module';

/*
 * Lexicon nouns are written once, singular, and pluralised here when the
 * lexicon loads: compromise knows irregular plurals ("gay man" -> "gay men",
 * "person" -> "people") that a suffix rule gets wrong. Its full parse is far
 * too slow for every record (about 100 records/s), so it is used only here,
 * once per process, on a few hundred lexicon words. The CommonJS build is
 * loaded synchronously because lexicons load synchronously.
 */
interface Compromise {
  methods(): { two: { transform: { noun: { toPlural(word: string, model: unknown): string } } } };
  model(): { one: { lexicon: Record<string, unknown> } };
}

let nlp: Compromise | null = null;
function compromise(): Compromise {
  nlp ??= createRequire(import.meta.url)('compromise/three') as Compromise;
  return nlp;
}

/**
 * The plural of a lexicon noun phrase: its last word pluralised by
 * compromise's noun inflector ("gay man" -> "gay men", "Pakistani" ->
 * "Pakistanis", "person of colour" is written out in the lexicon). Null when
 * it gives the word back unchanged or empty.
 */
export function pluralOf(noun: string): string | null {
  const words = noun.split(' ');
  const last = words.pop()!;
  const plural = compromise().methods().two.transform.noun.toPlural(last, compromise().model()).toLowerCase();
  if (!plural || plural === last || !/^[a-z']+$/.test(plural)) return null;
  return [...words, plural].join(' ');
}

/** Every word compromise's lexicon knows: real English words the obfuscation reader must not rewrite. */
export function knownEnglishWords(): ReadonlySet<string> {
  return new Set(Object.keys(compromise().model().one.lexicon).filter((w) => /^[a-z]+$/.test(w)));
}
