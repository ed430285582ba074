import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvCells } from './csv-write.js';
import type { DecodeReport } from './decode.js';
import { RESULT_COLUMNS, excelSafe, type FileFormat, type OutputShape } from './format.js';
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

  let read = 0;
  let tagged = 0;
  let rejected = 0;
  let idFromLine = 0;
  const delimiter = opts.outputDelimiter;
  const shape: OutputShape = { format: opts.outputFormat, delimiter, excel: opts.excel, taggedAt: new Date().toISOString() };
  const csvOut = (cells: string[]): string => csvCells(opts.excel ? cells.map(excelSafe) : cells, delimiter, opts.excel);
  // A CSV row is the record's own columns, written here, then the result columns the tagging thread wrote.
  const format = (record: InputRecord, result: string): string => {
    if (record.idFromLine) idFromLine++;
    if (opts.outputFormat === 'jsonl') return result;
    const row = record.row ?? { [opts.fields.id]: record.id, [opts.fields.text]: record.text };
    return `${csvOut(header.map((c) => row[c] ?? ''))}${delimiter}${result}\n`;
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

  // One string per chunk goes down the stream, not one per row: a stream step per row cost more than writing the row.
  async function* results(): AsyncGenerator<string> {
    if (opts.outputFormat === 'csv') yield `${opts.excel ? '\uFEFF' : ''}${csvOut([...header, ...RESULT_COLUMNS])}\n`;
    // A first-in first-out queue of chunks being tagged: awaiting the head
    // keeps file order while later chunks are tagged on other threads.
    const queue: { records: InputRecord[]; results: Promise<string[]> }[] = [];
    const drain = async (): Promise<string> => {
      const head = queue.shift()!;
      const done = await head.results;
      let out = '';
      for (let i = 0; i < head.records.length; i++) out += format(head.records[i]!, done[i]!);
      tagged += head.records.length;
      opts.onProgress?.(tagged);
      return out;
    };
    for await (const records of chunks()) {
      queue.push({ records, results: tagger.tag(records.map((r) => ({ id: r.id, text: r.text })), shape) });
      if (queue.length >= threads * IN_FLIGHT_PER_THREAD) yield await drain();
    }
    while (queue.length > 0) yield await drain();
  }

  await pipeline(Readable.from(results()), opts.output, { end: opts.output !== process.stdout });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { read, tagged, rejected, idFromLine, decoding, seconds };
}
