import { TAG_IDS } from '../tags.js';
import { MIN_BASE, type ReportFigures } from './figures.js';
import { esc, pairedBars, sparkline } from './svg.js';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
.meta{color:#555} table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem} th,td{border:1px solid #ccc;padding:.3rem .55rem;text-align:right}
th:first-child,td:first-child{text-align:left} thead th{background:#f2f2f2} .nc{color:#777;font-style:italic}
svg .a{fill:#1d70b8} svg .b{fill:#f47738} svg .lbl{font-size:12px;fill:#1b1b1b} svg .num{font-size:11px;fill:#555}
svg .line{fill:none;stroke:#1d70b8;stroke-width:2} svg .dot{fill:#1d70b8} svg .axis{stroke:#bbb}
.charts{display:flex;flex-wrap:wrap;gap:1rem} .wide{overflow-x:auto} td:first-child{white-space:nowrap} .wide table{font-size:.8rem} .note{font-size:.88rem;color:#444;max-width:850px}`;

/** A self-contained HTML report: inline CSS and SVG, no script, no network. */
export function renderHtml(f: ReportFigures, meta: { title: string; source: string; compareSource?: string; model?: string }): string {
  const parts: string[] = [];
  parts.push(`<h1>${esc(meta.title)}</h1><p class="meta">${f.records.toLocaleString('en-GB')} records from ${esc(meta.source)}${meta.model ? `, tagged by ${esc(meta.model)}` : ''}.</p>`);

  parts.push('<h2>Counts per tag</h2>');
  parts.push(
    table(
      ['Tag', 'Classifier: records', 'Classifier: % of records', 'Keyword method: records', 'Keyword method: % of records', 'Difference'],
      f.tags.map((t) => [t.tag, n(t.classifier), `${t.classifierRate}%`, n(t.keyword), `${t.keywordRate}%`, signed(t.classifier - t.keyword)]),
    ),
  );
  parts.push(pairedBars(f.tags.map((t) => ({ label: t.tag, a: t.classifier, b: t.keyword })), ['motag classifier', 'keyword method']));
  parts.push(
    `<p class="note">The keyword method is the partnership's long-standing count: a record is counted when its text contains one of a fixed list of words (lexicons/keyword-baseline.json). It is shown for continuity with earlier assessments; the classifier's precision and recall against a hand-labelled corpus are published in the motag corpus README.</p>`,
  );

  parts.push('<h2>Street ASB keyword families</h2>');
  parts.push(table(['Family', 'Records'], f.streetFamilies.map((s) => [s.family.replace('_', ' '), n(s.records)])));
  parts.push('<p class="note">Counted the way the partnership has counted them: records whose text contains the family\'s keyword. A record can be in several families.</p>');

  if (f.monthly.length > 0) {
    parts.push('<h2>Monthly series</h2>');
    parts.push(`<div class="charts">${TAG_IDS.map((t) => sparkline(t, f.monthly.map((m) => ({ label: m.month, value: m.tags[t] })))).join('')}</div>`);
    parts.push(`<div class="wide">${table(['Month', 'Records', ...TAG_IDS], f.monthly.map((m) => [m.month, n(m.records), ...TAG_IDS.map((t) => n(m.tags[t]))]))}</div>`);
    if (f.undated > 0) parts.push(`<p class="note">${n(f.undated)} records had no readable date and are not in the monthly series.</p>`);
  }

  if (f.groups.length > 0) {
    parts.push('<h2>By group</h2>');
    parts.push(`<div class="wide">${table(['Group', 'Records', ...TAG_IDS], f.groups.map((g) => [g.group, n(g.records), ...TAG_IDS.map((t) => n(g.tags[t]))]))}</div>`);
  }

  if (f.comparison) {
    const c = f.comparison;
    parts.push('<h2>Change from the earlier period</h2>');
    parts.push(`<p class="meta">Earlier: ${n(c.earlierRecords)} records${meta.compareSource ? ` from ${esc(meta.compareSource)}` : ''}. Later: ${n(c.laterRecords)} records.</p>`);
    parts.push(
      table(
        ['Tag', 'Earlier', 'Later', 'Apparent change', '% change'],
        c.rows.map((r) => [r.tag, n(r.earlier), n(r.later), signed(r.change), r.percent === 'no calc' ? '<span class="nc">no calc</span>' : `${r.percent > 0 ? '+' : ''}${r.percent}%`]),
        true,
      ),
    );
    parts.push(`<p class="note">"no calc": the earlier count is under ${MIN_BASE}, too small for a percentage change to mean much.</p>`);
  }

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(meta.title)}</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>\n`;
}

function table(head: string[], rows: string[][], trustedCells = false): string {
  const cell = (c: string): string => (trustedCells && c.startsWith('<span') ? c : esc(c));
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const n = (x: number): string => x.toLocaleString('en-GB');
const signed = (x: number): string => (x > 0 ? `+${n(x)}` : n(x));
