import { describe, expect, it } from 'vitest';
import { pluralOf } from '../../src/rules/inflect.js';

describe('lexicon nouns are pluralised by compromise when the lexicons load', () => {
  it('knows irregular and demonym plurals', () => {
    expect(pluralOf('gay man')).toBe('gay men');
    expect(pluralOf('black person')).toBe('black people');
    expect(pluralOf('pakistani')).toBe('pakistanis');
    expect(pluralOf('trans woman')).toBe('trans women');
    expect(pluralOf('batty boy')).toBe('batty boys');
  });
  it('gives no plural it cannot trust', () => {
    expect(pluralOf('sheep')).toBeNull();
  });
});
