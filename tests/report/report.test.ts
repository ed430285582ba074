import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeywordBaseline } from '../../src/rules/keyword-baseline.js';
import { aggregateTaggedCsv, monthOf } from '../../src/report/aggregate.js';
import { change, reportFigures } from '../../src/report/figures.js';
import { renderHtml } from '../../src/report/render-html.js';
import { TAG_IDS } from '../../src/tags.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'motag-report-'));
const header = ['ref', 'date', 'ward', 'MO_text', ...TAG_IDS.map((t) => `tag_${t}`)].join(',');
const row = (ref: string, date: string, ward: string, text: string, tags: string[]) =>
  [ref, date, ward, `"${text}"`, ...TAG_IDS.map((t) => (tags.includes(t) ? '1' : '0'))].join(',');

const later = join(dir, 'later.csv');
writeFileSync(
  later,
  [
    header,
    row('1', '2025-01-03', 'Abbey', 'drunk male begging, homeless', ['alcohol', 'street_asb']),
    row('2', '14/01/2025', 'Abbey', 'IP punched by her husband', ['domestic']),
    row('3', '2025-02-10', 'Market', 'fight in the bar, no alcohol involved', ['nte']),
    row('4', 'unknown', 'Market', 'bike stolen', []),
  ].join('\n'),
);

describe('report figures', () => {
  it('counts the classifier, the keyword method, street families, months and groups', async () => {
    const f = await aggregateTaggedCsv(later, loadKeywordBaseline(), { textField: 'MO_text', dateField: 'date', groupField: 'ward' });
    expect(f.records).toBe(4);
    expect(f.classifier.alcohol).toBe(1);
    expect(f.keyword.alcohol).toBe(2); // "drunk", and "alcohol" in the negated record
    expect(f.keyword.domestic).toBe(1);
    expect(f.streetFamilies).toMatchObject({ begging: 1, homeless: 1, drunk: 1, street_drinking: 1, abusive_language: 0 });
    expect(Object.keys(f.monthly)).toEqual(['2025-01', '2025-02']);
    expect(f.monthly['2025-01']!.records).toBe(2);
    expect(f.undated).toBe(1);
    expect(f.groups.Market!.tags.nte).toBe(1);
  });

  it('reads ISO and UK dates', () => {
    expect(monthOf('2025-03-14T22:10')).toBe('2025-03');
    expect(monthOf('4/3/2025')).toBe('2025-03');
    expect(monthOf('March')).toBeNull();
  });

  it('gives the apparent and percentage change, and "no calc" on a small base', () => {
    expect(change('alcohol', 200, 250)).toEqual({ tag: 'alcohol', earlier: 200, later: 250, change: 50, percent: 25 });
    expect(change('hate_religion', 12, 30).percent).toBe('no calc');
  });

  it('renders one self-contained HTML file with inline SVG charts and no network', async () => {
    const f = await aggregateTaggedCsv(later, loadKeywordBaseline(), { textField: 'MO_text', dateField: 'date' });
    const html = renderHtml(reportFigures(f, f), { title: 'Test <report>', source: 'later.csv' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(1 + TAG_IDS.length);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
    expect(html).toContain('Test &lt;report&gt;');
    expect(html).toContain('no calc');
  });
});

describe('motag report', () => {
  it('writes HTML, and the same figures as JSON with --format json', () => {
    const out = join(dir, 'r.html');
    const r = runCli(['report', '--in', later, '--out', out, '--date-field', 'date', '--compare', later]);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Change from the earlier period');
    const json = JSON.parse(runCli(['report', '--in', later, '--out', '-', '--format', 'json']).stdout);
    expect(json.records).toBe(4);
    expect(json.tags.find((t: { tag: string }) => t.tag === 'alcohol')).toMatchObject({ classifier: 1, keyword: 2 });
  });

  it('says which columns are missing when the file was not written by motag tag', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const r = runCli(['report', '--in', bad, '--out', join(dir, 'x.html')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lacks columns tag_alcohol/);
  });
});
