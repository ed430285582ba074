import type { Finding } from './analyse.js';
import { perTag, type PerTag } from '../tags.js';

/**
 * Rule scores: a noisy-OR over cue families, so independent cues reinforce
 * each other ("door staff" and "02:30") while repeating one word does not.
 * Each family counts once, at its strongest cue. A weak cue alone (a pub named
 * as a landmark, an unlinked relative) stays under the threshold; two weak
 * cues together can pass it.
 */
export const RULE_THRESHOLD = 0.5;

export function ruleScores(findings: readonly Finding[]): PerTag<number> {
  const strongest = new Map<string, { tag: Finding['tag']; weight: number }>();
  for (const f of findings) {
    if (f.weight <= 0) continue;
    const prev = strongest.get(f.family);
    if (!prev || f.weight > prev.weight) strongest.set(f.family, { tag: f.tag, weight: f.weight });
  }
  const miss = perTag(() => 1);
  for (const { tag, weight } of strongest.values()) miss[tag] *= 1 - weight;
  return perTag((tag) => round(1 - miss[tag]));
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
