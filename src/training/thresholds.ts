/*
 * Decision thresholds and abstain bands, both chosen on the dev split.
 * The threshold maximises F1 averaged over neighbouring cuts. The band
 * [low, high) around it is the smallest one outside which decisions are at
 * least 95% right on dev: scores >= high are positives with precision >=
 * 0.95, scores < low are negatives with negative predictive value >= 0.95.
 * Records inside the band go to review.
 */
import type { Band } from '../model/model-file.js';

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

/**
 * The threshold for calibrated probabilities: F1 is averaged over a window of
 * neighbouring thresholds before taking the best. With a few dozen positives on
 * dev, the single best cut usually sits exactly on one dev positive's score;
 * the middle of a wide plateau of good cuts holds up better on unseen records.
 */
export function smoothedF1Threshold(probs: readonly number[], labels: readonly (0 | 1)[], halfWidth = 0.05, step = 0.01): number {
  const grid: number[] = [];
  for (let t = step; t < 1 - step / 2; t += step) grid.push(Math.round(t * 1000) / 1000);
  const f1 = grid.map((t) => f1At(probs, labels, t));
  const reach = Math.round(halfWidth / step);
  let best = 0.5;
  let bestScore = -1;
  grid.forEach((t, i) => {
    const window = f1.slice(Math.max(0, i - reach), i + reach + 1);
    const mean = window.reduce((a, b) => a + b, 0) / window.length;
    if (mean > bestScore + 1e-12) {
      bestScore = mean;
      best = t;
    }
  });
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
