import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, readSuite, shareByKind, SUITE_KINDS } from '../../src/eval/hate-suite.js';
import { shippedTagger, tagger } from '../helpers.js';

/*
 * Issue 15's functional suite. Each file was written by its own writer,
 * blind to the code (README, "Hostility in what was said"): dev-a and dev-b
 * were tuned on, heldout never read while tuning.
 */
const dir = join(import.meta.dirname, '.');
const suites = readdirSync(dir).filter((f) => /^hate-suite-.*\.jsonl$/.test(f)).sort();

describe('functional hate suite', () => {
  it('has at least 40 cases of every kind over the suites, across all five strands', () => {
    const all = suites.flatMap((f) => readSuite(join(dir, f)));
    for (const kind of SUITE_KINDS) {
      const cases = all.filter((c) => c.kind === kind);
      expect(cases.length, kind).toBeGreaterThanOrEqual(40);
      if (kind !== 'non_protected') expect(new Set(cases.map((c) => c.strand)).size, kind).toBe(5);
    }
  });

  const shareOf = (file: string, rulesOnly: boolean) =>
    shareByKind(readSuite(join(dir, file)).map((c) => decide(rulesOnly ? tagger() : shippedTagger(), c)));
  const below = (share: ReturnType<typeof shareByKind>, floor: number) =>
    SUITE_KINDS.filter((k) => share[k].right / share[k].n < floor).map((k) => `${k} ${share[k].right}/${share[k].n}`);
  const overall = (share: ReturnType<typeof shareByKind>) => {
    const all = Object.values(share);
    return all.reduce((a, r) => a + r.right, 0) / all.reduce((a, r) => a + r.n, 0);
  };

  // The rules were tuned on the two dev suites: every kind holds at 0.90 there.
  for (const file of suites.filter((f) => f.includes('-dev-'))) {
    it(`${file}: the rules decide every kind at least 0.90 right`, () => {
      expect(below(shareOf(file, true), 0.9)).toEqual([]);
    });
    it(`${file}: the shipped tagger decides at least 0.95 of all cases right`, () => {
      expect(overall(shareOf(file, false))).toBeGreaterThanOrEqual(0.95);
    });
  }

  // The held-out suite was never read while tuning. Its figure (README) is the one to
  // quote; this guard only catches a regression below what was measured (0.87).
  it('hate-suite-heldout.jsonl: the shipped tagger decides at least 0.85 of all cases right', () => {
    expect(overall(shareOf('hate-suite-heldout.jsonl', false))).toBeGreaterThanOrEqual(0.85);
  });
});
