import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeywordBaseline } from '../../src/rules/keyword-baseline.js';
import { aggregateTaggedCsv } from '../../src/report/aggregate.js';
import { monthOf } from '../../src/report/dates.js';
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
    expect(Object.keys(f.dates!.monthly).sort()).toEqual(['2025-01', '2025-02']);
    expect(f.dates!.monthly['2025-01']!.records).toBe(2);
    expect(f.dates!.dropped.unreadable).toEqual({ count: 1, examples: ['unknown'] });
    expect(f.groups.Market!.tags.nte).toBe(1);
  });

  it('reads ISO, numeric and named-month dates in the order given', () => {
    expect(monthOf('2025-03-14T22:10', 'dmy')).toBe('2025-03');
    expect(monthOf('4/3/2025', 'dmy')).toBe('2025-03');
    expect(monthOf('4/3/2025', 'mdy')).toBe('2025-04');
    expect(monthOf('20-10-2025', 'dmy')).toBe('2025-10');
    expect(monthOf('14-Mar-2025', 'mdy')).toBe('2025-03');
    expect(monthOf('14 March 2025 22:10', 'dmy')).toBe('2025-03');
    expect(monthOf('March 14, 2025', 'dmy')).toBe('2025-03');
    expect(monthOf('03/13/2025', 'dmy')).toBeNull(); // no month 13, never "2025-13"
    expect(monthOf('31/04/2025', 'dmy')).toBeNull();
    expect(monthOf('March', 'dmy')).toBeNull();
  });

  it('gives the apparent and percentage change, and "no calc" on a small base', () => {
    expect(change('alcohol', 200, 1000, 250, 1000)).toMatchObject({ tag: 'alcohol', earlier: 200, later: 250, change: 50, percent: 25 });
    expect(change('hate_religion', 12, 1000, 30, 1000).percent).toBe('no calc');
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

  it('reads a tab-separated file from motag tag --out x.tsv as it reads the comma-separated one', () => {
    const input = join(dir, 'export.csv');
    writeFileSync(
      input,
      ['crime_ref,date,ward,MO_text', '1,2025-01-03,Abbey,"Drunk male, shouting abuse in the street"', '2,2025-01-20,Market,"IP punched by her husband, at home"', '3,2025-02-11,Market,Bike stolen from the rack'].join('\n'),
    );
    const figures = (format: 'csv' | 'tsv') => {
      const tagged = join(dir, `export.tagged.${format}`);
      expect(runCli(['tag', '--in', input, '--out', tagged, '--text-field', 'MO_text', '--id-field', 'crime_ref', '--no-progress']).status).toBe(0);
      const r = runCli(['report', '--in', tagged, '--out', '-', '--format', 'json', '--date-field', 'date', '--group-field', 'ward', '--id-field', 'crime_ref']);
      expect(r.stderr).toMatch(/3 records/);
      return { tagged: readFileSync(tagged, 'utf8'), json: JSON.parse(r.stdout) };
    };
    const csv = figures('csv');
    const tsv = figures('tsv');
    // Tabs, with the narratives' commas left unquoted: a comma-separated reading would split them.
    expect(tsv.tagged.split('\n')[0]).toContain('\tMO_text\t');
    // The same figures; only the tagging time differs between the two runs.
    const { taggedAt: tsvAt, ...tsvFigures } = tsv.json;
    const { taggedAt: csvAt, ...csvFigures } = csv.json;
    expect(tsvFigures).toEqual(csvFigures);
    expect([tsvAt.first, csvAt.first]).toEqual([expect.stringMatching(/^\d{4}-/), expect.stringMatching(/^\d{4}-/)]);
    expect(tsv.json.records).toBe(3);
    expect(tsv.json.tags.find((t: { tag: string }) => t.tag === 'domestic').classifier).toBe(1);
  });

  it('says which columns are missing when the file was not written by motag tag', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const r = runCli(['report', '--in', bad, '--out', join(dir, 'x.html')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lacks columns tag_alcohol/);
  });
});

