/*
 * Delimited output, one row at a time as a string. It writes exactly what
 * csv-stringify wrote with the options motag used (so files tagged before
 * and after compare byte for byte), without a stream stage per row:
 * - a field is quoted when it holds a quote, the delimiter, \n or \r, or
 *   always when `quoteAll` (Excel output), except the empty field, which is
 *   never quoted;
 * - a quote inside a field is doubled;
 * - every row ends with \n.
 */

const NEEDS_QUOTES: Record<string, RegExp> = {
  ',': /[",\n\r]/,
  '\t': /["\t\n\r]/,
  ';': /[";\n\r]/,
};

export type OutputDelimiter = ',' | '\t';

export function csvField(value: string, delimiter: OutputDelimiter, quoteAll: boolean): string {
  if (value === '') return '';
  if (!quoteAll && !NEEDS_QUOTES[delimiter]!.test(value)) return value;
  return `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;
}

/** The cells joined by the delimiter, without the line end (so a row can be built from parts made on different threads). */
export function csvCells(cells: readonly string[], delimiter: OutputDelimiter, quoteAll: boolean): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += delimiter;
    out += csvField(cells[i]!, delimiter, quoteAll);
  }
  return out;
}
