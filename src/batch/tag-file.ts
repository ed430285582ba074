import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Tagger } from '../tagger/tagger.js';
import { RESULT_COLUMNS, resultCells, type FileFormat } from './format.js';
import { readCsv } from './read-csv.js';
import { readJsonl } from './read-jsonl.js';
import type { FieldNames, ReadItem, Reject } from './records.js';

export interface TagFileOptions {
  readonly input: string;
  readonly output: string;
  readonly inputFormat: FileFormat;
  readonly outputFormat: FileFormat;
  readonly fields: FieldNames;
  /** Called for each rejected line, in file order. */
  readonly onReject: (reject: Reject) => void;
}

export interface TagFileSummary {
  readonly read: number;
  readonly tagged: number;
  readonly rejected: number;
  readonly seconds: number;
}

/**
 * Streams a file through the tagger: one record in memory at a time, with
 * the output stream's backpressure respected, so memory stays flat however
 * large the file.
 */
export async function tagFile(tagger: Tagger, opts: TagFileOptions): Promise<TagFileSummary> {
  const started = process.hrtime.bigint();
  const input: Readable = opts.input === '-' ? process.stdin : createReadStream(opts.input);
  const output: Writable = opts.output === '-' ? process.stdout : createWriteStream(opts.output);
  let header: string[] = [opts.fields.id, opts.fields.text];
  const items: AsyncGenerator<ReadItem> =
    opts.inputFormat === 'csv'
      ? readCsv(input, opts.fields, (columns) => {
          header = columns;
        })
      : readJsonl(input, opts.fields);

  let read = 0;
  let tagged = 0;
  let rejected = 0;
  async function* results(): AsyncGenerator<string | string[]> {
    for await (const item of items) {
      read++;
      if (item.kind === 'reject') {
        rejected++;
        opts.onReject(item);
        continue;
      }
      const result = tagger.tag(item.text, item.id);
      tagged++;
      if (opts.outputFormat === 'jsonl') {
        yield `${JSON.stringify(result)}\n`;
      } else {
        const row = item.row ?? { [opts.fields.id]: item.id, [opts.fields.text]: item.text };
        yield [...header.map((c) => row[c] ?? ''), ...resultCells(result)];
      }
    }
  }

  if (opts.outputFormat === 'jsonl') {
    await pipeline(Readable.from(results()), output, { end: output !== process.stdout });
  } else {
    // The header is known only once the first CSV row is parsed, so the
    // stringifier is given it lazily through the first row.
    const rows = results();
    const first = await rows.next();
    const columns = [...header, ...RESULT_COLUMNS];
    async function* all(): AsyncGenerator<string[]> {
      if (!first.done) yield first.value as string[];
      for await (const r of rows) yield r as string[];
    }
    await pipeline(Readable.from(all()), stringify({ header: true, columns }), output, { end: output !== process.stdout });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { read, tagged, rejected, seconds };
}