describe('report: dates, disagreements, models', () => {
  const file = (name: string, lines: string[]) => {
    const p = join(dir, name);
    writeFileSync(p, lines.join('\n'));
    return p;
  };
  const head = ['id', 'date', 'MO_text', ...TAG_IDS.map((t) => `tag_${t}`), 'evidence', 'motag_model', 'motag_tagged_at'].join(',');
  const line = (id: string, date: string, text: string, tags: string[], evidence = '', model = 'motag-test+m1') =>
    [id, date, `"${text}"`, ...TAG_IDS.map((t) => (tags.includes(t) ? '1' : '0')), `"${evidence}"`, model, '2026-12-01T10:00:00Z'].join(',');
  const keyword = loadKeywordBaseline();

  it('reads a column as month-first when one value shows it, and never makes month 13', async () => {
    const p = file('us.csv', [head, line('1', '03/13/2025', 'x', []), line('2', '04/02/2025', 'y', [])]);
    const f = await aggregateTaggedCsv(p, keyword, { textField: 'MO_text', dateField: 'date' });
    expect(f.dates!.order).toEqual({ order: 'mdy', from: 'values' });
    expect(Object.keys(f.dates!.monthly).sort()).toEqual(['2025-03', '2025-04']);
  });

  it('reads a column as day-first when one value shows it, with dashes and named months', async () => {
    const p = file('uk.csv', [head, line('1', '20-10-2025', 'x', []), line('2', '04-02-2025', 'y', []), line('3', '14-Mar-2025', 'z', [])]);
    const f = await aggregateTaggedCsv(p, keyword, { textField: 'MO_text', dateField: 'date' });
    expect(f.dates!.order!.order).toBe('dmy');
    expect(Object.keys(f.dates!.monthly).sort()).toEqual(['2025-02', '2025-03', '2025-10']);
    expect(f.dates!.dropped.unreadable.count + f.dates!.dropped.impossible.count).toBe(0);
  });

  it('refuses a column whose order cannot be told, naming --date-format; the option settles it', async () => {
    const p = file('amb.csv', [head, line('1', '03/04/2025', 'x', []), line('2', '05/06/2025', 'y', [])]);
    await expect(aggregateTaggedCsv(p, keyword, { textField: 'MO_text', dateField: 'date' })).rejects.toThrow(/--date-format/);
    const f = await aggregateTaggedCsv(p, keyword, { textField: 'MO_text', dateField: 'date', dateFormat: 'mdy' });
    expect(Object.keys(f.dates!.monthly).sort()).toEqual(['2025-03', '2025-05']);
    const mixed = file('mixed.csv', [head, line('1', '13/04/2025', 'x', []), line('2', '04/13/2025', 'y', [])]);
    await expect(aggregateTaggedCsv(mixed, keyword, { textField: 'MO_text', dateField: 'date' })).rejects.toThrow(/mixes day-first .*--date-format/);
    const r = runCli(['report', '--in', p, '--out', join(dir, 'amb.html'), '--date-field', 'date']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--date-format dmy/);
  });

  it('says why records were left out of the monthly series', async () => {
    const p = file('drop.csv', [head, line('1', '', 'x', []), line('2', 'soon', 'y', []), line('3', '2025-02-30', 'z', []), line('4', '2025-02-01', 'w', [])]);
    const f = reportFigures(await aggregateTaggedCsv(p, keyword, { textField: 'MO_text', dateField: 'date' }), null);
    expect(f.undated).toEqual([
      { reason: 'empty', count: 1, examples: [] },
      { reason: 'unreadable', count: 1, examples: ['soon'] },
      { reason: 'impossible', count: 1, examples: ['2025-02-30'] },
    ]);
    expect(renderHtml(f, { title: 't', source: 'drop.csv' })).toContain('not a real date');
  });

  it('counts and samples the records keyword method and classifier disagree on, with the words that decided', async () => {
    const p = file('dis.csv', [
      head,
      line('A1', '2025-01-01', 'Male shouting in the public library', []),
      line('A2', '2025-01-01', 'IP punched outside the club by door staff', ['nte'], 'nte: door staff [nte.door_staff]'),
      line('A3', '2025-01-01', 'Fight after the match', ['nte']),
      line('A4', '2025-01-01', 'Argument during the night', ['nte'], 'nte: during the [model:b:during the]'),
    ]);
    const f = reportFigures(await aggregateTaggedCsv(p, keyword, { textField: 'MO_text' }), null);
    const nte = f.disagreements.find((d) => d.tag === 'nte')!;
    expect(nte.keywordOnly).toBe(1);
    expect(nte.keywordOnlySamples[0]).toMatchObject({ id: 'A1', keywordHits: ['"pub" in "public"'] });
    expect(nte.classifierOnly).toBe(2);
    expect(nte.classifierOnlySamples[0]).toMatchObject({ id: 'A3', classifierEvidence: [] });
    // The model's evidence in the narrative's words, never the hashed feature's name.
    expect(nte.classifierOnlySamples[1]).toMatchObject({ id: 'A4', classifierEvidence: ['during the [model: no rule cue]'] });
    const html = renderHtml(f, { title: 't', source: 'dis.csv' });
    expect(html).toContain('&quot;pub&quot; in &quot;public&quot;');
    expect(html).toContain('model: no rule cue');
    expect(html).not.toContain('model:b:');
  });

  it('names the model that tagged the file, and warns when models are mixed or missing', async () => {
    const one = file('m1.csv', [head, line('1', '2025-01-01', 'x', []), line('2', '2025-01-02', 'y', [])]);
    const two = file('m2.csv', [head, line('1', '2025-01-01', 'x', []), line('2', '2025-01-02', 'y', [], '', 'motag-test+m2')]);
    const old = file('old.csv', [header, row('1', '2025-01-01', 'Abbey', 'x', [])]);
    const agg = (p: string) => aggregateTaggedCsv(p, keyword, { textField: 'MO_text' });
    const single = renderHtml(reportFigures(await agg(one), null), { title: 't', source: 'm1.csv' });
    expect(single).toContain('Tagged by motag-test+m1 on 2026-12-01');
    expect(single).not.toContain('class="warn"');
    expect(renderHtml(reportFigures(await agg(two), null), { title: 't', source: 'm2.csv' })).toMatch(/class="warn">The records were tagged by more than one model/);
    expect(renderHtml(reportFigures(await agg(old), null), { title: 't', source: 'old.csv' })).toMatch(/does not say which model tagged it/);
    const across = renderHtml(reportFigures(await agg(one), await agg(two)), { title: 't', source: 'm1.csv', compareSource: 'm2.csv' });
    expect(across).toMatch(/part of any change may be the model's/);
  });

  it('tells apart the same model name over other lexicons or a model retrained on another corpus', async () => {
    const provHead = `${head},motag_lexicons,motag_corpus`;
    const rowWith = (id: string, lexicons: string, corpus: string) => `${line(id, '2025-01-01', 'x', [])},${lexicons},${corpus}`;
    const agg = (p: string) => aggregateTaggedCsv(p, keyword, { textField: 'MO_text' });
    const a = file('prov-a.csv', [provHead, rowWith('1', 'aaaaaaaaaaaa', 'cccccccccccc'), rowWith('2', 'aaaaaaaaaaaa', 'cccccccccccc')]);
    const retrained = file('prov-b.csv', [provHead, rowWith('1', 'aaaaaaaaaaaa', 'dddddddddddd')]);
    const mixed = file('prov-c.csv', [provHead, rowWith('1', 'aaaaaaaaaaaa', 'cccccccccccc'), rowWith('2', 'bbbbbbbbbbbb', 'cccccccccccc')]);
    const single = renderHtml(reportFigures(await agg(a), null), { title: 't', source: 'a.csv' });
    expect(single).toContain('Tagged by motag-test+m1 (lexicons aaaaaaaaaaaa, corpus cccccccccccc) on 2026-12-01');
    expect(single).not.toContain('class="warn"');
    expect(renderHtml(reportFigures(await agg(mixed), null), { title: 't', source: 'c.csv' })).toMatch(/tagged by more than one model/);
    expect(renderHtml(reportFigures(await agg(a), await agg(retrained)), { title: 't', source: 'a.csv', compareSource: 'b.csv' })).toMatch(/part of any change may be the model's/);
  });

  it('lists the columns that exist when a named one is missing (names are case-sensitive)', () => {
    const p = file('cols.csv', [head, line('1', '2025-01-01', 'x', [])]);
    const r = runCli(['report', '--in', p, '--out', join(dir, 'c.html'), '--group-field', 'Ward']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lacks column Ward\. Its columns are: id, date, MO_text, tag_alcohol/);
  });

  it('prints: a print stylesheet, and wide tables split into blocks rather than scrolled', async () => {
    const p = file('print.csv', [head, line('1', '2025-01-01', 'x', ['street_asb'])]);
    const html = renderHtml(reportFigures(await aggregateTaggedCsv(p, keyword, { textField: 'MO_text', dateField: 'date' }), null), { title: 't', source: 'p.csv' });
    expect(html).toContain('@media print');
    expect(html).not.toContain('overflow-x');
    const monthly = html.slice(html.indexOf('<h2>Monthly series'));
    expect(monthly.match(/<div class="block">/g)!.length).toBe(2);
    expect(monthly).toContain('<th>street_asb</th>');
  });

  it('draws the two methods\' bars in colours far apart in lightness, so a greyscale print tells them apart', async () => {
    const p = file('grey.csv', [head, line('1', '2025-01-01', 'drunk male', ['alcohol'])]);
    const html = renderHtml(reportFigures(await aggregateTaggedCsv(p, keyword, { textField: 'MO_text' }), null), { title: 't', source: 'p.csv' });
    // Relative luminance (WCAG) of each bar class's fill: what is left of a colour in greyscale.
    const luminance = (cls: string) => {
      const hex = new RegExp(`svg \\.${cls}\\{fill:#([0-9a-f]{6})`).exec(html)![1]!;
      const [r, g, b] = [0, 2, 4].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    expect(html).toMatch(/<rect[^>]*class="a"/);
    expect(html).toMatch(/<rect[^>]*class="b"/);
    expect(Math.abs(luminance('a') - luminance('b'))).toBeGreaterThan(0.3);
  });
});
