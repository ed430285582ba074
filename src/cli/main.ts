import { Command, CommanderError } from 'commander';
import { registerExplain } from './explain-command.js';
import { registerCorpus } from './corpus-command.js';
import { registerEval } from './eval-command.js';
import { registerReport } from './report-command.js';
import { registerTag } from './tag-command.js';
import { registerAdmin } from './admin-command.js';
import { registerReview } from './review-command.js';
import { VERSION } from '../version.js';

/*
 * The motag command. stdout carries only data (results, tables); progress,
 * summaries and errors go to stderr, so `motag tag --out -` can feed a pipe.
 */
const program = new Command()
  .name('motag')
  .description('Tag police MO narratives for alcohol, night-time economy, domestic, familial, hate-crime strands and street ASB.')
  .version(VERSION, '-V, --version', 'print the motag version')
  .showHelpAfterError()
  .exitOverride();

registerTag(program);
registerExplain(program);
registerEval(program);
registerCorpus(program);
registerReport(program);
registerReview(program);
registerAdmin(program);

// A closed pipe (`motag tag --out - | head`) is a normal way for a reader to stop.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`motag: ${(err as Error).message}\n`);
  process.exit(2);
}
