import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would (`npm test` builds dist/ first). */
export function runCli(args: string[], input?: string): CliRun {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'motag.js'), ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
