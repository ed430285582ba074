import { MAX_TEXT_LENGTH } from '../limits.js';

/** A narrative read from an input file, with where it came from. */
export interface InputRecord {
  readonly kind: 'record';
  /** 1-based line of the file where the record starts (for error reports). */
  readonly line: number;
  readonly id: string;
  readonly text: string;
  /** CSV only: every input column, kept so output can carry them through. */
  readonly row?: Readonly<Record<string, string>>;
}

/** A line that could not be read as a record: reported, never silently dropped. */
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

/** Validates a record's text, or says why it cannot be tagged. */
export function checkText(text: unknown, field: string): { ok: true; text: string } | { ok: false; reason: string } {
  if (typeof text !== 'string') return { ok: false, reason: `missing "${field}" field` };
  if (text.trim().length === 0) return { ok: false, reason: `empty "${field}"` };
  if (text.length > MAX_TEXT_LENGTH) return { ok: false, reason: `"${field}" is ${text.length} characters, over the ${MAX_TEXT_LENGTH} limit` };
  return { ok: true, text };
}
