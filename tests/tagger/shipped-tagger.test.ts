import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/store.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { TAG_IDS, type TagId } from '../../src/tags.js';
import { shippedTagger } from '../helpers.js';
import { ALL_SPEC_CASES } from '../spec/tags-spec-cases.js';
import { join } from 'node:path';

const tagger = shippedTagger();

describe('the shipped tagger (rules plus model)', () => {
  it('loads the trained model from models/', () => {
    expect(tagger.model).toMatch(/^motag-\d+\.\d+\.\d+\+model-/);
  });

  it('agrees with at least 95% of the TAGS.md examples', () => {
    const wrong: string[] = [];
    let checks = 0;
    for (const c of ALL_SPEC_CASES) {
      const tags = tagger.tag(c.text).tags;
      for (const t of c.yes ?? []) {
        checks++;
        if (!tags.includes(t)) wrong.push(`missing ${t}: ${c.text}`);
      }
      for (const t of c.no ?? []) {
        checks++;
        if (tags.includes(t)) wrong.push(`unwanted ${t}: ${c.text}`);
      }
    }
    expect(wrong.length / checks, wrong.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('explains every positive with evidence, from the rules or from the model', () => {
    const sample = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl')).filter((r) => r.split === 'dev');
    for (const r of sample) {
      const res = tagger.tag(r.text, r.id);
      for (const t of res.tags) expect(res.evidence.some((e) => e.tag === t), `${r.id} ${t}`).toBe(true);
      for (const e of res.evidence) expect(r.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('shows the words behind a model-only decision and says it is one', () => {
    const dev = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl')).filter((r) => r.split === 'dev');
    let modelOnly = 0;
    for (const r of dev) {
      const res = tagger.tag(r.text, r.id);
      for (const t of res.tags) {
        if (res.evidence.some((e) => e.tag === t && e.source.startsWith('lexicon:'))) continue;
        modelOnly++;
        const shown = res.evidence.filter((e) => e.tag === t);
        expect(shown.length, `${r.id} ${t}`).toBeGreaterThan(0);
        for (const e of shown) {
          expect(e.source).toMatch(/^model:/);
          expect(e.note).toBe('model decision with no rule cue');
        }
      }
    }
    // The model earns its place by finding positives the rules miss.
    expect(modelOnly).toBeGreaterThan(0);
  });

  it('lists in needs_review exactly the tags whose score is inside the abstain band', () => {
    const bands = tagger.bands!;
    const texts = readCorpus(join(PACKAGE_ROOT, 'corpus', 'corpus.jsonl')).filter((r) => r.split === 'dev').map((r) => r.text);
    let flagged = 0;
    for (const text of texts) {
      const res = tagger.tag(text);
      for (const t of TAG_IDS as readonly TagId[]) {
        const s = res.scores[t];
        if (Math.abs(s - bands[t].low) < 0.001 || Math.abs(s - bands[t].high) < 0.001) continue; // rounding edge
        expect(res.needs_review.includes(t), `${t} ${s} ${JSON.stringify(bands[t])}`).toBe(s >= bands[t].low && s < bands[t].high);
      }
      flagged += res.needs_review.length;
    }
    expect(flagged).toBeGreaterThan(0);
  });
});
