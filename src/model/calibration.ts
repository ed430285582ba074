/*
 * Platt scaling as applied at inference: a logistic map from a tag's raw
 * margin to a calibrated probability. Fitting it is training's job
 * (src/training/calibrate.ts); the fitted a and b ship in the model file.
 */
export interface Platt {
  readonly a: number;
  readonly b: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function applyPlatt(p: Platt, margin: number): number {
  return sigmoid(p.a * margin + p.b);
}
