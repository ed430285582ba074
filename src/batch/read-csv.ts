import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { checkText, type FieldNames, type ReadItem } from './records.js';

export class CsvHeaderError extends Error {}

/**
 * CSV with a header row. A malformed row (wrong number of fields, a broken
 * quote) becomes a reject with its line number and the rest of the file is
 * still read. A header without the text column is fatal: nothing could be tagged.
 */
export async function* readCsv(input: Readable, fields: FieldNames, onHeader: (columns: string[]) => void): AsyncGenerator<ReadItem> {
  const pending: ReadItem[] = [];
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // A stray quote inside a field ("bad"x) is kept as text rather than
    // swallowing the rows after it.
    relax_quotes: true,
    columns: (header: string[]) => {
      if (!header.includes(fields.text)) {
        throw new CsvHeaderError(`no "${fields.text}" column in the CSV header (columns: ${header.join(', ')}); choose one with --text-field`);
      }
      // A repeated name would silently keep only one of the columns.
      const repeated = header.filter((h, i) => header.indexOf(h) !== i);
      if (repeated.length > 0) throw new CsvHeaderError(`the CSV header names ${[...new Set(repeated)].map((h) => `"${h}"`).join(', ')} more than once; rename the repeated columns so none is lost`);
      onHeader(header);
      return header;
    },
  });
  parser.on('skip', (err: Error & { lines?: number }) => {
    pending.push({ kind: 'reject', line: err.lines ?? 0, reason: `malformed CSV: ${err.message.replace(/ at line \d+.*$| on line \d+$/, '')}` });
  });
  input.pipe(parser);
  input.on('error', (err) => parser.destroy(err));

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      while (pending.length > 0) yield pending.shift()!;
      const line = info.lines;
      const checked = checkText(record[fields.text], fields.text);
      if (!checked.ok) {
        yield { kind: 'reject', line, reason: checked.reason };
        continue;
      }
      const id = record[fields.id] !== undefined && record[fields.id] !== '' ? record[fields.id]! : String(line);
      yield { kind: 'record', line, id, text: checked.text, row: record };
    }
  } catch (err) {
    if (err instanceof CsvHeaderError) throw err;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof CsvHeaderError) throw cause;
    pending.push({ kind: 'reject', line: (err as { lines?: number }).lines ?? 0, reason: `CSV reading stopped: ${(err as Error).message}` });
  }
  while (pending.length > 0) yield pending.shift()!;
}
