import { createHash } from 'node:crypto';
import { TAG_IDS, type TagId } from '../tags.js';
import type { Labels, Split } from './record.js';

/*
 * Splits are fixed once a record is in the corpus (the split is stored with
 * it), so adding records never moves old ones. Each batch of new records is
 * split 60/20/20 within strata of source and rarest positive tag: records in a
 * stratum are ordered by a hash of their id and dealt in the cycle below, from
 * an offset that is itself a hash, so even a batch of one lands 60/20/20 in
 * expectation.
 */
const CYCLE: readonly Split[] = ['train', 'dev', 'train', 'test', 'train'];

export function hashUnit(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

export interface Splittable {
  readonly id: string;
  readonly source: string;
  readonly labels: Labels;
}

export function assignSplits<T extends Splittable>(batch: readonly T[], tagFrequency: ReadonlyMap<TagId, number>): Map<string, Split> {
  const strata = new Map<string, T[]>();
  for (const r of batch) {
    const key = `${r.source}|${rarestPositive(r.labels, tagFrequency) ?? 'none'}`;
    const list = strata.get(key);
    if (list) list.push(r);
    else strata.set(key, [r]);
  }
  const out = new Map<string, Split>();
  for (const [key, records] of strata) {
    const ordered = [...records].sort((a, b) => hashUnit(a.id) - hashUnit(b.id) || a.id.localeCompare(b.id));
    const offset = Math.floor(hashUnit(`${key}|${ordered[0]!.id}`) * CYCLE.length);
    ordered.forEach((r, i) => out.set(r.id, CYCLE[(i + offset) % CYCLE.length]!));
  }
  return out;
}

function rarestPositive(labels: Labels, frequency: ReadonlyMap<TagId, number>): TagId | null {
  let best: TagId | null = null;
  for (const t of TAG_IDS) {
    if (labels[t] !== 1) continue;
    if (best === null || (frequency.get(t) ?? 0) < (frequency.get(best) ?? 0)) best = t;
  }
  return best;
}
