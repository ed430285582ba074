import { STREET_ASB_FAMILIES, type StreetAsbFamily } from '../eval/keyword-baseline.js';
import { TAG_IDS, type TagId } from '../tags.js';
import type { Disagreements, PeriodFigures } from './aggregate.js';
import type { DropReason, MonthlyCounts } from './dates.js';
import { rate, rateChange, type Rate, type RateChange } from './rates.js';

/*
 * The report's figures as data (`--format json`), from which the HTML is
 * drawn. Rates per 1,000 records with 95% intervals are the figures to quote:
 * counts move with the number of records in the export, rates do not. The
 * year-on-year table keeps the layout analysts use for crime tables (the two
 * periods, the apparent change, the percentage change, "no calc" where the
 * earlier count is under MIN_BASE) and adds the change in rate with its
 * interval and a verdict in plain words.
 */
export const MIN_BASE = 20;

export interface TagRow {
  readonly tag: TagId;
  readonly classifier: number;
  readonly classifierRate: Rate;
  readonly keyword: number;
  readonly keywordRate: Rate;
}

export interface ChangeRow {
  readonly tag: TagId;
  readonly earlier: number;
  readonly later: number;
  readonly change: number;
  /** Percentage change in the count, or "no calc" when the earlier count is under MIN_BASE. */
  readonly percent: number | 'no calc';
  /** The change in rate per 1,000 records, with its 95% interval and verdict. */
  readonly rate: RateChange;
}

export interface ReportFigures {
  readonly records: number;
  /** Which model tagged the records, with how many each; more than one means the figures mix models. */
  readonly models: { model: string; records: number }[];
  readonly taggedAt: { readonly first: string; readonly last: string } | null;
  readonly tags: TagRow[];
  readonly disagreements: ({ tag: TagId } & Disagreements)[];
  readonly streetFamilies: { family: StreetAsbFamily; records: number }[];
  readonly monthly: { month: string; records: number; tags: Record<TagId, number> }[];
  /** How numeric dates were read, null without a date column or numeric dates. */
  readonly dateOrder: MonthlyCounts['order'];
  /** Records left out of the monthly series, by reason, with a few of the date values. */
  readonly undated: { reason: DropReason; count: number; examples: string[] }[];
  readonly groups: { group: string; records: number; tags: Record<TagId, number> }[];
  readonly comparison: { earlierRecords: number; laterRecords: number; earlierModels: { model: string; records: number }[]; rows: ChangeRow[] } | null;
}

export function reportFigures(later: PeriodFigures, earlier: PeriodFigures | null): ReportFigures {
  const models = (p: PeriodFigures) => Object.entries(p.models).map(([model, records]) => ({ model, records }));
  return {
    records: later.records,
    models: models(later),
    taggedAt: later.taggedAt,
    tags: TAG_IDS.map((tag) => ({
      tag,
      classifier: later.classifier[tag],
      classifierRate: rate(later.classifier[tag], later.records),
      keyword: later.keyword[tag],
      keywordRate: rate(later.keyword[tag], later.records),
    })),
    disagreements: TAG_IDS.map((tag) => ({ tag, ...later.disagreements[tag] })),
    streetFamilies: STREET_ASB_FAMILIES.map((family) => ({ family, records: later.streetFamilies[family] })),
    monthly: Object.entries(later.dates?.monthly ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, v]) => ({ month, records: v.records, tags: v.tags })),
    dateOrder: later.dates?.order ?? null,
    undated: later.dates ? (Object.entries(later.dates.dropped) as [DropReason, { count: number; examples: string[] }][]).filter(([, d]) => d.count > 0).map(([reason, d]) => ({ reason, ...d })) : [],
    groups: Object.entries(later.groups)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, v]) => ({ group, records: v.records, tags: v.tags })),
    comparison: earlier
      ? {
          earlierRecords: earlier.records,
          laterRecords: later.records,
          earlierModels: models(earlier),
          rows: TAG_IDS.map((tag) => change(tag, earlier.classifier[tag], earlier.records, later.classifier[tag], later.records)),
        }
      : null,
  };
}

export function change(tag: TagId, earlier: number, earlierRecords: number, later: number, laterRecords: number): ChangeRow {
  return {
    tag,
    earlier,
    later,
    change: later - earlier,
    percent: earlier < MIN_BASE ? 'no calc' : Math.round((1000 * (later - earlier)) / earlier) / 10,
    rate: rateChange(earlier, earlierRecords, later, laterRecords),
  };
}
