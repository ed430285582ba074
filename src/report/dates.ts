import { perTag, type PerTag, type TagId } from '../tags.js';

/*
 * The month of each record, for the monthly series. Exports write dates many
 * ways: 2025-03-14, 14/03/2025 (UK), 03/14/2025 (US), 14-Mar-2025, 14 March
 * 2025. Whether 03/04/2025 is March or April is a property of the column, not
 * of one value, so numeric dates are held back until the whole column has been
 * seen: a value whose first part is over 12 shows the column is day-first, one
 * whose second part is, month-first. A column that shows neither, or both, is
 * refused with a message naming --date-format, never guessed: a wrong guess
 * silently moves every record into the wrong month.
 */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export type DropReason = 'empty' | 'unreadable' | 'impossible';

export class DateFormatError extends Error {}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type Parsed =
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'numeric'; readonly a: number; readonly b: number; readonly year: number }
  | { readonly kind: 'dropped'; readonly reason: DropReason };

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s,])/;
const DAY_NAMED = /^(\d{1,2})[-\s/.]?([a-z]{3,9})\.?[-\s/.,]+(\d{4})(?:$|[T\s,])/i;
const NAMED_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:$|[T\s,])/i;

/** One value, read as far as it can be without knowing the column's order. */
export function parseDate(value: string): Parsed {
  const v = value.trim();
  if (v === '') return { kind: 'dropped', reason: 'empty' };
  let m = ISO.exec(v);
  if (m) return monthOrImpossible(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(v);
  if (m) return { kind: 'numeric', a: Number(m[1]), b: Number(m[2]), year: Number(m[3]) };
  m = DAY_NAMED.exec(v);
  if (m) return named(m[2]!, Number(m[1]), Number(m[3]));
  m = NAMED_DAY.exec(v);
  if (m) return named(m[1]!, Number(m[2]), Number(m[3]));
  return { kind: 'dropped', reason: 'unreadable' };
}

/** YYYY-MM of one value given the column's order; null when it is not a date. */
export function monthOf(value: string, order: DateOrder): string | null {
  const p = parseDate(value);
  if (p.kind === 'month') return p.month;
  if (p.kind === 'numeric') {
    const r = resolve(p, order);
    return r.kind === 'month' ? r.month : null;
  }
  return null;
}

function named(word: string, day: number, year: number): Parsed {
  const month = MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
  if (month === 0 || !MONTHS.some((mo) => word.toLowerCase().startsWith(mo))) return { kind: 'dropped', reason: 'unreadable' };
  return monthOrImpossible(year, month, day);
}

function monthOrImpossible(year: number, month: number, day: number): Parsed {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return { kind: 'dropped', reason: 'impossible' };
  return { kind: 'month', month: `${year}-${String(month).padStart(2, '0')}` };
}

function resolve(p: { a: number; b: number; year: number }, order: DateOrder): Parsed {
  return order === 'dmy' ? monthOrImpossible(p.year, p.b, p.a) : monthOrImpossible(p.year, p.a, p.b);
}

export interface MonthlyCounts {
  readonly monthly: Record<string, { records: number; tags: PerTag<number> }>;
  /** The order used for numeric dates, and whether it was read from the values or given. */
  readonly order: { readonly order: DateOrder; readonly from: 'values' | 'option' } | null;
  /** Rows left out of the monthly series, by reason, with a few of the values. */
  readonly dropped: Record<DropReason, { count: number; examples: string[] }>;
}

const EXAMPLES = 3;

/** Streams a column's values in; numeric dates are kept as counts per distinct value until the order is known. */
export class MonthlySeries {
  private readonly monthly: MonthlyCounts['monthly'] = {};
  private readonly pending = new Map<string, { p: { a: number; b: number; year: number }; value: string; records: number; tags: PerTag<number> }>();
  private readonly dropped: MonthlyCounts['dropped'] = { empty: { count: 0, examples: [] }, unreadable: { count: 0, examples: [] }, impossible: { count: 0, examples: [] } };
  private dayFirstExample: string | null = null;
  private monthFirstExample: string | null = null;

  constructor(private readonly given: DateOrder | undefined) {}

  add(value: string, tags: readonly TagId[]): void {
    const p = parseDate(value);
    if (p.kind === 'month') return bump(this.monthly, p.month, tags, 1);
    if (p.kind === 'dropped') return this.drop(p.reason, value);
    if (this.given) {
      const r = resolve(p, this.given);
      return r.kind === 'month' ? bump(this.monthly, r.month, tags, 1) : this.drop('impossible', value);
    }
    if (p.a > 12 && p.b <= 12) this.dayFirstExample ??= value.trim();
    if (p.b > 12 && p.a <= 12) this.monthFirstExample ??= value.trim();
    const key = `${p.a}/${p.b}/${p.year}`;
    const entry = this.pending.get(key) ?? { p, value: value.trim(), records: 0, tags: perTag(() => 0) };
    entry.records++;
    for (const t of tags) entry.tags[t]++;
    this.pending.set(key, entry);
  }

  /** Resolves the held-back numeric dates; throws DateFormatError when the column's order cannot be told. */
  finish(column: string): MonthlyCounts {
    let order: MonthlyCounts['order'] = this.given ? { order: this.given, from: 'option' } : null;
    if (!order && this.pending.size > 0) {
      const hint = `name the order with --date-format dmy (day first, 14/03/2025) or --date-format mdy (month first, 03/14/2025)`;
      if (this.dayFirstExample && this.monthFirstExample) {
        throw new DateFormatError(`column ${column} mixes day-first dates ("${this.dayFirstExample}") and month-first dates ("${this.monthFirstExample}"): ${hint}`);
      }
      if (this.dayFirstExample) order = { order: 'dmy', from: 'values' };
      else if (this.monthFirstExample) order = { order: 'mdy', from: 'values' };
      else {
        const unclear = [...this.pending.values()].find((e) => e.p.a !== e.p.b);
        // Every value reads the same either way (01/01/2025): nothing to choose.
        if (unclear) throw new DateFormatError(`column ${column} has dates such as "${unclear.value}" that read as day-first or month-first, and no value shows which: ${hint}`);
        order = { order: 'dmy', from: 'values' };
      }
    }
    for (const e of this.pending.values()) {
      const r = resolve(e.p, order!.order);
      if (r.kind === 'month') {
        bump(this.monthly, r.month, [], e.records);
        for (const [t, n] of Object.entries(e.tags) as [TagId, number][]) this.monthly[r.month]!.tags[t] += n;
      } else {
        const d = this.dropped.impossible;
        d.count += e.records;
        if (d.examples.length < EXAMPLES) d.examples.push(e.value);
      }
    }
    this.pending.clear();
    return { monthly: this.monthly, order, dropped: this.dropped };
  }

  private drop(reason: DropReason, value: string): void {
    const d = this.dropped[reason];
    d.count++;
    // Only date cells are quoted, never the narrative; long cells are cut so a misnamed column cannot flood the report.
    if (reason !== 'empty' && d.examples.length < EXAMPLES) d.examples.push(value.trim().slice(0, 40));
  }
}

function bump(table: MonthlyCounts['monthly'], key: string, tags: readonly TagId[], records: number): void {
  const entry = (table[key] ??= { records: 0, tags: perTag(() => 0) });
  entry.records += records;
  for (const t of tags) entry.tags[t]++;
}
