import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { checkText, type FieldNames, type ReadItem } from './records.js';

/** One JSON object per line. Bad lines become rejects with their line number; blank lines are skipped. */
export async function* readJsonl(input: Readable, fields: FieldNames): AsyncGenerator<ReadItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const trimmed = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (trimmed.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      yield { kind: 'reject', line, reason: `invalid JSON: ${(err as Error).message}` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { kind: 'reject', line, reason: 'not a JSON object' };
      continue;
    }
    const obj = value as Record<string, unknown>;
    const checked = checkText(obj[fields.text], fields.text);
    if (!checked.ok) {
      yield { kind: 'reject', line, reason: checked.reason };
      continue;
    }
    const rawId = obj[fields.id];
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : String(line);
    yield { kind: 'record', line, id, text: checked.text };
  }
}
