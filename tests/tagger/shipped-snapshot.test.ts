import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/store.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { TagResultSchema, type TagResult } from '../../src/tagger/result.js';
import { shippedTagger, tagger as rulesTagger } from '../helpers.js';

/*
 * Behaviour does not change by accident: the shipped tagger's results (tags,
 * scores, review flags, evidence, discounted cues) on a fixed sample of about
 * 200 corpus records are committed, and must come out the same. When a change
 * of predictions is intended, regenerate with `npm run build && node
 * scripts/snapshot-shipped.mjs` and say so in the commit.
 */
const snapshot: TagResult[] = readFileSync(join(PACKAGE_ROOT, 'tests', 'tagger', 'shipped-snapshot.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as TagResult);
const corpus = new Map(readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl')).map((r) => [r.id, r]));

describe('the shipped tagger against its committed snapshot', () => {
  it('covers about 200 records, some of them tagged by the model alone', () => {
    expect(snapshot.length).toBeGreaterThanOrEqual(200);
    expect(snapshot.some((r) => r.evidence.some((e) => e.source.startsWith('model:')))).toBe(true);
    expect(snapshot.some((r) => r.needs_review.length > 0)).toBe(true);
  });

  it('gives the same result for every sampled record', () => {
    const tagger = shippedTagger();
    const changed: string[] = [];
    for (const expected of snapshot) {
      const record = corpus.get(expected.id!);
      expect(record, `corpus record ${expected.id}`).toBeDefined();
      const got = tagger.tag(record!.text, record!.id);
      if (JSON.stringify(got) !== JSON.stringify(expected)) changed.push(`${expected.id}: ${JSON.stringify(expected.tags)} ${JSON.stringify(expected.scores)} -> ${JSON.stringify(got.tags)} ${JSON.stringify(got.scores)}`);
    }
    expect(changed).toEqual([]);
  });
});

describe('the result schema', () => {
  it('parses every result of the shipped and the rules-only tagger unchanged', () => {
    for (const tagger of [shippedTagger(), rulesTagger()]) {
      for (const expected of snapshot) {
        const result = tagger.tag(corpus.get(expected.id!)!.text, expected.id);
        // Parsing strips keys the schema lacks, so equality means the schema declares all of them.
        expect(TagResultSchema.parse(result)).toEqual(result);
      }
    }
  });

  it('rejects a result that breaks the contract', () => {
    const good = snapshot[0]!;
    expect(TagResultSchema.safeParse(good).success).toBe(true);
    expect(TagResultSchema.safeParse({ ...good, tags: ['drunk'] }).success).toBe(false);
    expect(TagResultSchema.safeParse({ ...good, scores: { ...good.scores, alcohol: 1.5 } }).success).toBe(false);
    const { nte: _dropped, ...missing } = good.scores;
    expect(TagResultSchema.safeParse({ ...good, scores: missing }).success).toBe(false);
  });
});
