import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TAG_IDS, type PerTag, type TagId } from '../tags.js';

/*
 * The trained model as shipped in models/: per tag the non-zero weights of the
 * hashed feature space (base64 of Int32 indices and Float32 values), its Platt
 * calibration, decision threshold and abstain band. Nothing in it depends on
 * the clock, so the same corpus and seed give the same file byte for byte;
 * dates and metrics live in the model card beside it.
 */
const TagModelSchema = z.object({
  indices: z.string(),
  values: z.string(),
  platt: z.object({ a: z.number(), b: z.number() }),
  threshold: z.number().min(0).max(1),
  band: z.object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) }),
  hyper: z.object({ l2: z.number(), positiveWeight: z.number(), epochs: z.number().int(), learningRate: z.number() }),
  /** The most the word features may move the margin; null when rules and words were fitted jointly. */
  wordCap: z.number().positive().nullable(),
  /** The share of training weight given to real records. */
  realShare: z.number().min(0).max(1),
  /** Who decides the tag: the model, or the rules alone (chosen out of source). */
  decide: z.enum(['model', 'rules']),
});

export type Decider = 'model' | 'rules';

/** A tag's abstain band [low, high): scores inside it go to review (fitted by src/training/thresholds.ts). */
export interface Band {
  readonly low: number;
  readonly high: number;
}

export const ModelFileSchema = z.object({
  format: z.literal('motag-model/2'),
  name: z.string().min(1),
  seed: z.number().int(),
  corpusSha256: z.string().regex(/^[0-9a-f]{64}$/),
  hashBits: z.number().int().min(10).max(24),
  ruleBits: z.number().int().min(8).max(20),
  ruleFeatures: z.boolean(),
  tags: z.object(Object.fromEntries(TAG_IDS.map((t) => [t, TagModelSchema])) as Record<TagId, typeof TagModelSchema>),
});

export type ModelFile = z.infer<typeof ModelFileSchema>;
export type TagModel = z.infer<typeof TagModelSchema>;

export function encodeWeights(weights: Float32Array): { indices: string; values: string } {
  const idx: number[] = [];
  const val: number[] = [];
  weights.forEach((w, i) => {
    if (w !== 0) {
      idx.push(i);
      val.push(w);
    }
  });
  return {
    indices: Buffer.from(new Int32Array(idx).buffer).toString('base64'),
    values: Buffer.from(new Float32Array(val).buffer).toString('base64'),
  };
}

export function decodeWeights(tag: { indices: string; values: string }): { indices: Int32Array; values: Float32Array } {
  const ib = Buffer.from(tag.indices, 'base64');
  const vb = Buffer.from(tag.values, 'base64');
  const indices = new Int32Array(ib.buffer.slice(ib.byteOffset, ib.byteOffset + ib.byteLength));
  const values = new Float32Array(vb.buffer.slice(vb.byteOffset, vb.byteOffset + vb.byteLength));
  if (indices.length !== values.length) throw new Error('motag: model file is corrupt (indices and values differ in length)');
  return { indices, values };
}

export function readModelFile(path: string): ModelFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`motag: cannot read model ${path}: ${(err as Error).message}`);
  }
  const parsed = ModelFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`motag: ${path} is not a motag model: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export type PerTagModel = PerTag<TagModel>;
