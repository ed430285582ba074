import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import { addApiKey, addUser, disableUser, listApiKeys, listUsers, revokeApiKey, ROLES, setPassword, type Role } from '../auth/accounts.js';
import { DEFAULT_DB_PATH, openDb } from '../store/db.js';

/*
 * Admin commands on the embedded database: reviewer accounts and pipeline
 * API keys. They run on the server's machine, against its database file, so
 * granting access never goes over HTTP. Every change is in the audit log
 * under "cli:<system user>".
 */
export const cliActor = (): string => `cli:${userInfo().username}`;

const dbOption = ['--db <file>', 'the embedded database (the service\'s DB_PATH)', process.env.DB_PATH ?? DEFAULT_DB_PATH] as const;

export function registerAdmin(program: Command): void {
  const users = program.command('users').description('Reviewer accounts for the review page and API.');
  users
    .command('add')
    .description('Create a reviewer. The password is read from standard input (first line), or asked for on a terminal.')
    .argument('<username>')
    .option('--role <role>', `reviewer or adjudicator (settles disagreements)`, parseRole, 'reviewer' as Role)
    .option(...dbOption)
    .action(async (username: string, opts: { role: Role; db: string }) => {
      const password = await readPassword(`password for ${username}: `);
      const db = openDb(opts.db);
      addUser(db, username, password, opts.role, cliActor());
      db.close();
      process.stderr.write(`motag users: added ${opts.role} ${username}\n`);
    });
  users
    .command('passwd')
    .description("Set a reviewer's password (ends their sign-ins).")
    .argument('<username>')
    .option(...dbOption)
    .action(async (username: string, opts: { db: string }) => {
      const password = await readPassword(`new password for ${username}: `);
      const db = openDb(opts.db);
      setPassword(db, username, password, cliActor());
      db.close();
      process.stderr.write(`motag users: password changed for ${username}\n`);
    });
  users
    .command('disable')
    .description('Disable a reviewer (their reviews are kept).')
    .argument('<username>')
    .option(...dbOption)
    .action((username: string, opts: { db: string }) => {
      const db = openDb(opts.db);
      disableUser(db, username, cliActor());
      db.close();
      process.stderr.write(`motag users: disabled ${username}\n`);
    });
  users
    .command('list')
    .description('List reviewers as JSON lines.')
    .option(...dbOption)
    .action((opts: { db: string }) => {
      const db = openDb(opts.db);
      for (const u of listUsers(db)) process.stdout.write(`${JSON.stringify(u)}\n`);
      db.close();
    });

  const keys = program.command('keys').description('API keys for the data pipeline: once one exists, the tag routes need one.');
  keys
    .command('add')
    .description('Create a key and print it once on standard output; only its hash is stored.')
    .argument('<name>')
    .option(...dbOption)
    .action((name: string, opts: { db: string }) => {
      const db = openDb(opts.db);
      const key = addApiKey(db, name, cliActor());
      db.close();
      process.stdout.write(`${key}\n`);
      process.stderr.write(`motag keys: added "${name}"; store the key now, it cannot be shown again\n`);
    });
  keys
    .command('revoke')
    .argument('<name>')
    .option(...dbOption)
    .action((name: string, opts: { db: string }) => {
      const db = openDb(opts.db);
      revokeApiKey(db, name, cliActor());
      db.close();
      process.stderr.write(`motag keys: revoked "${name}"\n`);
    });
  keys
    .command('list')
    .description('List keys (names and dates, never the keys) as JSON lines.')
    .option(...dbOption)
    .action((opts: { db: string }) => {
      const db = openDb(opts.db);
      for (const k of listApiKeys(db)) process.stdout.write(`${JSON.stringify(k)}\n`);
      db.close();
    });
}

function parseRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new InvalidArgumentError(`unknown role "${value}" (use ${ROLES.join(' or ')})`);
}

/** A password from a pipe (first line), or typed at a terminal without echo; never from argv, where `ps` shows it. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  muted._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}
