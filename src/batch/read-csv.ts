import { DelimitedScanner, detectDelimiter, type Delimiter, type ScanItem } from './delimited.js';
import { checkText, type FieldNames, type ReadItem } from './records.js';

/** A header that makes the file unreadable as asked: fatal, and raised before any output is opened. */
export class CsvHeaderError extends Error {}

export interface DelimitedInput {
  readonly columns: string[];
  readonly delimiter: Delimiter;
  readonly items: AsyncGenerator<ReadItem>;
}

export interface HeaderRules {
  /** The id column was named on the command line, so it must exist (the default "id" may be absent: ids are then line numbers). */
  readonly idFieldRequired: boolean;
}

/** The header line is read in full before the delimiter is chosen; past this it cannot be a header. */
const MAX_HEADER_CHARS = 1_000_000;

/**
 * Delimited text with a header row (comma, tab or semicolon, detected from
 * the header). Resolves once the header is read and checked, so a wrong
 * --text-field or --id-field is an error naming the columns that exist
 * before anything is written. Every later line is a record or a reject with
 * its line number (delimited.ts says how broken quotes are recovered).
 */
export async function openDelimited(input: AsyncIterable<string | Buffer>, fields: FieldNames, rules: HeaderRules): Promise<DelimitedInput> {
  const chunks = input[Symbol.asyncIterator]();
  let head = '';
  let ended = false;
  while (!/[\r\n]/.test(head) && !ended) {
    const next = await chunks.next();
    if (next.done) ended = true;
    else head += String(next.value);
    if (head.length > MAX_HEADER_CHARS) throw new CsvHeaderError(`the first line is over ${MAX_HEADER_CHARS} characters with no line break: this is not a delimited file with a header`);
  }
  const firstLine = head.replace(/^[\r\n]+/, '').split(/[\r\n]/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const scanner = new DelimitedScanner(delimiter);

  // Records parsed but not yet handed out: the header, and whatever else the first chunks held.
  const ready: ScanItem[] = [];
  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      ready.push(...scanner.end());
    } else ready.push(...scanner.push(String(next.value)));
    return true;
  };
  ready.push(...scanner.push(head));
  if (ended) ready.push(...scanner.end());
  while (ready.length === 0 && (await pull()));

  const header = ready.shift();
  if (!header) throw new CsvHeaderError('the input is empty: no header row');
  if (header.kind === 'broken') throw new CsvHeaderError(`the header row cannot be read: ${header.reason}`);
  const columns = header.fields;
  checkHeader(columns, fields, rules);

  async function* items(): AsyncGenerator<ReadItem> {
    for (;;) {
      while (ready.length > 0) yield toItem(ready.shift()!, columns, fields);
      if (!(await pull())) return;
    }
  }
  return { columns, delimiter, items: items() };
}

function checkHeader(columns: string[], fields: FieldNames, rules: HeaderRules): void {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const repeated = columns.filter((h, i) => columns.indexOf(h) !== i);
  // A repeated name would silently keep only one of the columns.
  if (repeated.length > 0) throw new CsvHeaderError(`the header names ${[...new Set(repeated)].map((h) => `"${h}"`).join(', ')} more than once; rename the repeated columns so none is lost`);
  if (!columns.includes(fields.text)) throw new CsvHeaderError(`no "${fields.text}" column in the header (columns: ${list}); choose one with --text-field`);
  if (rules.idFieldRequired && !columns.includes(fields.id)) throw new CsvHeaderError(`no "${fields.id}" column in the header (columns: ${list}); choose one with --id-field`);
}

function toItem(scanned: ScanItem, columns: string[], fields: FieldNames): ReadItem {
  if (scanned.kind === 'broken') return { kind: 'reject', line: scanned.line, reason: `malformed CSV: ${scanned.reason}` };
  // No prototype: a column named "__proto__" is a column like any other.
  const row = Object.create(null) as Record<string, string>;
  for (let k = 0; k < columns.length; k++) row[columns[k]!] = scanned.fields[k]!;
  const checked = checkText(row[fields.text], fields.text);
  if (!checked.ok) return { kind: 'reject', line: scanned.line, reason: checked.reason };
  const given = row[fields.id];
  const idFromLine = given === undefined || given === '';
  return { kind: 'record', line: scanned.line, id: idFromLine ? String(scanned.line) : given, idFromLine, text: checked.text, row };
}
