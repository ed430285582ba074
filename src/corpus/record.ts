import { z } from 'zod';
import { TAG_IDS, type PerTag } from '../tags.js';

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

const Label = z.union([z.literal(0), z.literal(1)]);
export const LabelsSchema = z.object(Object.fromEntries(TAG_IDS.map((t) => [t, Label])) as Record<(typeof TAG_IDS)[number], typeof Label>).strict();

/** A gold record as `motag eval` reads it (INTERFACE.md): id, text and all ten labels. */
export const GoldRecordSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  labels: LabelsSchema,
  split: z.enum(SPLITS).optional(),
  source: z.string().optional(),
});

/** A record of the project's corpus: gold plus provenance and a fixed split. */
export const CorpusRecordSchema = GoldRecordSchema.extend({
  // public: outside data used for training only (scripts/hate-training-data.mjs), never in the corpus file.
  source: z.string().regex(/^(real|synthetic|review|public):[a-z0-9_-]+$/),
  split: z.enum(SPLITS),
  annotator: z.string().min(1),
  note: z.string().optional(),
});

export type Labels = PerTag<0 | 1>;
export type GoldRecord = z.infer<typeof GoldRecordSchema>;
export type CorpusRecord = z.infer<typeof CorpusRecordSchema>;
