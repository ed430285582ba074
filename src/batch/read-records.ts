import type { Readable } from 'node:stream';
import { decodeInput, type DecodeReport, type InputEncoding } from './decode.js';
import type { Delimiter } from './delimited.js';
import type { FileFormat } from './format.js';
import { openDelimited, type HeaderRules } from './read-csv.js';
import { readJsonl } from './read-jsonl.js';
import type { FieldNames, ReadItem } from './records.js';

export interface RecordSource {
  readonly items: AsyncGenerator<ReadItem>;
  /** Delimited input: the header's columns and the delimiter found; null for JSONL. */
  readonly columns: string[] | null;
  readonly delimiter: Delimiter | null;
  /** Filled in as the input is read; complete once items are exhausted. */
  readonly decoding: DecodeReport;
}

/**
 * Records of a delimited or JSONL stream in any of the accepted encodings:
 * the one reading path behind `motag tag` and `motag review load`, so both
 * reject the same lines for the same reasons. Resolves once the header (if
 * any) is read and checked: a header error is thrown before the caller
 * writes anything.
 */
export async function openRecords(raw: Readable, format: FileFormat, fields: FieldNames, encoding: InputEncoding, rules: HeaderRules): Promise<RecordSource> {
  const decoded = decodeInput(raw, encoding);
  if (format === 'jsonl') return { items: readJsonl(decoded.text, fields), columns: null, delimiter: null, decoding: decoded.report };
  let input;
  try {
    input = await openDelimited(decoded.text, fields, rules);
  } catch (err) {
    raw.destroy();
    throw err;
  }
  return { items: input.items, columns: input.columns, delimiter: input.delimiter, decoding: decoded.report };
}
