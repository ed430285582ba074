import { TAG_IDS, type TagId } from '../tags.js';
import type { DisagreementSample } from './aggregate.js';
import type { DropReason } from './dates.js';
import { MIN_BASE, type ReportFigures } from './figures.js';
import type { Rate } from './rates.js';
import { esc, pairedBars, sparkline } from './svg.js';

/*
 * The two bar colours differ in lightness as well as hue (dark solid against
 * light outlined) so the charts still read when the report is printed in
 * greyscale. Wide tables are split into blocks of tags rather than scrolled,
 * because these reports end up in PDF and Word where a scrolled column is cut.
 */
const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem} h3{font-size:1rem;margin:1.2rem 0 .3rem}
.meta{color:#555} table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem;max-width:100%} th,td{border:1px solid #ccc;padding:.3rem .55rem;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left} thead th{background:#f2f2f2} .nc{color:#777;font-style:italic} td.words{text-align:left;overflow-wrap:anywhere}
.up{font-weight:600} .down{font-weight:600} .warn{border-left:4px solid #b58105;background:#fff7e0;padding:.4rem .7rem}
svg{max-width:100%;height:auto} svg .a{fill:#12436d} svg .b{fill:#f9b072;stroke:#7a4a12;stroke-width:1} svg .lbl{font-size:12px;fill:#1b1b1b} svg .num{font-size:11px;fill:#555}
svg .line{fill:none;stroke:#12436d;stroke-width:2} svg .dot{fill:#12436d} svg .axis{stroke:#bbb}
.charts{display:flex;flex-wrap:wrap;gap:1rem} td:first-child{white-space:nowrap} .block table{font-size:.85rem} .note{font-size:.88rem;color:#444;max-width:850px}
@page{size:A4;margin:14mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt} h2{break-after:avoid} table{break-inside:auto} tr,svg{break-inside:avoid} thead{display:table-header-group} .charts{gap:.4rem}}`;

/** Tags per table block: ten tag columns beside month and records do not fit a page. */
const TAGS_PER_BLOCK = 5;

const DROP_WORDS: Record<DropReason, string> = {
  empty: 'no date in the column',
  unreadable: 'not a date motag reads (ISO 2025-03-14, 14/03/2025, 03/14/2025, 14-Mar-2025, 14 March 2025, March 14, 2025)',
  impossible: 'not a real date (month over 12 or day past the end of the month)',
};

/** A self-contained HTML report: inline CSS and SVG, no script, no network. */
export function renderHtml(f: ReportFigures, meta: { title: string; source: string; compareSource?: string }): string {
  const parts: string[] = [];
  parts.push(`<h1>${esc(meta.title)}</h1><p class="meta">${n(f.records)} records from ${esc(meta.source)}.${provenance(f)}</p>`);
  parts.push(...modelWarnings(f, meta));

  parts.push('<h2>Rates per tag</h2>');
  parts.push(
    table(
      ['Tag', 'Classifier: records', 'Classifier: per 1,000 records (95% interval)', 'Keyword method: records', 'Keyword method: per 1,000 (95% interval)', 'Difference in records'],
      f.tags.map((t) => [t.tag, n(t.classifier), rateCell(t.classifierRate), n(t.keyword), rateCell(t.keywordRate), signed(t.classifier - t.keyword)]),
    ),
  );
  parts.push(pairedBars(f.tags.map((t) => ({ label: t.tag, a: t.classifier, b: t.keyword })), ['motag classifier', 'keyword method']));
  parts.push(
    `<p class="note">Quote rates, not counts: a count moves with the number of records in the export. The interval is a 95% Wilson score interval. The keyword method is the partnership's long-standing count: a record is counted when its text contains one of a fixed list of words (lexicons/keyword-baseline.json). It is shown for continuity with earlier assessments; the classifier's precision and recall against a hand-labelled corpus are published in the motag corpus README.</p>`,
  );

  parts.push('<h2>Where the keyword method and the classifier disagree</h2>');
  parts.push(
    table(
      ['Tag', 'Keyword method only: records', 'Classifier only: records'],
      f.disagreements.map((d) => [d.tag, n(d.keywordOnly), n(d.classifierOnly)]),
    ),
  );
  for (const d of f.disagreements) {
    if (d.keywordOnlySamples.length + d.classifierOnlySamples.length === 0) continue;
    parts.push(`<h3>${esc(d.tag)}</h3>`);
    parts.push(sampleTable(d.keywordOnlySamples.map((s) => ({ s, kind: 'keyword method only' })).concat(d.classifierOnlySamples.map((s) => ({ s, kind: 'classifier only' })))));
  }
  parts.push(
    '<p class="note">The first records of each kind in the file. "Keyword method only": the text contains a listed keyword (shown inside the word that holds it: "pub" in "public" is a substring, not a pub) and the classifier did not tag it. "Classifier only": the classifier tagged it; its evidence is the words and lexicon family that counted, or "model: no rule cue" when the trained model gave the tag on the words alone.</p>',
  );

  parts.push('<h2>Street ASB keyword families</h2>');
  parts.push(table(['Family', 'Records'], f.streetFamilies.map((s) => [s.family.replace('_', ' '), n(s.records)])));
  parts.push('<p class="note">Counted the way the partnership has counted them: records whose text contains the family\'s keyword. A record can be in several families.</p>');

  if (f.monthly.length > 0 || f.undated.length > 0) {
    parts.push('<h2>Monthly series</h2>');
    parts.push(`<div class="charts">${TAG_IDS.map((t) => sparkline(t, f.monthly.map((m) => ({ label: m.month, value: m.tags[t] })))).join('')}</div>`);
    parts.push(...blocks('Month', f.monthly.map((m) => ({ key: m.month, records: m.records, tags: m.tags }))));
    if (f.dateOrder) parts.push(`<p class="note">Numeric dates read ${f.dateOrder.order === 'dmy' ? 'day first (14/03/2025)' : 'month first (03/14/2025)'}, ${f.dateOrder.from === 'option' ? 'as --date-format said' : "as the column's values show"}.</p>`);
    for (const u of f.undated) {
      parts.push(`<p class="note">${n(u.count)} records are not in the monthly series: ${esc(DROP_WORDS[u.reason])}${u.examples.length ? ` (for example ${u.examples.map((e) => `"${esc(e)}"`).join(', ')})` : ''}.</p>`);
    }
  }

  if (f.groups.length > 0) {
    parts.push('<h2>By group</h2>');
    parts.push(...blocks('Group', f.groups.map((g) => ({ key: g.group, records: g.records, tags: g.tags }))));
  }

  if (f.comparison) {
    const c = f.comparison;
    parts.push('<h2>Change from the earlier period</h2>');
    parts.push(`<p class="meta">Earlier: ${n(c.earlierRecords)} records${meta.compareSource ? ` from ${esc(meta.compareSource)}` : ''}. Later: ${n(c.laterRecords)} records.</p>`);
    parts.push(
      table(
        ['Tag', 'Earlier: per 1,000', 'Later: per 1,000', 'Change in rate per 1,000 (95% interval)', 'Verdict', 'Earlier: records', 'Later: records', 'Apparent change', '% change in records'],
        c.rows.map((r) => [
          r.tag,
          r.rate.earlier.per1000.toFixed(1),
          r.rate.later.per1000.toFixed(1),
          `${signedRate(r.rate.difference)} (${signedRate(r.rate.low)} to ${signedRate(r.rate.high)})`,
          `<span class="${r.rate.verdict === 'no clear change' ? 'nc' : r.rate.verdict}">${r.rate.verdict}</span>`,
          n(r.earlier),
          n(r.later),
          signed(r.change),
          r.percent === 'no calc' ? '<span class="nc">no calc</span>' : `${r.percent > 0 ? '+' : ''}${r.percent}%`,
        ]),
        true,
      ),
    );
    parts.push(
      `<p class="note">The verdict reads the change in rate: "up" or "down" only when the whole 95% interval (Newcombe's score interval for a difference of two proportions) lies on that side of zero; otherwise "no clear change", because a change that size is within what chance alone gives. The count columns are kept for continuity; "no calc": the earlier count is under ${MIN_BASE}, too small for a percentage change to mean much.</p>`,
    );
  }

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(meta.title)}</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>\n`;
}

function provenance(f: ReportFigures): string {
  const models = f.models.map((m) => esc(m.model)).join(', ');
  const when = f.taggedAt ? (f.taggedAt.first.slice(0, 10) === f.taggedAt.last.slice(0, 10) ? ` on ${esc(f.taggedAt.first.slice(0, 10))}` : ` between ${esc(f.taggedAt.first.slice(0, 10))} and ${esc(f.taggedAt.last.slice(0, 10))}`) : '';
  return models ? ` Tagged by ${models}${when}.` : '';
}

function modelWarnings(f: ReportFigures, meta: { source: string; compareSource?: string }): string[] {
  const out: string[] = [];
  const tagged = f.models.reduce((a, m) => a + m.records, 0);
  if (f.models.length === 0) out.push(`<p class="warn">${esc(meta.source)} does not say which model tagged it (no motag_model column: it was tagged before motag wrote one). Figures from different models are not comparable.</p>`);
  else if (f.models.length > 1 || tagged < f.records) out.push(`<p class="warn">The records were tagged by more than one model (${f.models.map((m) => `${esc(m.model)}: ${n(m.records)}`).join('; ')}${tagged < f.records ? `; no model named: ${n(f.records - tagged)}` : ''}). Re-tag the whole file with one model before quoting these figures.</p>`);
  if (f.comparison) {
    const later = new Set(f.models.map((m) => m.model));
    const earlier = f.comparison.earlierModels.map((m) => m.model);
    if (earlier.length === 0 || earlier.some((m) => !later.has(m)) || later.size !== earlier.length) {
      out.push(`<p class="warn">The earlier period${meta.compareSource ? ` (${esc(meta.compareSource)})` : ''} was tagged by ${earlier.length ? earlier.map(esc).join(', ') : 'an unnamed model'}, the later by ${[...later].map(esc).join(', ') || 'an unnamed model'}: part of any change may be the model's. Tag both periods with the same model.</p>`);
    }
  }
  return out;
}

