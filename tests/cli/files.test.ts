import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCli } from './run-cli.js';

/* Files: options and header checked before anything is written, outputs committed by rename, owner-only modes, honest summaries. */
const dir = mkdtempSync(join(tmpdir(), 'motag-files-'));
const write = (name: string, body: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};
const input = write('in.csv', 'ref,MO_text\nr1,Drunk male ejected by door staff\nr2,Bike stolen\n');

describe('options and header are checked before the output is touched', () => {
  it.each([
    ['a wrong --text-field', ['--text-field', 'narrative', '--id-field', 'ref'], /no "narrative" column in the header \(columns: "ref", "MO_text"\)/],
    ['an unknown --id-field', ['--text-field', 'MO_text', '--id-field', 'crime_ref'], /no "crime_ref" column in the header \(columns: "ref", "MO_text"\).*--id-field/],
  ])('%s is an error naming the columns; an existing --out is untouched and no rejects file appears', (_, args, message) => {
    const out = write(`existing-${args[1]}.csv`, 'precious earlier output\n');
    const r = runCli(['tag', '--in', input, '--out', out, '--workers', '1', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(out, 'utf8')).toBe('precious earlier output\n');
    expect(existsSync(`${out}.rejects.csv`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('writes output and rejects owner-only (0600), and replaces an existing output only when done', () => {
    const out = write('replaced.csv', 'old\n');
    const r = runCli(['tag', '--in', input, '--out', out, '--text-field', 'MO_text', '--id-field', 'ref', '--workers', '1']);
    expect(r.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(statSync(`${out}.rejects.csv`).mode & 0o777).toBe(0o600);
    expect((parse(readFileSync(out, 'utf8'), { columns: true }) as { ref: string }[]).map((x) => x.ref)).toEqual(['r1', 'r2']);
  });

  it('a killed run leaves nothing under the final name; SIGTERM removes its temporary files and says so', async () => {
    const rows = ['ref,MO_text'];
    for (let i = 0; i < 40_000; i++) rows.push(`r${i},"S1 drunk and abusive outside the pub, IP's ex-partner punched her, row ${i}"`);
    const big = write('big.csv', rows.join('\n'));
    for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
      const out = join(dir, `killed-${signal}.csv`);
      const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'motag.js'), 'tag', '--in', big, '--out', out, '--text-field', 'MO_text', '--id-field', 'ref', '--workers', '1']);
      let stderr = '';
      child.stderr.on('data', (b) => (stderr += String(b)));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const part = (): string[] => readdirSync(dir).filter((f) => f.startsWith(`.killed-${signal}.csv.`) && f.endsWith('.part'));
      while (part().length === 0) await new Promise((r) => setTimeout(r, 20));
      // Wait for some rows to be written to the temporary file.
      while (statSync(join(dir, part()[0]!)).size < 10_000) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      const code = await exited;
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.rejects.csv`)).toBe(false);
      if (signal === 'SIGTERM') {
        expect(code).toBe(143);
        expect(stderr).toMatch(/interrupted \(SIGTERM\); nothing was written under .*killed-SIGTERM\.csv/);
        expect(part()).toEqual([]);
      } else {
        expect(part().length).toBeGreaterThan(0);
      }
    }
  }, 120_000);
});

describe('delimited text, encodings and warnings on the command line', () => {
  it('reads a UTF-16 tab-separated .txt (Excel "Unicode text") and a .tsv, never as JSONL; .tsv output is tab-separated', () => {
    const text = 'ref\tMO_text\r\nr1\tIP’s ex turned up drunk at the café\r\n';
    const utf16 = write('unicode.txt', iconv.encode(text, 'utf16le', { addBOM: true }));
    const a = runCli(['tag', '--in', utf16, '--out', join(dir, 'unicode.out.csv'), '--text-field', 'MO_text', '--id-field', 'ref', '--workers', '1']);
    expect(a.status).toBe(0);
    expect(a.stderr).toMatch(/1 rows read, 1 tagged, 0 rejected.*\n.*utf16le input/);
    expect((parse(readFileSync(join(dir, 'unicode.out.csv'), 'utf8'), { columns: true }) as Record<string, string>[])[0]).toMatchObject({ ref: 'r1', MO_text: 'IP’s ex turned up drunk at the café', tag_alcohol: '1' });
    const tsv = write('export.tsv', text);
    const out = join(dir, 'export.out.tsv');
    const b = runCli(['tag', '--in', tsv, '--out', out, '--text-field', 'MO_text', '--id-field', 'ref', '--workers', '1']);
    expect(b.stderr).toMatch(/1 rows read, 1 tagged, 0 rejected/);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^ref\tMO_text\ttag_alcohol\t/);
  });

  it('does not warn about valid UTF-8 holding U+FFFD, and advises Windows-1252 only when the bytes look like it', () => {
    const clean = runCli(['tag', '--in', write('fffd.csv', 'ref,MO_text\nr1,"drunk \uFFFD male"\n'), '--out', join(dir, 'fffd.out.csv'), '--text-field', 'MO_text', '--id-field', 'ref', '--workers', '1']);
    expect(clean.status).toBe(0);
    expect(clean.stderr).not.toMatch(/warning/);
    const mixed = write('mixed.csv', Buffer.concat([Buffer.from('ref,MO_text\nr1,"drunk at the café"\n'), Buffer.from('r2,"bad \xff byte"\n', 'latin1')]));
    const m = runCli(['tag', '--in', mixed, '--out', join(dir, 'mixed.out.csv'), '--text-field', 'MO_text', '--id-field', 'ref', '--encoding', 'utf8', '--workers', '1']);
    expect(m.stderr).toMatch(/warning: 1 byte sequence is not valid utf8/);
    expect(m.stderr).not.toMatch(/windows-1252/);
  });

  it('rejects never quote the narrative', () => {
    const secret = 'SECRETWORDS drunk male';
    const body = [JSON.stringify({ id: 'a', text: 'ok' }), `{"id": "b", "text": "${secret}`, `{"id": "c", "text": ${secret}}`].join('\n');
    const out = join(dir, 'q.jsonl');
    runCli(['tag', '--in', write('q.jsonl.in.jsonl', body), '--out', out, '--workers', '1']);
    const csvOut = join(dir, 'q.csv');
    runCli(['tag', '--in', write('q.in.csv', `id,text\na,"${secret}\nb,${secret},extra\n`), '--out', csvOut, '--workers', '1']);
    const rejects = readFileSync(`${out}.rejects.csv`, 'utf8') + readFileSync(`${csvOut}.rejects.csv`, 'utf8');
    expect(rejects.trim().split('\n')).toHaveLength(6);
    expect(rejects).not.toMatch(/SECRET/);
  });
});
