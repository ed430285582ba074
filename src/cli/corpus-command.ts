import type { Command } from 'commander';
import { addToCorpus, readCorpus, readIncoming, writeCorpus } from '../corpus/store.js';
import { corpusStats } from '../corpus/stats.js';

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
}
