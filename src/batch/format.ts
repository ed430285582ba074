import type { TagResult } from '../tagger/result.js';
import type { Provenance } from '../tagger/tagger.js';
import { TAG_IDS } from '../tags.js';
import { csvCells, type OutputDelimiter } from './csv-write.js';

/** 'csv' is any delimited text with a header (comma, tab or semicolon, detected from the header). */
export type FileFormat = 'jsonl' | 'csv';

/**
 * .tsv, .tab and .txt (what Excel's "Unicode text" saves) are delimited
 * text: read as JSONL, every line would be rejected.
 */
export function formatFromPath(path: string): FileFormat | null {
  const lower = path.toLowerCase();
  if (/\.(csv|tsv|tab|txt)$/.test(lower)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'jsonl';
  return null;
}

/** `--format`: jsonl, or csv / tsv for delimited text (the delimiter is detected either way). */
export function parseFormatName(value: string): FileFormat | null {
  const v = value.toLowerCase();
  if (v === 'jsonl') return 'jsonl';
  if (v === 'csv' || v === 'tsv') return 'csv';
  return null;
}

/** Delimited output is tab-separated when written to a .tsv or .tab file, else comma-separated. */
export function outputDelimiterFor(path: string): ',' | '\t' {
  return /\.(tsv|tab)$/i.test(path) ? '\t' : ',';
}

/**
 * The columns motag appends to a CSV (INTERFACE.md): tag_<id>, score_<id>,
 * evidence; then needs_review (the tags in the model's abstain band, for a
 * reviewer), and which model (with digests of its lexicons and of the corpus
 * it was trained on: 'none' for rules only) tagged the row and when, so figures from
 * different models or lexicons are never mixed unnoticed (motag report warns).
 */
export const RESULT_COLUMNS: readonly string[] = [...TAG_IDS.map((t) => `tag_${t}`), ...TAG_IDS.map((t) => `score_${t}`), 'evidence', 'needs_review', 'motag_model', 'motag_lexicons', 'motag_corpus', 'motag_tagged_at'];

/**
 * What a tagging thread needs to write a record's result in the output's own
 * shape, so only strings come back from the threads. taggedAt is one
 * timestamp per run: every row of a file tagged together carries the same one.
 */
export interface OutputShape {
  readonly format: FileFormat;
  readonly delimiter: OutputDelimiter;
  readonly excel: boolean;
  readonly taggedAt: string;
}

/** The appended cells of one row: the tagger's provenance (lexicon and corpus digests) and the run's timestamp travel with every row. */
export function resultCells(result: TagResult, provenance: Provenance, taggedAt: string): string[] {
  return [
    ...TAG_IDS.map((t) => (result.tags.includes(t) ? '1' : '0')),
    ...TAG_IDS.map((t) => String(result.scores[t])),
    evidenceCell(result),
    result.needs_review.join(';'),
    result.model,
    provenance.lexicons,
    provenance.corpus ?? 'none',
    taggedAt,
  ];
}

/** A record's result as the writer takes it: a whole JSONL line, or the result columns of a CSV row (joined, no line end). */
export function formatResult(result: TagResult, shape: OutputShape, provenance: Provenance): string {
  if (shape.format === 'jsonl') return `${JSON.stringify(result)}\n`;
  const cells = resultCells(result, provenance, shape.taggedAt);
  return csvCells(shape.excel ? cells.map(excelSafe) : cells, shape.delimiter, shape.excel);
}

/** Readable in a spreadsheet cell: "nte: door staff [nte.door_staff]; alcohol: drunk [alcohol.drunk]". */
export function evidenceCell(result: TagResult): string {
  return result.evidence.map((e) => `${e.tag}: ${e.text} [${e.source.replace(/^lexicon:/, '')}]`).join('; ');
}

/**
 * Excel runs a cell that starts with =, +, - or @ as a formula, so a
 * narrative like "-- drunk male" or "=cmd|..." must not reach it raw: such
 * cells get a leading apostrophe, which Excel shows as text. A plain number
 * ("-5", "+44.5") runs nothing and must stay a number, so it is left alone.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function excelSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
