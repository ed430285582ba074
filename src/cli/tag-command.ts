import { createReadStream, existsSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import type { InputEncoding } from '../batch/decode.js';
import { formatFromPath, outputDelimiterFor, parseFormatName, type FileFormat } from '../batch/format.js';
import { OutputFile } from '../batch/output-file.js';
import { openRecords } from '../batch/read-records.js';
import type { Reject } from '../batch/records.js';
import { tagFile, type TagFileSummary } from '../batch/tag-file.js';
import { inProcessTagger, workerPoolTagger } from '../batch/taggers.js';
import type { TaggerOptions } from '../tagger/tagger.js';

interface TagOptions {
  in: string;
  out: string;
  format?: FileFormat;
  outFormat?: FileFormat;
  textField: string;
  idField: string;
  model?: string;
  rulesOnly?: boolean;
  workers: number;
  encoding: InputEncoding;
  excel?: boolean;
  rejects?: string;
  progress: boolean;
}

export function registerTag(program: Command): void {
  program
    .command('tag')
    .description('Tag a JSONL or CSV file of narratives (INTERFACE.md "Batch command").')
    .option('--in <file>', 'input file, or - for standard input', '-')
    .option('--out <file>', 'output file, or - for standard output', '-')
    .option('--format <format>', 'input format, jsonl or csv (csv and tsv both mean delimited text; default: from the --in extension, else jsonl)', parseFormat)
    .option('--out-format <format>', 'output format (default: from the --out extension, else the input format)', parseFormat)
    .option('--text-field <name>', 'field or column holding the narrative', 'text')
    .option('--id-field <name>', 'field or column holding the record id', 'id')
    .option('--model <file>', 'use this model file instead of the shipped one')
    .option('--rules-only', 'tag with the rules alone, without the statistical model')
    .option('--workers <n>', 'tagging threads (default: the number of cores; 1 tags in this thread)', parseWorkers, availableParallelism())
    .option('--encoding <name>', 'input encoding: auto, utf8, windows-1252, utf16le or utf16be', parseEncoding, 'auto')
    .option('--excel', 'CSV for Excel: byte-order mark, every field quoted, formula-looking cells defused')
    .option('--rejects <file>', 'where to write rejected lines (default: <out>.rejects.csv when --out is a file)')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(async (opts: TagOptions, command: Command) => {
      // Everything that can be wrong with the options or the header is found
      // before any file is created, so a mistake never costs an existing output.
      refuseUnsafePaths(opts);
      const inputFormat = opts.format ?? (opts.in === '-' ? null : formatFromPath(opts.in)) ?? 'jsonl';
      const outputFormat = opts.outFormat ?? (opts.out === '-' ? null : formatFromPath(opts.out)) ?? inputFormat;
      const raw: Readable = opts.in === '-' ? process.stdin : createReadStream(opts.in);
      const totalBytes = opts.in === '-' ? null : statSync(opts.in).size;
      let bytesRead = 0;
      raw.on('data', (b: Buffer | string) => {
        bytesRead += b.length;
      });
      const fields = { text: opts.textField, id: opts.idField };
      const source = await openRecords(raw, inputFormat, fields, opts.encoding, { idFieldRequired: command.getOptionValueSource('idField') !== 'default' });

      const taggerOptions: TaggerOptions = opts.rulesOnly ? { modelPath: null } : opts.model ? { modelPath: opts.model } : {};
      const tagger = opts.workers > 1 ? workerPoolTagger(taggerOptions, opts.workers) : inProcessTagger(taggerOptions);
      const rejectsPath = opts.rejects ?? (opts.out === '-' ? null : `${opts.out}.rejects.csv`);
      const output = opts.out === '-' ? null : new OutputFile(opts.out);
      const rejects = rejectsPath ? new RejectsFile(rejectsPath) : null;
      const stopOnSignal = removeOutputsOnSignal(opts.out, rejectsPath);
      const bar = opts.progress && process.stderr.isTTY ? new SingleBar({ format: 'motag tag |{bar}| {percentage}% | {tagged} tagged | {rate} records/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }) : null;
      const startedAt = Date.now();
      bar?.start(100, 0, { tagged: 0, rate: 0 });
      try {
        const summary = await tagFile(tagger, opts.workers, {
          source,
          output: output?.stream ?? process.stdout,
          outputFormat,
          outputDelimiter: opts.out === '-' ? ',' : outputDelimiterFor(opts.out),
          fields,
          excel: Boolean(opts.excel),
          onReject: (r) => {
            rejects?.write(r);
            if (!rejects) process.stderr.write(`motag tag: line ${r.line}: ${r.reason}\n`);
          },
          onProgress: (tagged) => {
            const rate = Math.round(tagged / Math.max(0.001, (Date.now() - startedAt) / 1000));
            bar?.update(totalBytes ? Math.min(100, Math.round((100 * bytesRead) / totalBytes)) : 0, { tagged, rate });
          },
        });
        // The rejects first: an output under its final name means the run finished.
        await rejects?.commit();
        await output?.commit();
        bar?.update(100);
        bar?.stop();
        process.stderr.write(`${summaryLines(summary, opts, rejectsPath, tagger.model).join('\n')}\n`);
      } catch (err) {
        bar?.stop();
        await rejects?.abandon();
        await output?.abandon();
        const where = [opts.out === '-' ? null : opts.out, rejectsPath].filter((p) => p !== null).join(' or ');
        process.stderr.write(
          opts.out === '-'
            ? `motag tag: failed; the output written to stdout so far is incomplete.\n`
            : `motag tag: failed; nothing was written under ${where} (a file already there is unchanged).\n`,
        );
        throw err;
      } finally {
        stopOnSignal();
        await tagger.close();
      }
    });
}

function summaryLines(summary: TagFileSummary, opts: TagOptions, rejectsPath: string | null, model: string): string[] {
  const rate = summary.seconds > 0 ? Math.round(summary.tagged / summary.seconds) : summary.tagged;
  const { decoding } = summary;
  const lines = [
    `motag tag: ${summary.read} rows read, ${summary.tagged} tagged, ${summary.rejected} rejected${summary.rejected > 0 && rejectsPath ? ` (see ${rejectsPath})` : ''}; every row is in the output or the rejects.`,
    `motag tag: ${decoding.encoding} input, ${summary.seconds.toFixed(2)} s, ${rate} records/s, ${opts.workers} tagging thread${opts.workers > 1 ? 's' : ''}, model ${model}.`,
  ];
  if (summary.idFromLine > 0) lines.push(`motag tag: ${summary.idFromLine} tagged rows had no "${opts.idField}" value; their line number is their id.`);
  if (decoding.invalidSequences > 0) {
    const n = decoding.invalidSequences;
    const advice =
      decoding.encoding === 'utf8'
        ? decoding.looksLikeWindows1252
          ? 'The file looks like Windows-1252: try --encoding windows-1252.'
          : 'The rest of the file is UTF-8, so reading it as another encoding would garble more than it mends; the rows were tagged as they are.'
        : decoding.encoding === 'windows-1252'
          ? 'Those bytes are unused in Windows-1252: the file may be in another encoding; --encoding chooses one.'
          : 'The file ends part-way through a character.';
    lines.push(`motag tag: warning: ${n} byte sequence${n === 1 ? ' is' : 's are'} not valid ${decoding.encoding} (read as U+FFFD). ${advice}`);
  }
  return lines;
}

/**
 * Ctrl-C or SIGTERM mid-run: remove the temporary files, so what the user
 * finds under the final names is only ever a finished output. A SIGKILL
 * cannot be caught; it leaves a hidden .part file and never a final one.
 */
function removeOutputsOnSignal(out: string, rejectsPath: string | null): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    OutputFile.abandonAllNow();
    const where = [out === '-' ? null : out, rejectsPath].filter((p) => p !== null).join(' or ');
    process.stderr.write(`\nmotag tag: interrupted (${signal}); ${where ? `nothing was written under ${where}` : 'the output on stdout is incomplete'}.\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * Checks made before any file is opened for writing: writing the output over
 * the input empties the input before a row is read, a missing folder would
 * otherwise surface as a stack trace, and a missing input or model file
 * would fail only after the output was begun.
 */
function refuseUnsafePaths(opts: TagOptions): void {
  if (opts.in !== '-' && !isFile(opts.in)) throw new Error(`the input ${opts.in} does not exist or is not a file`);
  if (opts.model && !isFile(opts.model)) throw new Error(`the model file ${opts.model} does not exist or is not a file`);
  const rejects = opts.rejects ?? (opts.out === '-' ? undefined : `${opts.out}.rejects.csv`);
  const targets = [opts.out, rejects].filter((p): p is string => p !== undefined && p !== '-');
  if (targets.length === 2 && sameFile(targets[0]!, targets[1]!)) throw new Error(`--out and --rejects are the same file (${targets[0]}); choose two different files`);
  for (const target of targets) {
    if (opts.in !== '-' && sameFile(opts.in, target)) throw new Error(`${target} is the input file; writing to it would destroy the input. Choose another --out or --rejects.`);
    const folder = dirname(resolve(target));
    if (!existsSync(folder)) throw new Error(`the folder ${folder} does not exist; create it or choose another path for ${target}`);
    if (existsSync(target) && !isFile(target)) throw new Error(`${target} exists and is not a regular file; choose another path (--out - writes to standard output)`);
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const x = statSync(a);
  const y = statSync(b);
  return x.ino === y.ino && x.dev === y.dev;
}

/** Rejected lines as CSV: line number and reason, so nothing is silently dropped. Written and committed like the output. */
class RejectsFile {
  private readonly file: OutputFile;
  constructor(path: string) {
    this.file = new OutputFile(path);
    this.file.stream.write('line,reason\n');
  }
  write(r: Reject): void {
    this.file.stream.write(`${r.line},"${r.reason.replace(/"/g, '""')}"\n`);
  }
  commit(): Promise<void> {
    return this.file.commit();
  }
  abandon(): Promise<void> {
    return this.file.abandon();
  }
}

export function parseFormat(value: string): FileFormat {
  const format = parseFormatName(value);
  if (format) return format;
  throw new InvalidArgumentError(`unknown format "${value}" (use jsonl, csv or tsv)`);
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('workers must be a whole number from 1 to 64');
  return n;
}

export function parseEncoding(value: string): InputEncoding {
  const v = value.toLowerCase().replace(/^(cp1252|win1252|windows1252)$/, 'windows-1252').replace(/^utf-8$/, 'utf8').replace(/^utf-16-?(le|be)$/, 'utf16$1');
  if (v === 'auto' || v === 'utf8' || v === 'windows-1252' || v === 'utf16le' || v === 'utf16be') return v;
  throw new InvalidArgumentError(`unknown encoding "${value}" (use auto, utf8, windows-1252, utf16le or utf16be)`);
}
