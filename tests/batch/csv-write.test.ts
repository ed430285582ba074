import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCells } from '../../src/batch/csv-write.js';

/*
 * motag's CSV writer replaced csv-stringify on the batch path: files tagged
 * before and after must match byte for byte, so on any cells (quotes,
 * delimiters, line breaks, empty cells, Excel's quote-everything mode) it
 * writes what csv-stringify wrote with the options motag gave it.
 */
const cell = fc.oneof(fc.string(), fc.constantFrom('', '"', '""', ',', '\t', ';', '\n', '\r\n', '\r', ' x ', 'a"b', "'=1"), fc.string({ unit: fc.constantFrom('a', '"', ',', '\t', '\n', '\r', ' ', 'é') }));

describe('the CSV writer against csv-stringify', () => {
  it.each([
    [',', false],
    [',', true],
    ['\t', false],
    ['\t', true],
  ] as const)('delimiter %j, quote every field %s: the same bytes', (delimiter, quoted) => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        expect(`${csvCells(cells, delimiter, quoted)}\n`).toBe(stringify([cells], { delimiter, quoted }));
      }),
      { numRuns: 2000 },
    );
  });
});
