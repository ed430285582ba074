import { Command, CommanderError } from 'commander';
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

/*
 * Each command's module is imported only when that command runs, so `motag tag`
 * does not load the review app, the database or the account code (and their
 * start-up work) it never uses. Help, --version and unknown commands load them
 * all, in this order, so the help lists every command as before.
 */
type Register = (program: Command) => void;
const COMMANDS: readonly (readonly [names: readonly string[], load: () => Promise<Register>])[] = [
  [['tag'], async () => (await import('./tag-command.js')).registerTag],
  [['explain'], async () => (await import('./explain-command.js')).registerExplain],
  [['eval'], async () => (await import('./eval-command.js')).registerEval],
  [['corpus'], async () => (await import('./corpus-command.js')).registerCorpus],
  [['report'], async () => (await import('./report-command.js')).registerReport],
  [['review'], async () => (await import('./review-command.js')).registerReview],
  [['users', 'keys'], async () => (await import('./admin-command.js')).registerAdmin],
];

const asked = process.argv[2];
const only = COMMANDS.find(([names]) => asked !== undefined && names.includes(asked));
for (const [, load] of only ? [only] : COMMANDS) (await load())(program);

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
