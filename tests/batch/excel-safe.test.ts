import { describe, expect, it } from 'vitest';
import { excelSafe } from '../../src/batch/format.js';

describe('--excel cells', () => {
  it.each(['-5', '+44.5', '-0.25', '-.5', '1e-3'])('a plain number %s stays a number', (cell) => {
    expect(excelSafe(cell)).toBe(cell);
  });
  it.each(['=1+1', '-- drunk male', '+cmd|x', '@SUM(A1)', '-5+cmd|x', '\tx'])('a formula-looking cell %s is defused', (cell) => {
    expect(excelSafe(cell)).toBe(`'${cell}`);
  });
});
