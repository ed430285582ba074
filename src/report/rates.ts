/*
 * Rates with their uncertainty. A strategic assessment quotes "alcohol-related
 * violence rose 37.8%"; with 3,000 records one year and 4,000 the next that is
 * a change in volume, not in the share of records. These are the figures to
 * quote instead: the rate per 1,000 records with a 95% Wilson score interval
 * (sound at small counts and near 0, unlike the normal approximation), and the
 * change in rate between two periods with Newcombe's hybrid score interval
 * (method 10), which is built from the two Wilson intervals.
 */
const Z95 = 1.959964;

export interface Rate {
  /** Records with the tag per 1,000 records. */
  readonly per1000: number;
  readonly low: number;
  readonly high: number;
}

export type Verdict = 'up' | 'down' | 'no clear change';

export interface RateChange {
  readonly earlier: Rate;
  readonly later: Rate;
  /** Later rate minus earlier rate, per 1,000 records. */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  /** "up" or "down" only when the whole 95% interval is on that side of zero. */
  readonly verdict: Verdict;
}

/** Wilson score interval of a proportion, as fractions (0..1). */
export function wilson(count: number, total: number, z = Z95): { p: number; low: number; high: number } {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || total < 0 || count > total) {
    throw new RangeError(`wilson: need 0 <= count <= total (got ${count} of ${total})`);
  }
  if (total === 0) return { p: 0, low: 0, high: 1 };
  const p = count / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  // Clamp the rounding noise at the ends: 0 of n has a lower bound of exactly 0.
  return { p, low: count === 0 ? 0 : Math.max(0, centre - half), high: count === total ? 1 : Math.min(1, centre + half) };
}

export function rate(count: number, total: number): Rate {
  const w = wilson(count, total);
  return { per1000: per1000(w.p), low: per1000(w.low), high: per1000(w.high) };
}

/** Newcombe's hybrid score interval for p_later - p_earlier. */
export function rateChange(earlierCount: number, earlierTotal: number, laterCount: number, laterTotal: number): RateChange {
  const e = wilson(earlierCount, earlierTotal);
  const l = wilson(laterCount, laterTotal);
  const d = l.p - e.p;
  const low = d - Math.sqrt((l.p - l.low) ** 2 + (e.high - e.p) ** 2);
  const high = d + Math.sqrt((l.high - l.p) ** 2 + (e.p - e.low) ** 2);
  const verdict: Verdict = earlierTotal === 0 || laterTotal === 0 ? 'no clear change' : low > 0 ? 'up' : high < 0 ? 'down' : 'no clear change';
  return {
    earlier: rate(earlierCount, earlierTotal),
    later: rate(laterCount, laterTotal),
    difference: per1000(d),
    low: per1000(low),
    high: per1000(high),
    verdict,
  };
}

/** Per 1,000 records, to one decimal place: finer would claim a precision the counts lack. */
function per1000(fraction: number): number {
  // toPrecision first: 0.01275 * 10000 is 127.4999... in binary, and should round as 127.5.
  return Math.round(Number((fraction * 10000).toPrecision(12))) / 10;
}
