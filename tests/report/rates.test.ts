import { describe, expect, it } from 'vitest';
import { change } from '../../src/report/figures.js';
import { rate, rateChange, wilson } from '../../src/report/rates.js';

describe('rates with 95% intervals', () => {
  it('gives the Wilson score interval, exact at the ends', () => {
    const none = wilson(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const half = wilson(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    expect(wilson(10, 10).high).toBe(1);
    expect(rate(12, 1000)).toEqual({ per1000: 12, low: 6.9, high: 20.9 });
  });

  it("matches Newcombe's published example for a difference of proportions (56/70 against 48/80)", () => {
    const c = rateChange(48, 80, 56, 70);
    expect(c.difference).toBe(200);
    expect(c.low).toBe(52.4);
    expect(c.high).toBe(333.9);
    expect(c.verdict).toBe('up');
  });

  it('says "no clear change" when more records raised the count but not the rate', () => {
    // The case: 3,000 records then 4,000; the count rises by 37.8%, the rate barely moves.
    const row = change('alcohol', 37, 3000, 51, 4000);
    expect(row.percent).toBe(37.8);
    expect(row.rate.earlier.per1000).toBe(12.3);
    expect(row.rate.later.per1000).toBe(12.8);
    expect(row.rate.low).toBeLessThan(0);
    expect(row.rate.high).toBeGreaterThan(0);
    expect(row.rate.verdict).toBe('no clear change');
  });

  it('says "up" or "down" only when the whole interval is on one side', () => {
    expect(rateChange(100, 1000, 200, 1000).verdict).toBe('up');
    expect(rateChange(200, 1000, 100, 1000).verdict).toBe('down');
    expect(rateChange(10, 100, 12, 100).verdict).toBe('no clear change');
    expect(rateChange(0, 0, 5, 100).verdict).toBe('no clear change');
  });

  it('refuses counts that cannot be proportions', () => {
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
  });
});
