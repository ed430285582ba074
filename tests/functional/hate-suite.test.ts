import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, readSuite, shareByKind, SUITE_KINDS } from '../../src/eval/hate-suite.js';
import { shippedTagger } from '../helpers.js';

/*
 * Issue 15's functional suite: at least 0.90 of the cases of every kind,
 * hateful and not, decided right by the tagger as shipped. Each file was
 * written by its own writer, blind to the code (see README, "Hostility in
 * what was said").
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

  for (const file of suites) {
    it(`${file}: every kind at least 0.90 right`, () => {
      const share = shareByKind(readSuite(join(dir, file)).map((c) => decide(shippedTagger(), c)));
      const below = SUITE_KINDS.filter((k) => share[k].right / share[k].n < 0.9).map((k) => `${k} ${share[k].right}/${share[k].n}`);
      expect(below).toEqual([]);
    });
  }
});
