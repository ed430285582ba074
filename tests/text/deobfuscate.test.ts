import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/ruleset.js';
import { Deobfuscator, fuzzyTargets, MIN_FUZZY_LENGTH } from '../../src/text/deobfuscate.js';
import { loadTextResources } from '../../src/text/resources.js';
import { tokenise } from '../../src/text/tokenise.js';
import { LEXICON_DIR } from '../../src/paths.js';

const rules = loadRuleSet(LEXICON_DIR);
const res = loadTextResources(LEXICON_DIR);
const reader = new Deobfuscator(rules.obfuscation);
const read = (text: string) => reader.apply(text, tokenise(text, res).tokens);
const norms = (text: string) => read(text).map((t) => t.norm).join(' ');

describe('obfuscation reader', () => {
  it('undoes leet into the hate vocabulary and keeps the offsets of what was typed', () => {
    const text = 'posted "n1gg3rs should be hung"';
    const t = read(text).find((x) => x.norm === 'niggers')!;
    expect(text.slice(t.start, t.end)).toBe('n1gg3rs');
    expect(norms('"all bl4ck people are sc*m, g0 b4ck h0me"')).toContain('black people');
    expect(norms('wrote "h0m0s not welcome" and "f@g"')).toContain('homos');
  });

  it('joins letters spelt out with spaces or hyphens, word by word', () => {
    expect(norms('GRAFFITI READS "P A K I S   O U T"')).toContain('pakis out');
    expect(norms('SHOUTED "F-A-G-G-O-T" AT IP')).toContain('faggot');
    expect(norms('"t r a n s  p e o p l e  s h o u l d  b e  s h o t"')).toContain('trans people should be shot');
  });

  it('splits words run together only around a group word or slur', () => {
    expect(norms('a text "ihatemexicans get off my street"')).toContain('i hate mexicans');
    expect(norms('S1 was homeless and without money')).toBe('suspect was homeless and without money');
  });

  it('restores a group word or slur one edit away, confirmed by Damerau-Levenshtein', () => {
    expect(norms('a message "lesbains are disgsting freaks"')).toBe('a message lesbians are disgusting freaks');
    expect(norms('texted "autsitic freak" repeatedly')).toContain('autistic');
  });

  it('never rewrites a real word, however close to a hate word', () => {
    for (const word of ['trunk', 'bother', 'queen', 'beach', 'purse', 'muslin', 'digger', 'Blackburn', 'Christina']) {
      expect(norms(`S1 mentioned the ${word} twice`)).toBe(`suspect mentioned the ${word.toLowerCase()} twice`);
    }
  });

  it('leaves a record with nothing disguised as the very same token array', () => {
    const tokens = tokenise('S1 was drunk and punched IP outside the club', res).tokens;
    expect(reader.apply('S1 was drunk and punched IP outside the club', tokens)).toBe(tokens);
  });

  it('restores by edit distance only words long enough to be safe', () => {
    expect(fuzzyTargets(rules.obfuscation).every((t) => t.length >= MIN_FUZZY_LENGTH)).toBe(true);
    expect(norms('the guys left')).toBe('the guys left');
  });
});
