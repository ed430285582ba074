/*
 * Delimited text (CSV, TSV, semicolon-separated), read a record at a time
 * from a stream of decoded chunks, so memory stays flat however long the
 * file. Written for exports that are not quite RFC 4180, and so that no row
 * is ever lost:
 *
 * - \r\n, \n and a lone \r all end a record (outside quotes), in any mix;
 * - a quote opens a quoted field only at the start of a field; elsewhere it
 *   is text ("6'2"" tall" or 5" blade in an unquoted field stays as written);
 * - inside a quoted field on one line, a quote followed by text is kept as
 *   text ("He said "hi" to me" reads as He said "hi" to me);
 * - a quoted field that runs past the end of its line must be well formed:
 *   it may hold line breaks and "" but a lone quote followed by text, the end
 *   of the file, a wrong field count or more than MAX_RECORD_CHARS mean the
 *   quote never closed. The opening line is then one reject and reading
 *   starts again on the line after it, so the rows the quote would have
 *   swallowed are read as rows.
 */

import type { Delimiter } from '../delimiter.js';

export { detectDelimiter, type Delimiter } from '../delimiter.js';

export type ScanItem =
  | { readonly kind: 'fields'; readonly line: number; readonly fields: string[] }
  | { readonly kind: 'broken'; readonly line: number; readonly reason: string };

/** A quoted field longer than this is taken for a quote that never closed (narratives are at most 20,000 characters). */
export const MAX_RECORD_CHARS = 1_000_000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where a record's first quoted line break was: the place to read again from if the quote proves never to close. */
interface Resume {
  readonly pos: number;
  readonly line: number;
}

type Step = { readonly item: ScanItem | null; readonly pos: number; readonly line: number } | 'more';

export class DelimitedScanner {
  private buf = '';
  private pos = 0;
  private line = 1;
  private readonly delim: number;
  /** Fields per record: the first record's (the header's) count. */
  private expected: number | null = null;

  constructor(delimiter: Delimiter) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Adds decoded text; returns the records now complete. */
  push(chunk: string): ScanItem[] {
    this.buf = this.buf.length === this.pos ? chunk : this.buf.slice(this.pos) + chunk;
    this.pos = 0;
    return this.drain(false);
  }

  /** The end of the input: returns the last records. */
  end(): ScanItem[] {
    return this.drain(true);
  }

  private drain(eof: boolean): ScanItem[] {
    const items: ScanItem[] = [];
    while (this.pos < this.buf.length) {
      const step = this.record(eof);
      if (step === 'more') break;
      this.pos = step.pos;
      this.line = step.line;
      if (step.item) items.push(step.item);
    }
    if (this.pos === this.buf.length) {
      this.buf = '';
      this.pos = 0;
    }
    return items;
  }

  /** One record from this.pos: the item (null for a blank line) and where the next starts, or 'more' to wait for input. */
  private record(eof: boolean): Step {
    const { buf, delim } = this;
    const n = buf.length;
    const startLine = this.line;
    let i = this.pos;
    let line = startLine;
    let resume: Resume | null = null;
    const fields: string[] = [];
    let sawQuote = false;

    const neverCloses = (): Step => {
      if (resume) {
        return { item: { kind: 'broken', line: startLine, reason: `a quote opened on line ${startLine} never closes; the lines after it are read as rows` }, pos: resume.pos, line: resume.line };
      }
      return { item: { kind: 'broken', line: startLine, reason: 'the file ends inside a quoted field' }, pos: n, line };
    };

    for (;;) {
      if (i >= n && !eof) return 'more';
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        sawQuote = true;
        i++;
        let value = '';
        let from = i;
        for (;;) {
          if (i >= n) {
            if (!eof) return 'more';
            return neverCloses();
          }
          const c = buf.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 >= n && !eof) return 'more';
            const next = i + 1 < n ? buf.charCodeAt(i + 1) : -1;
            if (next === QUOTE) {
              value += buf.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            if (next === delim || next === LF || next === CR || next === -1) {
              value += buf.slice(from, i);
              i++;
              break;
            }
            // A lone quote followed by text: text on one line, a sign of a
            // quote that never closed once the field has crossed a line.
            if (resume) return neverCloses();
            i++;
            continue;
          }
          if (c === LF || c === CR) {
            if (c === CR && i + 1 >= n && !eof) return 'more';
            i += c === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1;
            line++;
            resume ??= { pos: i, line };
            if (i - this.pos > MAX_RECORD_CHARS) return neverCloses();
            continue;
          }
          i++;
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = buf.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !eof) return 'more';
        fields.push(buf.slice(i, j));
        i = j;
      }
      // After a field: a delimiter, the end of the line or the end of the input.
      if (i >= n) break;
      const c = buf.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      if (c === CR && i + 1 >= n && !eof) return 'more';
      i += c === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }

    if (fields.length === 1 && fields[0] === '' && !sawQuote) return { item: null, pos: i, line };
    if (this.expected !== null && fields.length !== this.expected) {
      if (resume) return neverCloses();
      return { item: { kind: 'broken', line: startLine, reason: `${fields.length} fields where the header has ${this.expected}` }, pos: i, line };
    }
    this.expected ??= fields.length;
    return { item: { kind: 'fields', line: startLine, fields }, pos: i, line };
  }
}
