import type { Readable } from 'node:stream';
import { decodeInput, type InputEncoding } from './decode.js';
import type { FileFormat } from './format.js';
import { readCsv } from './read-csv.js';
import { readJsonl } from './read-jsonl.js';
import type { FieldNames, ReadItem } from './records.js';

export interface RecordSource {
  readonly items: AsyncGenerator<ReadItem>;
  readonly encoding: Promise<'utf8' | 'windows-1252'>;
}

/**
 * Records of a CSV or JSONL stream in any of the accepted encodings: the one
 * reading path behind `motag tag` and `motag review load`, so both reject the
 * same lines for the same reasons.
 */
export function readRecords(raw: Readable, format: FileFormat, fields: FieldNames, encoding: InputEncoding, onHeader: (columns: string[]) => void = () => {}): RecordSource {
  const decoded = decodeInput(raw, encoding);
  const items = format === 'csv' ? readCsv(decoded.text, fields, onHeader) : readJsonl(decoded.text, fields);
  return { items, encoding: decoded.encoding };
}
