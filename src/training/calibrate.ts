import { sigmoid, type Platt } from '../model/calibration.js';

/*
 * Platt scaling: a logistic map from the model's raw margin to a probability,
 * fitted on the dev split (applied by src/model/calibration.ts). Class weighting in training shifts the raw scores;
 * this puts them back on a probability scale, so a score of 0.8 means about
 * 80% of such records carry the tag.
 */
export function fitPlatt(margins: readonly number[], labels: readonly (0 | 1)[]): Platt {
  // Platt's smoothed targets keep the fit finite when dev separates perfectly.
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 2000; iter++) {
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < margins.length; i++) {
      const p = sigmoid(a * margins[i]! + b);
      const t = labels[i] === 1 ? hi : lo;
      ga += (p - t) * margins[i]!;
      gb += p - t;
    }
    a -= (0.5 * ga) / margins.length;
    b -= (0.5 * gb) / margins.length;
  }
  return { a, b };
}

/** Expected calibration error over ten equal-width bins. */
export function expectedCalibrationError(scores: readonly number[], labels: readonly (0 | 1)[], bins = 10): number {
  const sum = new Array<number>(bins).fill(0);
  const hit = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  scores.forEach((s, i) => {
    const b = Math.min(bins - 1, Math.floor(s * bins));
    sum[b]! += s;
    hit[b]! += labels[i]!;
    count[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) ece += (count[b]! / scores.length) * Math.abs(sum[b]! / count[b]! - hit[b]! / count[b]!);
  return ece;
}
