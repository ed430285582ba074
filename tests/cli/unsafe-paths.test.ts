import { linkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/* Data safety: motag tag never writes over its own input, and a bad output path is a clear error, not a stack trace. */
describe('motag tag refuses paths that would lose data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motag-paths-'));
  const body = 'id,text\n1,Drunk male ejected by door staff\n2,Bike stolen\n';
  const input = join(dir, 'a.csv');
  writeFileSync(input, body);

  it.each([
    ['the same path', input],
    ['the same path spelt differently', join(dir, '.', 'a.csv')],
  ])('--out as %s: exit non-zero, the input untouched', (_, out) => {
    const r = runCli(['tag', '--in', input, '--out', out, '--workers', '1']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/is the input file/);
    expect(readFileSync(input, 'utf8')).toBe(body);
  });

  it('a hard link to the input (same inode) is refused too', () => {
    const link = join(dir, 'link.csv');
    linkSync(input, link);
    const r = runCli(['tag', '--in', input, '--out', link, '--workers', '1']);
    expect(r.status).not.toBe(0);
    expect(readFileSync(input, 'utf8')).toBe(body);
  });

  it('--rejects over the input is refused', () => {
    const r = runCli(['tag', '--in', input, '--out', join(dir, 'out.csv'), '--rejects', input, '--workers', '1']);
    expect(r.status).not.toBe(0);
    expect(readFileSync(input, 'utf8')).toBe(body);
  });

  it('a missing output folder names the folder, with no stack trace', () => {
    const r = runCli(['tag', '--in', input, '--out', join(dir, 'nope', 'out.csv'), '--workers', '1']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/folder .*nope does not exist/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('motag tag refuses a CSV header that would lose a column', () => {
  it('a repeated column name is an error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motag-header-'));
    const input = join(dir, 'dup.csv');
    writeFileSync(input, 'id,text,text\n1,Drunk male,second text\n');
    const r = runCli(['tag', '--in', input, '--out', join(dir, 'out.csv'), '--workers', '1']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/"text" more than once/);
  });
});
