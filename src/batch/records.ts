import { MAX_TEXT_LENGTH, textProblem } from '../text/narrative.js';

export { MAX_TEXT_LENGTH };

/** A narrative read from an input file, with where it came from. */
export interface InputRecord {
  readonly kind: 'record';
  /** 1-based line of the file where the record starts (for error reports). */
  readonly line: number;
  readonly id: string;
  /** The row had no id (no id column, or an empty cell), so its line number stands in. */
  readonly idFromLine: boolean;
  readonly text: string;
  /** Delimited text only: every input column, kept so output can carry them through. */
  readonly row?: Readonly<Record<string, string>>;
}

/**
 * A line that could not be read as a record: reported, never silently
 * dropped. The reason names fields, counts and line numbers, never the
 * narrative: rejects files are passed around more freely than the export.
 */
export interface Reject {
  readonly kind: 'reject';
  readonly line: number;
  readonly reason: string;
}

export type ReadItem = InputRecord | Reject;

export interface FieldNames {
  readonly text: string;
  readonly id: string;
}

/** Validates a record's text (the same check as the HTTP service), or says why it cannot be tagged. */
export function checkText(text: unknown, field: string): { ok: true; text: string } | { ok: false; reason: string } {
  const problem = textProblem(text, MAX_TEXT_LENGTH);
  if (problem === null) return { ok: true, text: text as string };
  switch (problem.kind) {
    case 'missing':
      return { ok: false, reason: `missing "${field}" field` };
    case 'empty':
      return { ok: false, reason: `empty "${field}"` };
    case 'too_long':
      return { ok: false, reason: `"${field}" is ${problem.length} characters, over the ${problem.max} limit` };
  }
}
