import { describe, expect, it } from 'vitest';
import { loadKeywordBaseline } from '../../src/rules/keyword-baseline.js';

const kw = loadKeywordBaseline();

describe('the partnership keyword baseline', () => {
  it('tags by case-insensitive "contains", as a plain keyword search does', () => {
    expect(kw.tags('DRUNK MALE IN THE PUB')).toEqual(['alcohol', 'nte', 'street_asb']);
    expect(kw.tags('Male drinking')).toEqual(['alcohol']);
  });
  it('reproduces the method\'s known errors: witnesses and substrings count', () => {
    expect(kw.tags("IP's mother called police")).toContain('familial');
    expect(kw.tags('damage to the barrier')).toContain('nte');
  });
  it('names which keywords matched', () => {
    expect(kw.matches('Homeless male begging, drunk', 'street_asb')).toEqual(['homeless', 'drunk', 'begging']);
  });
  it('shows each hit inside the word that holds it, with offsets into the text', () => {
    const text = 'Damage to the barrier by the public house, then a bar fight';
    const hits = kw.hits(text, 'nte').filter((h) => h.keyword === 'bar');
    expect(hits.map((h) => [h.word, h.insideWord])).toEqual([['barrier', true], ['bar', false]]);
    expect(text.slice(hits[1]!.start, hits[1]!.end)).toBe('bar');
  });
});
