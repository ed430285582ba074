import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCli } from './run-cli.js';

/*
 * The README's `motag explain` example is the command's real output: it went
 * stale once (old offsets, scores and notes) when the model was retrained.
 * This runs the command the README names and compares the block after it.
 */
describe("the README's motag explain example", () => {
  it('is what the command prints now', () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const found = /`motag explain "([^"]+)"`\nprints[\s\S]*?```\n([\s\S]*?)\n```/.exec(readme);
    expect(found, 'README has an explain example: `motag explain "..."` prints ... ```block```').not.toBeNull();
    const [, narrative, shown] = found!;
    const r = runCli(['explain', narrative!]);
    expect(r.status).toBe(0);
    expect(shown).toBe(r.stdout.trimEnd());
  });
});
