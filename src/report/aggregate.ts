import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { detectDelimiter, type Delimiter } from '../delimiter.js';
import { parse } from 'csv-parse';
import { STREET_ASB_FAMILIES, type KeywordBaseline, type KeywordHit, type StreetAsbFamily } from '../rules/keyword-baseline.js';
import { TAG_IDS, perTag, type PerTag, type TagId } from '../tags.js';
import { MonthlySeries, type DateOrder, type MonthlyCounts } from './dates.js';

/*
 * The figures of an analyst's report, read from a file `motag tag` wrote
 * (CSV or TSV with tag_<id> columns). Only counts are kept, so a year of records
 * streams through in flat memory.
 */
export interface PeriodFigures {
  readonly records: number;
  /** Records the classifier tagged, per tag. */
  readonly classifier: PerTag<number>;
  /** Records the partnership's keyword method finds, per tag. */
  readonly keyword: PerTag<number>;
  /** Street-ASB keyword families as the partnership counts them. */
  readonly streetFamilies: Record<StreetAsbFamily, number>;
  /** Month (YYYY-MM) -> records and classifier counts per tag, with what was dropped and why, when a date column is named. */
  readonly dates: MonthlyCounts | null;
  /** Group value -> records and classifier counts per tag, when a group column is named. */
  readonly groups: Record<string, { records: number; tags: PerTag<number> }>;
  /** Where the keyword method and the classifier disagree, per tag: how often, and the first few records of each kind. */
  readonly disagreements: PerTag<Disagreements>;
  /**
   * Which model tagged the records, with how many records each: the motag_model
   * column, with the lexicon and corpus digests beside it where the file has
   * them ("motag-0.1.0+model-s1 (lexicons 3f2a..., corpus c0cc...)"), so the
   * same model name over other lexicons or another corpus counts as another
   * model. Empty for files from before the column.
   */
  readonly models: Record<string, number>;
  /** When they were tagged (the motag_tagged_at column): the earliest and latest date seen. */
  readonly taggedAt: { readonly first: string; readonly last: string } | null;
}

/** A record the two methods decide differently, with the words that decided it. */
export interface DisagreementSample {
  /** The record's id column, or its row number when the file has none. */
  readonly id: string;
  /** The keyword method's hits, each in the word that contains it ("pub" in "public"). */
  readonly keywordHits: string[];
  /** The classifier's evidence for the tag, from the evidence column; empty when the model gave it on the words alone. */
  readonly classifierEvidence: string[];
}

export interface Disagreements {
  keywordOnly: number;
  classifierOnly: number;
  readonly keywordOnlySamples: DisagreementSample[];
  readonly classifierOnlySamples: DisagreementSample[];
}

/** Samples kept per kind and tag: enough to see a pattern, few enough to read. */
export const DISAGREEMENT_SAMPLES = 3;

export interface AggregateOptions {
  readonly textField: string;
  readonly dateField?: string;
  readonly groupField?: string;
  /** The id column for disagreement samples; default `id` when the file has one, else row numbers. */
  readonly idField?: string;
  /** Day-first or month-first for numeric dates; default: read from the column's values. */
  readonly dateFormat?: DateOrder;
}