function sampleTable(rows: { s: DisagreementSample; kind: string }[]): string {
  const body = rows.map(({ s, kind }) => {
    const keyword = s.keywordHits.length ? s.keywordHits.join(', ') : 'no keyword';
    const classifier = kind === 'classifier only' ? (s.classifierEvidence.length ? s.classifierEvidence.join('; ') : 'model: no rule cue') : 'not tagged';
    return `<tr><td>${esc(s.id)}</td><td>${esc(kind)}</td><td class="words">${esc(keyword)}</td><td class="words">${esc(classifier)}</td></tr>`;
  });
  return `<table><thead><tr><th>Record</th><th>Kind</th><th>Keyword hits</th><th>Classifier evidence</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** A wide table split into blocks of TAGS_PER_BLOCK tags, each with its key and records columns. */
function blocks(keyName: string, rows: { key: string; records: number; tags: Record<TagId, number> }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < TAG_IDS.length; i += TAGS_PER_BLOCK) {
    const tags = TAG_IDS.slice(i, i + TAGS_PER_BLOCK);
    out.push(`<div class="block">${table([keyName, 'Records', ...tags], rows.map((r) => [r.key, n(r.records), ...tags.map((t) => n(r.tags[t]))]))}</div>`);
  }
  return out;
}

function table(head: string[], rows: string[][], trustedCells = false): string {
  const cell = (c: string): string => (trustedCells && c.startsWith('<span') ? c : esc(c));
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const n = (x: number): string => x.toLocaleString('en-GB');
const signed = (x: number): string => (x > 0 ? `+${n(x)}` : n(x));
const signedRate = (x: number): string => (x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1));
const rateCell = (r: Rate): string => `${r.per1000.toFixed(1)} (${r.low.toFixed(1)} to ${r.high.toFixed(1)})`;
