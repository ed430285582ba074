import type { Command } from 'commander';
import { addToCorpus, readCorpus, readIncoming, writeCorpus } from '../corpus/store.js';
import { corpusStats } from '../corpus/stats.js';
import { agreement, formatAgreement } from '../corpus/agreement.js';
import { LabelsSchema } from '../corpus/record.js';
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { collectFeedback, formatFeedback, mergeIntoCorpus } from '../review/feedback.js';
import { DEFAULT_DB_PATH, openDb } from '../store/db.js';

const DEFAULT_CORPUS = 'corpus/corpus.jsonl';

export function registerCorpus(program: Command): void {
  const corpus = program.command('corpus').description('Manage the hand-labelled corpus.');
  corpus
    .command('add')
    .description('Add labelled records (JSONL with id, text, labels, source, annotator); new records get a fixed split.')
    .argument('<files...>', 'labelled JSONL files')
    .option('--corpus <file>', 'the corpus file', DEFAULT_CORPUS)
    .action((files: string[], opts: { corpus: string }) => {
      const existing = readCorpus(opts.corpus);
      const incoming = files.flatMap((f) => readIncoming(f));
      const { added, skipped } = addToCorpus(existing, incoming);
      for (const s of skipped) process.stderr.write(`motag corpus add: skipped ${s.id}: ${s.reason}\n`);
      writeCorpus(opts.corpus, [...existing, ...added]);
      process.stderr.write(`motag corpus add: ${added.length} added, ${skipped.length} skipped, ${existing.length + added.length} in ${opts.corpus}\n`);
    });
  corpus
    .command('stats')
    .description('Print records per source and split, and positives per tag and split, as Markdown.')
    .option('--corpus <file>', 'the corpus file', DEFAULT_CORPUS)
    .action((opts: { corpus: string }) => {
      process.stdout.write(corpusStats(readCorpus(opts.corpus)));
    });
  corpus
    .command('agreement')
    .description("Cohen's kappa per tag between the corpus labels and a second, blind annotation.")
    .requiredOption('--second <file>', 'JSONL of {"id", "labels"} for corpus records labelled a second time')
    .option('--corpus <file>', 'the corpus file', DEFAULT_CORPUS)
    .option('--disagreements', 'list every tag decision that differed')
    .action((opts: { second: string; corpus: string; disagreements?: boolean }) => {
      const Second = z.object({ id: z.string(), labels: LabelsSchema });
      const second = readFileSync(opts.second, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
        const parsed = Second.safeParse(JSON.parse(l));
        if (!parsed.success) throw new Error(`${opts.second}:${i + 1}: ${parsed.error.issues[0]?.message}`);
        return parsed.data;
      });
      const report = agreement(readCorpus(opts.corpus), second);
      process.stdout.write(formatAgreement(report));
      if (report.unmatched.length > 0) process.stderr.write(`motag corpus agreement: ${report.unmatched.length} ids not in the corpus: ${report.unmatched.join(', ')}\n`);
      if (opts.disagreements) for (const d of report.disagreements) process.stdout.write(`${d.id}\t${d.tag}\tfirst=${d.first}\tsecond=${d.second}\n`);
    });
  corpus
    .command('import-reviews')
    .description('Turn settled reviews into corpus records (source "review:<run>", split by id hash) and print a misclassification report.')
    .option('--db <file>', "the embedded database (the service's DB_PATH)", process.env.DB_PATH ?? DEFAULT_DB_PATH)
    .option('--corpus <file>', 'the corpus file', DEFAULT_CORPUS)
    .option('--min-reviewers <n>', 'reviewers needed when no adjudicator has settled a record', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
      return n;
    }, 1)
    .option('--dry-run', 'report only; do not change the corpus')
    .action((opts: { db: string; corpus: string; minReviewers: number; dryRun?: boolean }) => {
      const db = openDb(opts.db);
      const report = collectFeedback(db, { minReviewers: opts.minReviewers });
      db.close();
      process.stdout.write(formatFeedback(report));
      const existing = readCorpus(opts.corpus);
      const { added, skipped } = mergeIntoCorpus(existing, report);
      for (const s of skipped) process.stderr.write(`motag corpus import-reviews: skipped ${s.id}: ${s.reason}\n`);
      if (!opts.dryRun) writeCorpus(opts.corpus, [...existing, ...added]);
      const splits = ['train', 'dev', 'test'].map((sp) => `${added.filter((r) => r.split === sp).length} ${sp}`).join(', ');
      process.stderr.write(
        `motag corpus import-reviews: ${added.length} ${opts.dryRun ? 'would be added' : 'added'} (${splits}), ${skipped.length} skipped, ${report.conflicts} in conflict awaiting an adjudicator${opts.dryRun ? '' : `; ${existing.length + added.length} in ${opts.corpus}`}\n`,
      );
    });
}
