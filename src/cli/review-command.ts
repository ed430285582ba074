import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { InputEncoding } from '../batch/decode.js';
import { formatFromPath, type FileFormat } from '../batch/format.js';
import { openRecords } from '../batch/read-records.js';
import { loadKeywordBaseline } from '../rules/keyword-baseline.js';
import { loadRun, type RunRecord } from '../review/runs.js';
import { DEFAULT_DB_PATH, openDb } from '../store/db.js';
import { createTagger } from '../tagger/tagger.js';
import { cliActor } from './admin-command.js';
import { parseEncoding, parseFormat } from './tag-command.js';

interface LoadOptions {
  in: string;
  format?: FileFormat;
  textField: string;
  idField: string;
  encoding: InputEncoding;
  source?: string;
  auditPerTag: number;
  seed: number;
  model?: string;
  db: string;
}

export function registerReview(program: Command): void {
  const review = program.command('review').description('Prepare tagged batches for review in the service (/review).');
  review
    .command('load')
    .description('Tag a CSV or JSONL export and store it as a review run: abstain-band, audit-sample and keyword-disagreement queues are filled.')
    .requiredOption('--in <file>', 'input file')
    .option('--format <format>', 'jsonl, or csv / tsv for delimited text (default: from the extension)', parseFormat)
    .option('--text-field <name>', 'field or column holding the narrative', 'text')
    .option('--id-field <name>', 'field or column holding the record id', 'id')
    .option('--encoding <name>', 'auto, utf8, windows-1252, utf16le or utf16be', parseEncoding, 'auto' as InputEncoding)
    .option('--source <name>', 'a name for the run (default: the file name)')
    .option('--audit-per-tag <n>', 'positives per tag drawn for the precision audit', positiveInt, 25)
    .option('--seed <n>', 'seed for the audit sample', positiveInt, 1)
    .option('--model <file>', 'use this model file instead of the shipped one')
    .option('--db <file>', "the embedded database (the service's DB_PATH)", process.env.DB_PATH ?? DEFAULT_DB_PATH)
    .action(async (opts: LoadOptions, command: Command) => {
      if (!existsSync(opts.in) || !statSync(opts.in).isFile()) throw new Error(`the input ${opts.in} does not exist or is not a file`);
      const format = opts.format ?? formatFromPath(opts.in) ?? 'jsonl';
      const tagger = createTagger(opts.model ? { modelPath: opts.model } : {});
      const idFieldRequired = command.getOptionValueSource('idField') !== 'default';
      const { items } = await openRecords(createReadStream(opts.in), format, { text: opts.textField, id: opts.idField }, opts.encoding, { idFieldRequired });
      const records: RunRecord[] = [];
      let rejected = 0;
      for await (const item of items) {
        if (item.kind === 'reject') {
          rejected++;
          process.stderr.write(`motag review load: line ${item.line}: ${item.reason}\n`);
          continue;
        }
        records.push({ id: item.id, text: item.text, result: tagger.tag(item.text, item.id), fields: otherColumns(item.row, opts) });
      }
      const db = openDb(opts.db);
      const run = loadRun(db, records, loadKeywordBaseline(), { source: opts.source ?? basename(opts.in), model: tagger.model, actor: cliActor(), auditPerTag: opts.auditPerTag, seed: opts.seed });
      db.close();
      for (const id of run.duplicates) process.stderr.write(`motag review load: id ${id} appears more than once; the first was kept\n`);
      process.stderr.write(
        `motag review load: run ${run.runId}: ${run.records} records stored, ${rejected} rejected, ${run.duplicates.length} duplicate ids, ${run.alreadyLoaded.length} already loaded by an earlier run (same id and text, skipped: their reviews stand); queued ${run.queued.abstain} abstain, ${run.queued.audit} audit, ${run.queued.disagreement} disagreement (tag-record pairs)\n`,
      );
    });
}

/** The row's columns beyond id and text (offence, date, ward...), kept for the review page. */
function otherColumns(row: Readonly<Record<string, string>> | undefined, opts: LoadOptions): Record<string, string> {
  if (!row) return {};
  return Object.fromEntries(Object.entries(row).filter(([name]) => name !== opts.textField && name !== opts.idField));
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}
