import { STREET_ASB_FAMILIES, type StreetAsbFamily } from '../rules/keyword-baseline.js';
import { TAG_IDS, type TagId } from '../tags.js';
import type { PeriodFigures } from './aggregate.js';

/*
 * The report's figures as data (`--format json`), from which the HTML is
 * drawn. The year-on-year comparison follows the layout analysts use for
 * crime tables: the two periods, the apparent change and the percentage
 * change, with "no calc" where the earlier count is under MIN_BASE, because a
 * percentage of a handful of records misleads.
 */
export const MIN_BASE = 20;

export interface TagRow {
  readonly tag: TagId;
  readonly classifier: number;
  readonly classifierRate: number;
  readonly keyword: number;
  readonly keywordRate: number;
}

export interface ChangeRow {
  readonly tag: TagId;
  readonly earlier: number;
  readonly later: number;
  readonly change: number;
  /** Percentage change, or "no calc" when the earlier count is under MIN_BASE. */
  readonly percent: number | 'no calc';
}

export interface ReportFigures {
  readonly records: number;
  readonly tags: TagRow[];
  readonly streetFamilies: { family: StreetAsbFamily; records: number }[];
  readonly monthly: { month: string; records: number; tags: Record<TagId, number> }[];
  readonly undated: number;
  readonly groups: { group: string; records: number; tags: Record<TagId, number> }[];
  readonly comparison: { earlierRecords: number; laterRecords: number; rows: ChangeRow[] } | null;
}

export function reportFigures(later: PeriodFigures, earlier: PeriodFigures | null): ReportFigures {
  const rate = (n: number, of: number): number => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);
  return {
    records: later.records,
    tags: TAG_IDS.map((tag) => ({
      tag,
      classifier: later.classifier[tag],
      classifierRate: rate(later.classifier[tag], later.records),
      keyword: later.keyword[tag],
      keywordRate: rate(later.keyword[tag], later.records),
    })),
    streetFamilies: STREET_ASB_FAMILIES.map((family) => ({ family, records: later.streetFamilies[family] })),
    monthly: Object.entries(later.monthly)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, v]) => ({ month, records: v.records, tags: v.tags })),
    undated: later.undated,
    groups: Object.entries(later.groups)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, v]) => ({ group, records: v.records, tags: v.tags })),
    comparison: earlier
      ? {
          earlierRecords: earlier.records,
          laterRecords: later.records,
          rows: TAG_IDS.map((tag) => change(tag, earlier.classifier[tag], later.classifier[tag])),
        }
      : null,
  };
}

export function change(tag: TagId, earlier: number, later: number): ChangeRow {
  return {
    tag,
    earlier,
    later,
    change: later - earlier,
    percent: earlier < MIN_BASE ? 'no calc' : Math.round((1000 * (later - earlier)) / earlier) / 10,
  };
}
