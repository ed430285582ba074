import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagger } from '../helpers.js';

/*
 * A cheap guard that the role rules keep deciding as they did: ~100 corpus
 * sentences covering every rule of lexicons/roles.json, each with the link and
 * the rule recorded for its relationship cues.
 */
const fixture = JSON.parse(readFileSync(new URL('./role-decisions.json', import.meta.url), 'utf8')) as {
  cases: { text: string; decisions: string[] }[];
};

describe('role decisions stay as recorded', () => {
  it('covers most rules', () => {
    const rules = new Set(fixture.cases.flatMap((c) => c.decisions.map((d) => d.split(':').pop())));
    expect(rules.size).toBeGreaterThanOrEqual(25);
  });
  it.each(fixture.cases.map((c) => [c.text.slice(0, 60), c] as const))('%s', (_label, c) => {
    const decided = tagger()
      .analyse(c.text)
      .findings.filter((f) => f.role)
      .map((f) => `${f.text}:${f.role}:${f.rule}`);
    expect(decided).toEqual(c.decisions);
  });
});
