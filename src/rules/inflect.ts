import { createRequire } from 'node:module';

/*
 * Lexicon nouns are written once, singular; compromise knows their plurals,
 * irregular ones too ("gay man" -> "gay men", "person" -> "people"), that a
 * suffix rule gets wrong. It runs only in `npm run lexicon:generate`, which
 * writes lexicons/plurals.json for the lexicons to load: in every process and
 * tagging thread compromise cost about 40 MB and half a second. The CommonJS
 * build is loaded synchronously because lexicons load synchronously.
 */
interface Compromise {
  methods(): { two: { transform: { noun: { toPlural(word: string, model: unknown): string } } } };
  model(): unknown;
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
