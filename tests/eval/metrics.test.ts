import { describe, expect, it } from 'vitest';
import { bootstrapF1 } from '../../src/eval/bootstrap.js';
import { cohensKappa } from '../../src/corpus/kappa.js';
import { countsPerTag, macro, micro, prf, type Pair } from '../../src/eval/metrics.js';
import type { TagId } from '../../src/tags.js';

const pair = (gold: TagId[], predicted: TagId[]): Pair => ({ gold: new Set(gold), predicted: new Set(predicted) });

describe('precision, recall, F1', () => {
  it('counts true positives, false positives and false negatives per tag', () => {
    const c = countsPerTag([pair(['alcohol'], ['alcohol', 'nte']), pair(['alcohol', 'nte'], []), pair([], [])]);
    expect(c.alcohol).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(c.nte).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(prf(c.alcohol)).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
  });

  it('gives a silent tagger no credit on a tag with positives, and full credit on a tag with none', () => {
    expect(prf({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
  });

  it('micro pools counts, macro averages tags', () => {
    const c = countsPerTag([pair(['alcohol'], ['alcohol']), pair(['nte'], [])]);
    expect(micro(c).f1).toBeCloseTo(2 / 3);
    // alcohol 1, nte 0, eight empty tags 1 each: (1 + 0 + 8) / 10
    expect(macro(c).f1).toBeCloseTo(0.9);
  });

  it('bootstrap intervals contain the point estimate and are reproducible', () => {
    const pairs = Array.from({ length: 200 }, (_, i) => pair(i % 3 === 0 ? ['alcohol'] : [], i % 4 === 0 ? ['alcohol'] : []));
    const f1 = prf(countsPerTag(pairs).alcohol).f1;
    const a = bootstrapF1(pairs, 300, 7).perTag.alcohol;
    expect(a.low).toBeLessThanOrEqual(f1);
    expect(a.high).toBeGreaterThanOrEqual(f1);
    expect(a.high).toBeGreaterThan(a.low);
    expect(bootstrapF1(pairs, 300, 7).perTag.alcohol).toEqual(a);
  });
});

describe("Cohen's kappa", () => {
  it('is 1 for perfect agreement and 0 for chance agreement', () => {
    expect(cohensKappa([1, 0, 1, 0], [1, 0, 1, 0])).toBe(1);
    expect(cohensKappa([1, 1, 0, 0], [1, 0, 1, 0])).toBe(0);
  });
  it('matches a hand-computed example', () => {
    // observed 0.9; expected 0.5*0.4 + 0.5*0.6 = 0.5; kappa 0.8
    const a: (0 | 1)[] = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const b: (0 | 1)[] = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    expect(cohensKappa(a, b)).toBeCloseTo((0.9 - 0.5) / 0.5);
  });
});
