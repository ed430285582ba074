#!/usr/bin/env node
// Runs the shared contract check (../shared/tools/check-contract.py) when shared/ is beside the project, as in CI.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checker = join(root, '..', 'shared', 'tools', 'check-contract.py');
if (!existsSync(checker)) {
  console.log('contract check skipped: ../shared/tools/check-contract.py not found');
  process.exit(0);
}
const r = spawnSync('python3', [checker], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
