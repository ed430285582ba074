import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/*
 * Batch tagging loses nothing: every data row of a messy export is either in
 * the output or in the rejects file, whatever the encoding or damage.
 */
const dir = mkdtempSync(join(tmpdir(), 'motag-batch-'));
const csvRows = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const rejectLines = (path: string) => readFileSync(`${path}.rejects.csv`, 'utf8').trim().split('\n').slice(1);

function tagCsv(name: string, body: Buffer | string, extra: string[] = []) {
  const input = join(dir, `${name}.csv`);
  writeFileSync(input, body);
  const out = join(dir, `${name}.out.csv`);
  const r = runCli(['tag', '--in', input, '--out', out, '--text-field', 'MO_text', '--id-field', 'ref', ...extra]);
  return { r, out };
}

describe('batch tagging of damaged exports', () => {
  it('accounts for every row of a file with malformed rows, empty and oversized text', () => {
    const rows = ['ref,MO_text,ward'];
    for (let i = 0; i < 30; i++) rows.push(`r${i},"S1 drunk and abusive in the street, row ${i}",W1`);
    rows.splice(5, 0, 'bad1,too,many,fields,here');
    rows.splice(12, 0, 'bad2,,W2');
    rows.splice(20, 0, `bad3,"${'x'.repeat(20_001)}",W3`);
    const { r, out } = tagCsv('damaged', rows.join('\n') + '\n');
    expect(r.status).toBe(0);
    const tagged = csvRows(out);
    const rejects = rejectLines(out);
    expect(tagged).toHaveLength(30);
    expect(tagged.map((x) => x.ref)).toEqual(Array.from({ length: 30 }, (_, i) => `r${i}`));
    expect(rejects.map((l) => l.split(',')[0])).toEqual(['6', '13', '21']);
    expect(r.stderr).toMatch(/33 rows read, 30 tagged, 3 rejected/);
  });

  it('tags long narratives dense with cues on several threads, every row in order', () => {
    // 80 rows of 19,000 characters: chunks close on text length, so the
    // threads' capped heaps are never outgrown.
    const dense = 'S1 drunk punched his wife outside the pub, called IP a paki, street drinking, mum called police. '.repeat(200).slice(0, 19_000);
    const rows = ['ref,MO_text'];
    for (let i = 0; i < 80; i++) rows.push(`r${i},"${dense}"`);
    const { r, out } = tagCsv('dense', rows.join('\n') + '\n', ['--workers', '2']);
    expect(r.status).toBe(0);
    const tagged = csvRows(out);
    expect(tagged.map((x) => x.ref)).toEqual(Array.from({ length: 80 }, (_, i) => `r${i}`));
    // The same text gives the same tags on every row, whichever thread tagged it.
    const tags = (x: Record<string, string>) => Object.keys(x).filter((k) => k.startsWith('tag_') && x[k] === '1').join(',');
    expect(tags(tagged[0]!)).toContain('tag_alcohol');
    expect(new Set(tagged.map(tags)).size).toBe(1);
  });

  it('reports a file cut off inside a quoted field, keeping the rows before it', () => {
    const body = 'ref,MO_text\nr1,"Drunk male"\nr2,"Male begging outside Tesco"\nr3,"cut off in the mid';
    const { r, out } = tagCsv('truncated', body);
    expect(r.status).toBe(0);
    expect(csvRows(out).map((x) => x.ref)).toEqual(['r1', 'r2']);
    expect(rejectLines(out)).toHaveLength(1);
    expect(rejectLines(out)[0]).toMatch(/^4,/);
  });

  it('reads a Windows-1252 export, detected or chosen, and a UTF-8 file with a byte-order mark', () => {
    const text = 'ref,MO_text\nr1,"IP’s “ex” turned up drunk at the café – threatened her"\n';
    const cp = tagCsv('cp1252', iconv.encode(text, 'win1252'));
    expect(cp.r.stderr).toMatch(/windows-1252 input/);
    expect(csvRows(cp.out)[0]!.MO_text).toBe('IP’s “ex” turned up drunk at the café – threatened her');
    expect(csvRows(cp.out)[0]!.tag_domestic).toBe('1');
    const chosen = tagCsv('cp1252-chosen', iconv.encode(text, 'win1252'), ['--encoding', 'windows-1252']);
    expect(csvRows(chosen.out)[0]!.MO_text).toContain('café');
    const bom = tagCsv('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(bom.r.stderr).toMatch(/utf8 input/);
    expect(Object.keys(csvRows(bom.out)[0]!)[0]).toBe('ref');
  });

  it('warns about rows with bytes that do not decode, and still tags them', () => {
    const body = Buffer.concat([Buffer.from('ref,MO_text\nr1,"Drunk male"\n'), Buffer.from('r2,"bad byte \xff here"\n', 'latin1')]);
    const { r, out } = tagCsv('mixed', body, ['--encoding', 'utf8']);
    expect(csvRows(out)).toHaveLength(2);
    expect(r.stderr).toMatch(/warning: 1 byte sequence is not valid utf8 \(read as U\+FFFD\)\. The file looks like Windows-1252/);
  });

  it('writes Excel-safe CSV on request: byte-order mark, quoted fields, formulas defused', () => {
    const { out } = tagCsv('excel', 'ref,MO_text\nr1,"=HYPERLINK(""x"") drunk male"\n', ['--excel']);
    const raw = readFileSync(out);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('"\'=HYPERLINK');
  });

  it('gives the same output, in the same order, with one thread or several', () => {
    const rows = ['ref,MO_text'];
    for (let i = 0; i < 1500; i++) rows.push(`r${i},"${i % 3 === 0 ? 'Drunk male shouting at shoppers' : i % 3 === 1 ? "IP's boyfriend punched her" : 'Bike stolen'} ${i}"`);
    const one = tagCsv('one', rows.join('\n'), ['--workers', '1']);
    const two = tagCsv('two', rows.join('\n'), ['--workers', '2']);
    // Everything but the run's own timestamp (motag_tagged_at) is the same.
    const untimed = (path: string) => csvRows(path).map(({ motag_tagged_at: _at, ...rest }) => rest);
    expect(untimed(two.out)).toEqual(untimed(one.out));
    expect(csvRows(two.out).map((x) => x.ref)).toEqual(Array.from({ length: 1500 }, (_, i) => `r${i}`));
  });
});
