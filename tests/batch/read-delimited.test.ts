import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvHeaderError } from '../../src/batch/read-csv.js';
import { openRecords, type RecordSource } from '../../src/batch/read-records.js';
import type { ReadItem } from '../../src/batch/records.js';

const fields = { text: 'text', id: 'id' };

async function read(body: string | Buffer, opts: { chunk?: number; idFieldRequired?: boolean } = {}): Promise<{ source: RecordSource; items: ReadItem[] }> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  // Small chunks put chunk boundaries inside quotes, \r\n pairs and characters.
  const size = opts.chunk ?? 7;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const source = await openRecords(Readable.from(chunks), 'csv', fields, 'auto', { idFieldRequired: opts.idFieldRequired ?? false });
  const items: ReadItem[] = [];
  for await (const item of source.items) items.push(item);
  return { source, items };
}

const ENDINGS = ['\r\n', '\n', '\r'];

/** 20 rows, every one quoted, line endings cycling through \r\n, \n and a lone \r; row `broken` has a quote that never closes. */
function twentyRows(broken: number, where: 'text' | 'last'): { body: string; lineOf: Map<number, string> } {
  const lines = ['id,text,ward'];
  for (let i = 0; i < 20; i++) {
    const text = `Drunk male shouting outside the pub, row ${i}`;
    if (i === broken && where === 'text') lines.push(`r${i},"${text},W${i}`);
    else if (i === broken) lines.push(`r${i},"${text}","W${i}`);
    else lines.push(`"r${i}","${text}",W${i}`);
  }
  const lineOf = new Map(lines.map((_, k) => [k + 1, `r${k - 1}`]));
  return { body: lines.map((l, k) => l + ENDINGS[k % 3]).join(''), lineOf };
}

describe('delimited reading never loses a row', () => {
  for (const where of ['text', 'last'] as const) {
    it(`an unclosed quote (in the ${where} field) at any of 20 rows is one reject; every other row is read`, async () => {
      for (let broken = 0; broken < 20; broken++) {
        const { body, lineOf } = twentyRows(broken, where);
        const { items } = await read(body);
        const ids = items.map((x) => (x.kind === 'record' ? x.id : lineOf.get(x.line)!));
        expect(ids.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`).sort());
        const rejects = items.filter((x) => x.kind === 'reject');
        expect(rejects).toEqual([{ kind: 'reject', line: broken + 2, reason: expect.stringMatching(/quote|ends inside/) }]);
      }
    });
  }

  it('an unclosed quote followed only by unquoted rows: the rows are read again after the end of the file', async () => {
    const lines = ['id,text', 'a,"never closed', ...Array.from({ length: 10 }, (_, i) => `b${i},plain text ${i}`)];
    const { items } = await read(lines.join('\n'));
    expect(items.filter((x) => x.kind === 'record').map((x) => (x.kind === 'record' ? x.id : ''))).toEqual(Array.from({ length: 10 }, (_, i) => `b${i}`));
    expect(items.filter((x) => x.kind === 'reject').map((x) => x.line)).toEqual([2]);
  });

  it('a row whose field count differs from the header is a reject with its line number', async () => {
    const { items } = await read('id,text,ward\nr1,ok,W1\nr2,too,many,fields\nr3,short\nr4,ok,W4\n');
    expect(items.map((x) => (x.kind === 'record' ? x.id : `reject ${x.line}: ${x.reason}`))).toEqual([
      'r1',
      'reject 3: malformed CSV: 4 fields where the header has 3',
      'reject 4: malformed CSV: 2 fields where the header has 3',
      'r4',
    ]);
  });

  it('mixed line endings never merge rows', async () => {
    const { items } = await read('id,text\r\na,one\rb,two\nc,three\r\rd,four\r\ne,"five"\rf,six');
    expect(items.map((x) => (x.kind === 'record' ? `${x.id}:${x.line}` : 'reject'))).toEqual(['a:2', 'b:3', 'c:4', 'd:6', 'e:7', 'f:8']);
  });

  it('keeps a well-formed quoted field across lines, with "" and stray quotes on one line', async () => {
    const { items } = await read('id,text\nr1,"Line one\r\nline ""two""\nthree"\nr2,"He said "hi" to me"\nr3,5" blade\n');
    expect(items.map((x) => (x.kind === 'record' ? [x.id, x.text, x.line] : x))).toEqual([
      ['r1', 'Line one\r\nline "two"\nthree', 2],
      ['r2', 'He said "hi" to me', 5],
      ['r3', '5" blade', 6],
    ]);
  });
});

describe('delimiters and encodings', () => {
  it('detects tab and semicolon from the header', async () => {
    const tab = await read('id\ttext\nr1\tDrunk male, shouting\n');
    expect(tab.source.delimiter).toBe('\t');
    expect(tab.items[0]).toMatchObject({ id: 'r1', text: 'Drunk male, shouting' });
    const semi = await read('id;text\nr1;Drunk male, shouting\n');
    expect(semi.source.delimiter).toBe(';');
    expect(semi.items[0]).toMatchObject({ id: 'r1', text: 'Drunk male, shouting' });
  });

  it.each(['utf16le', 'utf16-be'])('reads %s with a byte-order mark (Excel "Unicode text")', async (enc) => {
    const body = iconv.encode('id\ttext\r\nr1\tIP’s ex turned up drunk at the café 🍺\r\n', enc, { addBOM: true });
    const { source, items } = await read(body);
    expect(source.decoding.encoding).toBe(enc.replace('-', ''));
    expect(source.columns).toEqual(['id', 'text']);
    expect(items[0]).toMatchObject({ id: 'r1', text: 'IP’s ex turned up drunk at the café 🍺' });
  });

  it('does not count a valid U+FFFD as damage, and suggests Windows-1252 only when the bad bytes look like it', async () => {
    const clean = await read('id,text\nr1,"replacement char \uFFFD in valid UTF-8"\n');
    expect(clean.source.decoding).toMatchObject({ encoding: 'utf8', invalidSequences: 0 });
    const cp = await openRecords(Readable.from([Buffer.from('id,text\nr1,"caf\xe9"\n', 'latin1')]), 'csv', fields, 'utf8', { idFieldRequired: false });
    for await (const _ of cp.items);
    expect(cp.decoding).toMatchObject({ invalidSequences: 1, looksLikeWindows1252: true });
    const mixed = await openRecords(Readable.from([Buffer.concat([Buffer.from('id,text\nr1,"café "\n'), Buffer.from('r2,"bad \xff"\n', 'latin1')])]), 'csv', fields, 'utf8', { idFieldRequired: false });
    for await (const _ of mixed.items);
    expect(mixed.decoding).toMatchObject({ invalidSequences: 1, looksLikeWindows1252: false });
  });

  it('an --id-field the header lacks is an error naming the columns', async () => {
    await expect(read('ref,text\nr1,x\n', { idFieldRequired: true })).rejects.toThrow(CsvHeaderError);
    await expect(read('ref,text\nr1,x\n', { idFieldRequired: true })).rejects.toThrow(/no "id" column .*"ref", "text".*--id-field/);
  });
});
