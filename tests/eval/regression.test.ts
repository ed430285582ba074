import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/store.js';
import { goldSet } from '../../src/eval/evaluate.js';
import { countsPerTag, macro } from '../../src/eval/metrics.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { shippedTagger } from '../helpers.js';

/*
 * Quality regression: the shipped tagger's test-split macro-F1 must not fall
 * more than 0.02 below the figure recorded in corpus/README.md.
 */
describe('quality regression on the test split', () => {
  it('keeps macro-F1 within 0.02 of the recorded figure', () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'corpus', 'README.md'), 'utf8');
    const recorded = Number(/<!-- regression: test macro-F1 ([0-9.]+) -->/.exec(readme)?.[1]);
    expect(recorded, 'corpus/README.md must record the test macro-F1').toBeGreaterThan(0);
    const test = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl')).filter((r) => r.split === 'test');
    const tagger = shippedTagger();
    const counts = countsPerTag(test.map((r) => ({ gold: goldSet(r), predicted: new Set(tagger.tag(r.text, r.id).tags) })));
    expect(macro(counts).f1).toBeGreaterThanOrEqual(recorded - 0.02);
  });
});
