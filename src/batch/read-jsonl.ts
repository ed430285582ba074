import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { checkText, type FieldNames, type ReadItem } from './records.js';

/**
 * One JSON object per line (\n, \r\n or a lone \r). Bad lines become rejects
 * with their line number; blank lines are skipped. The parser's own message
 * is not passed on: it quotes the line, and so the narrative.
 */
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
      const at = /at position (\d+)/.exec((err as Error).message);
      yield { kind: 'reject', line, reason: at ? `invalid JSON at character ${Number(at[1]) + 1} of the line` : 'invalid JSON' };
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
    const hasId = (typeof rawId === 'string' && rawId !== '') || typeof rawId === 'number';
    yield { kind: 'record', line, id: hasId ? String(rawId) : String(line), idFromLine: !hasId, text: checked.text };
  }
}
