import { readFileSync } from 'node:fs';
import { GoldRecordSchema, type GoldRecord } from './record.js';

/** Reads labelled JSONL; a bad line stops the evaluation with its line number, since a gold file must be whole. */
export function readGold(path: string): GoldRecord[] {
  const out: GoldRecord[] = [];
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`${path}:${i + 1}: invalid JSON (${(err as Error).message})`);
    }
    const parsed = GoldRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path}:${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
    out.push(parsed.data);
  });
  return out;
}
