import { TAG_IDS } from '../tags.js';
import { SPLITS } from './record.js';
import type { CorpusRecord } from './record.js';

/** Markdown tables of the corpus: records per source and split, positives per tag and split. */
export function corpusStats(records: readonly CorpusRecord[]): string {
  const out: string[] = [];
  const sources = [...new Set(records.map((r) => r.source))].sort();
  out.push('| source | ' + SPLITS.join(' | ') + ' | total |', '|---|' + SPLITS.map(() => '---:|').join('') + '---:|');
  for (const s of sources) {
    const of = records.filter((r) => r.source === s);
    out.push(`| ${s} | ${SPLITS.map((sp) => of.filter((r) => r.split === sp).length).join(' | ')} | ${of.length} |`);
  }
  out.push(`| **all** | ${SPLITS.map((sp) => records.filter((r) => r.split === sp).length).join(' | ')} | ${records.length} |`);
  out.push('', '| tag | ' + SPLITS.join(' | ') + ' | total | real | synthetic |', '|---|' + SPLITS.map(() => '---:|').join('') + '---:|---:|---:|');
  for (const t of TAG_IDS) {
    const pos = records.filter((r) => r.labels[t] === 1);
    const real = pos.filter((r) => r.source.startsWith('real:')).length;
    out.push(`| ${t} | ${SPLITS.map((sp) => pos.filter((r) => r.split === sp).length).join(' | ')} | ${pos.length} | ${real} | ${pos.length - real} |`);
  }
  const none = records.filter((r) => TAG_IDS.every((t) => r.labels[t] === 0)).length;
  const hard = records.filter((r) => r.note?.startsWith('hard:')).length;
  out.push('', `Records with no tag: ${none}. Records marked as hard cases by their writer: ${hard} (${((100 * hard) / Math.max(1, records.length)).toFixed(0)}%).`);
  return `${out.join('\n')}\n`;
}