export async function aggregateTaggedCsv(path: string, keyword: KeywordBaseline, opts: AggregateOptions): Promise<PeriodFigures> {
  const classifier = perTag(() => 0);
  const kw = perTag(() => 0);
  const streetFamilies = Object.fromEntries(STREET_ASB_FAMILIES.map((f) => [f, 0])) as Record<StreetAsbFamily, number>;
  const groups: PeriodFigures['groups'] = {};
  const disagreements = perTag<Disagreements>(() => ({ keywordOnly: 0, classifierOnly: 0, keywordOnlySamples: [], classifierOnlySamples: [] }));
  const models: Record<string, number> = {};
  let firstTagged = '';
  let lastTagged = '';
  const series = opts.dateField ? new MonthlySeries(opts.dateFormat) : null;
  let records = 0;
  let idField: string | null = null;

  // `motag tag --out x.tsv` writes tab-separated text: read whichever delimiter the header uses.
  const delimiter = headerDelimiter(path);
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, delimiter, relax_quotes: true, skip_records_with_error: true }));
  let checked = false;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (!checked) {
      checkColumns(row, opts, path);
      idField = opts.idField ?? ('id' in row ? 'id' : null);
      checked = true;
    }
    records++;
    const tags = TAG_IDS.filter((t) => row[`tag_${t}`] === '1');
    for (const t of tags) classifier[t]++;
    const text = row[opts.textField] ?? '';
    const keywordTags = keyword.tags(text);
    for (const t of keywordTags) kw[t]++;
    for (const f of keyword.streetFamilies(text)) streetFamilies[f]++;
    for (const t of TAG_IDS) {
      const byKeyword = keywordTags.includes(t);
      if (byKeyword === tags.includes(t)) continue;
      const d = disagreements[t];
      const samples = byKeyword ? d.keywordOnlySamples : d.classifierOnlySamples;
      if (byKeyword) d.keywordOnly++;
      else d.classifierOnly++;
      if (samples.length < DISAGREEMENT_SAMPLES) {
        samples.push({ id: idField ? (row[idField] ?? '') : `row ${records}`, keywordHits: hitLabels(keyword.hits(text, t)), classifierEvidence: evidenceFor(row.evidence ?? '', t) });
      }
    }
    const model = modelLabel(row);
    if (model) models[model] = (models[model] ?? 0) + 1;
    const at = row.motag_tagged_at?.trim();
    // ISO timestamps sort as strings.
    if (at && (firstTagged === '' || at < firstTagged)) firstTagged = at;
    if (at && at > lastTagged) lastTagged = at;
    if (series) series.add(row[opts.dateField!] ?? '', tags);
    if (opts.groupField) bump(groups, row[opts.groupField]?.trim() || '(blank)', tags);
  }
  const dates = series ? series.finish(opts.dateField!) : null;
  return { records, classifier, keyword: kw, streetFamilies, dates, groups, disagreements, models, taggedAt: firstTagged ? { first: firstTagged, last: lastTagged } : null };
}

/** The model that tagged a row, with its lexicon and corpus digests when the row has them; null when it names none. */
function modelLabel(row: Record<string, string>): string | null {
  const model = row.motag_model?.trim();
  if (!model) return null;
  const lexicons = row.motag_lexicons?.trim();
  const corpus = row.motag_corpus?.trim();
  const parts = [lexicons ? `lexicons ${lexicons}` : '', corpus ? `corpus ${corpus}` : ''].filter(Boolean);
  return parts.length ? `${model} (${parts.join(', ')})` : model;
}

/** The delimiter of the file's header line (comma, tab or semicolon), read from its first 64 KB. */
function headerDelimiter(path: string): Delimiter {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
    return detectDelimiter(head.split(/\r?\n|\r/, 1)[0] ?? '');
  } finally {
    closeSync(fd);
  }
}

/** Each keyword's first hit, shown inside the word that holds it, so "bar" in "battery" is plain to see. */
function hitLabels(hits: readonly KeywordHit[]): string[] {
  const first = new Map<string, KeywordHit>();
  for (const h of hits) if (!first.has(h.keyword)) first.set(h.keyword, h);
  return [...first.values()].map((h) => (h.insideWord ? `"${h.keyword}" in "${h.word}"` : `"${h.keyword}"`));
}

/**
 * The evidence column's items for one tag ("nte: door staff [nte.door_staff]"
 * -> "door staff [nte.door_staff]"). The model's own evidence names a hashed
 * feature ("[model:b:during the]"), which means nothing to an analyst: it is
 * shown as the narrative's words and "model: no rule cue", as the review page does.
 */
function evidenceFor(cell: string, tag: TagId): string[] {
  return cell
    .split('; ')
    .filter((item) => item.startsWith(`${tag}: `))
    .map((item) => item.slice(tag.length + 2).replace(/ \[model:[^\]]*\]$/, ' [model: no rule cue]'));
}

function bump(table: Record<string, { records: number; tags: PerTag<number> }>, key: string, tags: readonly TagId[]): void {
  const entry = (table[key] ??= { records: 0, tags: perTag(() => 0) });
  entry.records++;
  for (const t of tags) entry.tags[t]++;
}

function checkColumns(row: Record<string, string>, opts: AggregateOptions, path: string): void {
  const columns = Object.keys(row);
  const missing = [
    ...TAG_IDS.map((t) => `tag_${t}`).filter((c) => !columns.includes(c)),
    ...[opts.textField, opts.dateField, opts.groupField, opts.idField].filter((c): c is string => c !== undefined && !columns.includes(c)),
  ];
  if (missing.length > 0) {
    throw new Error(
      `${path} lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Its columns are: ${columns.join(', ')}. ` +
        `(It should be a CSV written by motag tag; column names are case-sensitive; name the columns with --text-field, --date-field, --group-field, --id-field.)`,
    );
  }
}
