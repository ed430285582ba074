import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { TagResult } from '../tagger/result.js';
import type { DecodeReport } from './decode.js';
import { RESULT_COLUMNS, excelSafe, resultCells, type FileFormat } from './format.js';
import type { RecordSource } from './read-records.js';
import type { FieldNames, InputRecord, Reject } from './records.js';
import type { ChunkTagger } from './taggers.js';

export interface TagFileOptions {
  /** The input, opened and its header checked (read-records.ts). */
  readonly source: RecordSource;
  /** Where results go; ended when done unless it is standard output. */
  readonly output: Writable;
  readonly outputFormat: FileFormat;
  /** Delimited output: comma, or tab for a .tsv file. */
  readonly outputDelimiter: ',' | '\t';
  readonly fields: FieldNames;
  /** CSV for Excel: a byte-order mark, every field quoted, formula-looking cells defused. */
  readonly excel: boolean;
  /** Called for each rejected line, in file order. */
  readonly onReject: (reject: Reject) => void;
  /** Called as chunks are written (for a progress bar). */
  readonly onProgress?: (tagged: number) => void;
}

export interface TagFileSummary {
  readonly read: number;
  readonly tagged: number;
  readonly rejected: number;
  /** Tagged rows with no id of their own, whose line number stands in. */
  readonly idFromLine: number;
  readonly decoding: DecodeReport;
  readonly seconds: number;
}

/**
 * Records per message to a tagging thread, and chunks in flight per thread. A
 * chunk also closes at CHUNK_CHARS of text: 256 typical rows are about 46,000
 * characters, but 256 rows of 20,000-character narratives dense with cues
 * carry hundreds of megabytes of evidence, and memory must stay flat for them
 * too.
 */
const CHUNK = 256;
const CHUNK_CHARS = 64_000;
const IN_FLIGHT_PER_THREAD = 2;

/**
 * Streams a file through the tagger in chunks: reading, tagging (in worker
 * threads when there are several) and writing overlap, chunks are written
 * in input order, and at most a few chunks per thread are in memory, so
 * memory stays flat however large the file. Every data row ends up in the
 * output or reported as a reject.
 */
export async function tagFile(tagger: ChunkTagger, threads: number, opts: TagFileOptions): Promise<TagFileSummary> {
  const started = process.hrtime.bigint();
  const { items, decoding } = opts.source;
  const header = opts.source.columns ?? [opts.fields.id, opts.fields.text];
  const output = opts.output;

  let read = 0;
  let tagged = 0;
  let rejected = 0;
  let idFromLine = 0;
  const format = (record: InputRecord, result: TagResult): string | string[] => {
    if (record.idFromLine) idFromLine++;
    if (opts.outputFormat === 'jsonl') return `${JSON.stringify(result)}\n`;
    const row = record.row ?? { [opts.fields.id]: record.id, [opts.fields.text]: record.text };
    const cells = [...header.map((c) => row[c] ?? ''), ...resultCells(result, tagger.provenance)];
    return opts.excel ? cells.map(excelSafe) : cells;
  };

  async function* chunks(): AsyncGenerator<InputRecord[]> {
    let chunk: InputRecord[] = [];
    let chars = 0;
    for await (const item of items) {
      read++;
      if (item.kind === 'reject') {
        rejected++;
        opts.onReject(item);
        continue;
      }
      chunk.push(item);
      chars += item.text.length;
      if (chunk.length === CHUNK || chars >= CHUNK_CHARS) {
        yield chunk;
        chunk = [];
        chars = 0;
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  async function* results(): AsyncGenerator<string | string[]> {
    // A first-in first-out queue of chunks being tagged: awaiting the head
    // keeps file order while later chunks are tagged on other threads.
    const queue: { records: InputRecord[]; results: Promise<TagResult[]> }[] = [];
    const drain = async function* (): AsyncGenerator<string | string[]> {
      const head = queue.shift()!;
      const done = await head.results;
      for (let i = 0; i < head.records.length; i++) yield format(head.records[i]!, done[i]!);
      tagged += head.records.length;
      opts.onProgress?.(tagged);
    };
    for await (const records of chunks()) {
      queue.push({ records, results: tagger.tag(records.map((r) => ({ id: r.id, text: r.text }))) });
      if (queue.length >= threads * IN_FLIGHT_PER_THREAD) yield* drain();
    }
    while (queue.length > 0) yield* drain();
  }

  const end = output !== process.stdout;
  if (opts.outputFormat === 'jsonl') {
    await pipeline(Readable.from(results()), output, { end });
  } else {
    const columns = [...header, ...RESULT_COLUMNS];
    const csv = stringify({ header: true, columns: opts.excel ? columns.map(excelSafe) : columns, bom: opts.excel, quoted: opts.excel, delimiter: opts.outputDelimiter });
    await pipeline(Readable.from(results()), csv, output, { end });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { read, tagged, rejected, idFromLine, decoding, seconds };
}
