import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { TAG_IDS, type TagId } from '../tags.js';
import { CorpusRecordSchema, LabelsSchema, type CorpusRecord } from './record.js';
import { assignSplits } from './splits.js';

/** Labelled records arriving for the corpus: everything but the split, which the corpus assigns. */
export const IncomingRecordSchema = CorpusRecordSchema.omit({ split: true }).extend({ labels: LabelsSchema });
export type IncomingRecord = z.infer<typeof IncomingRecordSchema>;

export function readCorpus(path: string): CorpusRecord[] {
  if (!existsSync(path)) return [];
  return parseLines(path, CorpusRecordSchema);
}

export function readIncoming(path: string): IncomingRecord[] {
  return parseLines(path, IncomingRecordSchema);
}

function parseLines<T>(path: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path}:${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
    out.push(parsed.data);
  });
  return out;
}

/** Same text after case and white space are folded: a duplicate would leak between splits. */
export function textKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface AddOutcome {
  readonly added: CorpusRecord[];
  readonly skipped: { id: string; reason: string }[];
}

/** Adds new records with fresh splits; existing records and their splits are never changed. */
export function addToCorpus(existing: readonly CorpusRecord[], incoming: readonly IncomingRecord[]): AddOutcome {
  const ids = new Set(existing.map((r) => r.id));
  const texts = new Set(existing.map((r) => textKey(r.text)));
  const fresh: IncomingRecord[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const r of incoming) {
    if (ids.has(r.id)) skipped.push({ id: r.id, reason: 'id already in the corpus' });
    else if (texts.has(textKey(r.text))) skipped.push({ id: r.id, reason: 'same text already in the corpus' });
    else {
      fresh.push(r);
      ids.add(r.id);
      texts.add(textKey(r.text));
    }
  }
  const frequency = new Map<TagId, number>(TAG_IDS.map((t) => [t, 0]));
  for (const r of [...existing, ...fresh]) for (const t of TAG_IDS) if (r.labels[t] === 1) frequency.set(t, frequency.get(t)! + 1);
  const splits = assignSplits(fresh, frequency);
  const added = fresh.map((r) => CorpusRecordSchema.parse({ ...r, split: splits.get(r.id) }));
  return { added, skipped };
}

export function writeCorpus(path: string, records: readonly CorpusRecord[]): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  renameSync(tmp, path);
}
