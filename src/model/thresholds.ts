/*
 * Decision thresholds and abstain bands, both chosen on the dev split.
 * The threshold maximises F1. The band [low, high) around it is the smallest
 * one outside which decisions are at least 95% right on dev: scores >= high
 * are positives with precision >= 0.95, scores < low are negatives with
 * negative predictive value >= 0.95. Records inside the band go to review.
 */
export interface Band {
  readonly low: number;
  readonly high: number;
}

/** F1 of deciding "yes" at scores >= t. */
export function f1At(scores: readonly number[], labels: readonly (0 | 1)[], t: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= t) labels[i] === 1 ? tp++ : fp++;
    else if (labels[i] === 1) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

export function bestF1Threshold(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best = 0.5;
  let bestF1 = -1;
  for (const t of candidates) {
    const f1 = f1At(scores, labels, t);
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = t;
    }
  }
  return best;
}

export function abstainBand(scores: readonly number[], labels: readonly (0 | 1)[], threshold: number, target = 0.95): Band {
  const sorted = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  // high: the lowest cut >= threshold whose positives above it reach the target precision.
  let high = 1;
  for (const { s } of sorted) {
    if (s < threshold) continue;
    const above = sorted.filter((x) => x.s >= s);
    const precision = above.filter((x) => x.y === 1).length / above.length;
    if (precision >= target) {
      high = s;
      break;
    }
  }
  // low: the highest cut <= threshold whose negatives below it reach the target negative predictive value.
  let low = 0;
  for (let k = sorted.length - 1; k >= 0; k--) {
    const s = sorted[k]!.s;
    if (s > threshold) continue;
    const below = sorted.filter((x) => x.s < s);
    if (below.length === 0) break;
    const npv = below.filter((x) => x.y === 0).length / below.length;
    if (npv >= target) {
      low = s;
      break;
    }
  }
  return { low: Math.min(low, threshold), high: Math.max(high, threshold) };
}
