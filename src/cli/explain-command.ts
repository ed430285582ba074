import type { Command } from 'commander';
import { text as readAll } from 'node:stream/consumers';
import { createTagger } from '../tagger/tagger.js';
import { formatExplanation } from './explain-format.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description("Show each tag's decision, evidence and discounted cues for one narrative.")
    .argument('<text>', 'the narrative, or - to read it from standard input')
    .option('--json', 'print the result JSON instead of the reviewer view')
    .action(async (arg: string, opts: { json?: boolean }) => {
      const narrative = arg === '-' ? (await readAll(process.stdin)).trim() : arg;
      if (narrative.trim().length === 0) throw new Error('explain needs a non-empty narrative');
      const result = createTagger().tag(narrative);
      process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatExplanation(narrative, result));
    });
}
