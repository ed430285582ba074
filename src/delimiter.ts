/*
 * Which delimiter a delimited file's header line uses. Here, below every
 * layer, because both readers of delimited text need it: the batch reader
 * (src/batch/, its own scanner) and the report (src/report/, csv-parse),
 * which sit side by side and may not import each other.
 */
export type Delimiter = ',' | '\t' | ';';

/** The delimiter the header line uses most, outside quotes: comma, tab or semicolon (comma when none). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}
