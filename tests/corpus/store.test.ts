import { describe, expect, it } from 'vitest';
import type { Labels } from '../../src/corpus/record.js';
import { addToCorpus, type IncomingRecord } from '../../src/corpus/store.js';
import { perTag } from '../../src/tags.js';

const labels = (yes: string[] = []): Labels => perTag((t) => (yes.includes(t) ? 1 : 0));
const rec = (id: string, text = `text of ${id}`, yes: string[] = []): IncomingRecord => ({
  id, text, labels: labels(yes), source: 'synthetic:test', annotator: 'tester',
});

describe('adding records to the corpus', () => {
  const batch = Array.from({ length: 500 }, (_, i) => rec(`r${i}`, `narrative ${i}`, i % 10 === 0 ? ['hate_race'] : []));

  it('splits a batch about 60/20/20, within each stratum too', () => {
    const { added } = addToCorpus([], batch);
    const share = (xs: typeof added, s: string) => xs.filter((r) => r.split === s).length / xs.length;
    expect(share(added, 'train')).toBeCloseTo(0.6, 1);
    expect(share(added, 'dev')).toBeCloseTo(0.2, 1);
    expect(share(added, 'test')).toBeCloseTo(0.2, 1);
    const rare = added.filter((r) => r.labels.hate_race === 1);
    expect(rare.filter((r) => r.split === 'test')).toHaveLength(10);
  });

  it('assigns the same splits every time and never moves old records when new ones arrive', () => {
    const first = addToCorpus([], batch).added;
    expect(addToCorpus([], batch).added).toEqual(first);
    const second = addToCorpus(first, [rec('new1'), rec('new2')]);
    expect(second.added.map((r) => r.id)).toEqual(['new1', 'new2']);
    // the old records are not returned and so cannot change
    expect(second.added.every((r) => !first.some((f) => f.id === r.id))).toBe(true);
  });

  it('skips a record whose id or text (case and spacing folded) is already there', () => {
    const { added } = addToCorpus([], [rec('a', 'Drunk male')]);
    const out = addToCorpus(added, [rec('a', 'other'), rec('b', '  DRUNK   male ')]);
    expect(out.added).toEqual([]);
    expect(out.skipped.map((s) => s.reason)).toEqual(['id already in the corpus', 'same text already in the corpus']);
  });
});
