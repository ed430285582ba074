import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root holds lexicons/ and models/. Source runs from src/ (tests)
 * and the CLI from dist/, so find the root by walking up to package.json
 * rather than assuming a depth.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lexicons'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('motag: cannot find the package root (no package.json with lexicons/ above this file)');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const LEXICON_DIR = join(PACKAGE_ROOT, 'lexicons');
