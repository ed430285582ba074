import { createWriteStream, existsSync, statSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import type { InputEncoding } from '../batch/decode.js';
import { formatFromPath, type FileFormat } from '../batch/format.js';
import type { Reject } from '../batch/records.js';
import { tagFile } from '../batch/tag-file.js';
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
    .option('--format <format>', 'input format, jsonl or csv (default: from the --in extension, else jsonl)', parseFormat)
    .option('--out-format <format>', 'output format (default: from the --out extension, else the input format)', parseFormat)
    .option('--text-field <name>', 'field or column holding the narrative', 'text')
    .option('--id-field <name>', 'field or column holding the record id', 'id')
    .option('--model <file>', 'use this model file instead of the shipped one')
    .option('--rules-only', 'tag with the rules alone, without the statistical model')
    .option('--workers <n>', 'tagging threads (default: the number of cores; 1 tags in this thread)', parseWorkers, availableParallelism())
    .option('--encoding <name>', 'input encoding: auto, utf8 or windows-1252', parseEncoding, 'auto')
    .option('--excel', 'CSV for Excel: byte-order mark, every field quoted, formula-looking cells defused')
    .option('--rejects <file>', 'where to write rejected lines (default: <out>.rejects.csv when --out is a file)')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(async (opts: TagOptions) => {
      refuseUnsafePaths(opts);
      const inputFormat = opts.format ?? (opts.in === '-' ? null : formatFromPath(opts.in)) ?? 'jsonl';
      const outputFormat = opts.outFormat ?? (opts.out === '-' ? null : formatFromPath(opts.out)) ?? inputFormat;
      const taggerOptions: TaggerOptions = opts.rulesOnly ? { modelPath: null } : opts.model ? { modelPath: opts.model } : {};
      const tagger = opts.workers > 1 ? workerPoolTagger(taggerOptions, opts.workers) : inProcessTagger(taggerOptions);
      const rejectsPath = opts.rejects ?? (opts.out === '-' ? null : `${opts.out}.rejects.csv`);
      const rejects = rejectsPath ? new RejectsFile(rejectsPath) : null;
      const bar = opts.progress && process.stderr.isTTY ? new SingleBar({ format: 'motag tag |{bar}| {percentage}% | {tagged} tagged | {rate} records/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }) : null;
      const startedAt = Date.now();
      bar?.start(100, 0, { tagged: 0, rate: 0 });
      try {
        const summary = await tagFile(tagger, opts.workers, {
          input: opts.in,
          output: opts.out,
          inputFormat,
          outputFormat,
          fields: { text: opts.textField, id: opts.idField },
          encoding: opts.encoding,
          excel: Boolean(opts.excel),
          onReject: (r) => {
            rejects?.write(r);
            if (!rejects) process.stderr.write(`motag tag: line ${r.line}: ${r.reason}\n`);
          },
          onProgress: (bytes, total, tagged) => {
            const rate = Math.round(tagged / Math.max(0.001, (Date.now() - startedAt) / 1000));
            bar?.update(total ? Math.min(100, Math.round((100 * bytes) / total)) : 0, { tagged, rate });
          },
        });
        bar?.update(100);
        bar?.stop();
        await rejects?.close();
        const rate = summary.seconds > 0 ? Math.round(summary.tagged / summary.seconds) : summary.tagged;
        const lines = [
          `motag tag: ${summary.read} rows read, ${summary.tagged} tagged, ${summary.rejected} rejected${summary.rejected > 0 && rejectsPath ? ` (see ${rejectsPath})` : ''}; every row is in the output or the rejects.`,
          `motag tag: ${summary.encoding} input, ${summary.seconds.toFixed(2)} s, ${rate} records/s, ${opts.workers} tagging thread${opts.workers > 1 ? 's' : ''}, model ${tagger.model}.`,
        ];
        if (summary.undecodable > 0) lines.push(`motag tag: warning: ${summary.undecodable} tagged rows held bytes that are not ${summary.encoding} (shown as U+FFFD); try --encoding.`);
        process.stderr.write(`${lines.join('\n')}\n`);
      } finally {
        bar?.stop();
        await tagger.close();
      }
    });
}

/**
 * Checks made before any file is opened for writing: writing the output over
 * the input empties the input before a row is read, and a missing folder
 * would otherwise surface as a stack trace.
 */
function refuseUnsafePaths(opts: TagOptions): void {
  const targets = [opts.out, opts.rejects].filter((p): p is string => p !== undefined && p !== '-');
  for (const target of targets) {
    if (opts.in !== '-' && sameFile(opts.in, target)) throw new Error(`${target} is the input file; writing to it would destroy the input. Choose another --out or --rejects.`);
    const folder = dirname(resolve(target));
    if (!existsSync(folder)) throw new Error(`the folder ${folder} does not exist; create it or choose another path for ${target}`);
  }
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const x = statSync(a);
  const y = statSync(b);
  return x.ino === y.ino && x.dev === y.dev;
}

/** Rejected lines as CSV: line number and reason, so nothing is silently dropped. */
class RejectsFile {
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path);
    this.stream.write('line,reason\n');
  }
  write(r: Reject): void {
    this.stream.write(`${r.line},"${r.reason.replace(/"/g, '""')}"\n`);
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }
}

function parseFormat(value: string): FileFormat {
  if (value === 'jsonl' || value === 'csv') return value;
  throw new InvalidArgumentError(`unknown format "${value}" (use jsonl or csv)`);
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('workers must be a whole number from 1 to 64');
  return n;
}

export function parseEncoding(value: string): InputEncoding {
  const v = value.toLowerCase().replace(/^(cp1252|win1252|windows1252)$/, 'windows-1252').replace(/^utf-8$/, 'utf8');
  if (v === 'auto' || v === 'utf8' || v === 'windows-1252') return v;
  throw new InvalidArgumentError(`unknown encoding "${value}" (use auto, utf8 or windows-1252)`);
}
