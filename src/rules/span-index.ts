/*
 * Spans (matches, mentions, relationship cues) sorted by their first token, for
 * the "what lies within so many tokens of this cue" questions the role rules
 * ask. A look-up is a binary search plus the spans inside the window, so asking
 * it once per cue costs about n log n over a record instead of n squared: a
 * 20,000-character witness list ("W1 son, W2 daughter, ...") stays cheap.
 */
export interface Span {
  readonly first: number;
  readonly last: number;
}

/** Counts the candidates the rules examine, so tests can assert the work is linear in the cues. */
export class WorkMeter {
  steps = 0;
}

export class SpanIndex<T extends Span> {
  /** The longest span, so a window on `last` can be turned into one on `first`. */
  private readonly longest: number;

  /** `spans` must already be in text order (by first token), as the matcher emits them. */
  constructor(
    readonly spans: readonly T[],
    private readonly meter: WorkMeter,
  ) {
    let longest = 0;
    for (const s of spans) longest = Math.max(longest, s.last - s.first);
    this.longest = longest;
  }

  get size(): number {
    return this.spans.length;
  }

  /** Index of the first span whose first token is at or after `first`. */
  lowerBound(first: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.first < first) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Spans whose first token lies in [from, to], in text order. */
  *startingIn(from: number, to: number): Generator<T> {
    for (let i = this.lowerBound(from); i < this.spans.length && this.spans[i]!.first <= to; i++) {
      this.meter.steps++;
      yield this.spans[i]!;
    }
  }

  /** Spans whose last token lies in [from, to], in text order. */
  *endingIn(from: number, to: number): Generator<T> {
    for (const s of this.startingIn(from - this.longest, to)) if (s.last >= from && s.last <= to) yield s;
  }

  /** Spans sharing a token with [first, last], in text order. */
  *overlapping(first: number, last: number): Generator<T> {
    for (const s of this.startingIn(first - this.longest, last)) if (s.last >= first) yield s;
  }

  /** Spans lying wholly inside [from, to]. */
  *inside(from: number, to: number): Generator<T> {
    for (const s of this.startingIn(from, to)) if (s.last <= to) yield s;
  }
}

export function some<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const x of items) if (test(x)) return true;
  return false;
}

export function find<T>(items: Iterable<T>, test: (item: T) => boolean): T | undefined {
  for (const x of items) if (test(x)) return x;
  return undefined;
}
