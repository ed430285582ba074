import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { STREET_ASB_FAMILIES, type KeywordBaseline, type StreetAsbFamily } from '../rules/keyword-baseline.js';
import { TAG_IDS, perTag, type PerTag, type TagId } from '../tags.js';

/*
 * The figures of an analyst's report, read from a file `motag tag` wrote
 * (CSV with tag_<id> columns). Only counts are kept, so a year of records
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
  /** Month (YYYY-MM) -> records and classifier counts per tag, when a date column is named. */
  readonly monthly: Record<string, { records: number; tags: PerTag<number> }>;
  /** Group value -> records and classifier counts per tag, when a group column is named. */
  readonly groups: Record<string, { records: number; tags: PerTag<number> }>;
  /** Rows whose date could not be read (left out of the monthly series). */
  readonly undated: number;
}

export interface AggregateOptions {
  readonly textField: string;
  readonly dateField?: string;
  readonly groupField?: string;
}

export async function aggregateTaggedCsv(path: string, keyword: KeywordBaseline, opts: AggregateOptions): Promise<PeriodFigures> {
  const classifier = perTag(() => 0);
  const kw = perTag(() => 0);
  const streetFamilies = Object.fromEntries(STREET_ASB_FAMILIES.map((f) => [f, 0])) as Record<StreetAsbFamily, number>;
  const monthly: PeriodFigures['monthly'] = {};
  const groups: PeriodFigures['groups'] = {};
  let records = 0;
  let undated = 0;

  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, relax_quotes: true, skip_records_with_error: true }));
  let checked = false;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (!checked) {
      checkColumns(row, opts, path);
      checked = true;
    }
    records++;
    const tags = TAG_IDS.filter((t) => row[`tag_${t}`] === '1');
    for (const t of tags) classifier[t]++;
    const text = row[opts.textField] ?? '';
    for (const t of keyword.tags(text)) kw[t]++;
    for (const f of keyword.streetFamilies(text)) streetFamilies[f]++;
    if (opts.dateField) {
      const month = monthOf(row[opts.dateField] ?? '');
      if (month) bump(monthly, month, tags);
      else undated++;
    }
    if (opts.groupField) bump(groups, row[opts.groupField]?.trim() || '(blank)', tags);
  }
  return { records, classifier, keyword: kw, streetFamilies, monthly, groups, undated };
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
    ...[opts.textField, opts.dateField, opts.groupField].filter((c): c is string => c !== undefined && !columns.includes(c)),
  ];
  if (missing.length > 0) {
    throw new Error(`${path} lacks columns ${missing.join(', ')} (it should be a CSV written by motag tag; name the text column with --text-field)`);
  }
}

/** YYYY-MM from ISO dates (2025-03-14, 2025-03-14T22:10) or UK dates (14/03/2025). */
export function monthOf(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-\d{2}/.exec(v);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^\d{1,2}\/(\d{1,2})\/(\d{4})/.exec(v);
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  return null;
}
