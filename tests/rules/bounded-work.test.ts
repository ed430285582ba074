import { describe, expect, it } from 'vitest';
import { shippedTagger, tagger } from '../helpers.js';

/*
 * Issue 14: a long record dense with relationship words took ~50 s (every pair of
 * relationship words was paired, and token gaps copied before their length was
 * checked). Role, coreference and context pairing now look only inside windows
 * over indexes, so the candidates examined grow linearly with the text.
 */
const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const DENSE = "her brother and his sister and their mother punched her son, he kicked him and she hit her ex partner's wife who was assaulted by her father of her children, ";
const KIN = ['son', 'daughter', 'husband', 'wife', 'brother', 'sister', 'mother', 'father'];
const witnessList = (n: number): string => Array.from({ length: n }, (_, i) => `W${i + 1} ${KIN[i % KIN.length]}, `).join('');

const worst: [string, (n: number) => string][] = [
  ['dense relationship words', (n) => fill(DENSE, n)],
  ['a witness list "W1 son, W2 daughter, ..."', (n) => witnessList(4000).slice(0, n)],
];

describe.each(worst)('bounded work per record: %s', (_name, make) => {
  it('the candidates examined grow linearly with the length', () => {
    const small = tagger().analyse(make(10_000));
    const large = tagger().analyse(make(20_000));
    const cues = large.findings.length;
    expect(cues).toBeGreaterThan(800);
    // Twice the text, about twice the work (a pairwise scan would be four times, 50 s before).
    expect(large.steps / small.steps).toBeLessThan(2.3);
    expect(large.steps / cues).toBeLessThan(12);
  });

  it('20,000 characters tag quickly (20x the ~70 ms measured, for a noisy machine)', () => {
    const text = make(20_000);
    shippedTagger().tag(text.slice(0, 200));
    const t0 = performance.now();
    const r = shippedTagger().tag(text);
    expect(performance.now() - t0).toBeLessThan(1400);
    expect(r.evidence.length + r.discounted.length).toBeGreaterThan(100);
  });
});
