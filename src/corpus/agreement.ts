import { cohensKappa } from './kappa.js';
import { TAG_IDS, type TagId } from '../tags.js';
import type { CorpusRecord, Labels } from './record.js';

/** A second, independent annotation of a corpus record. */
export interface SecondLabel {
  readonly id: string;
  readonly labels: Labels;
}

export interface Disagreement {
  readonly id: string;
  readonly tag: TagId;
  readonly first: 0 | 1;
  readonly second: 0 | 1;
}

export interface AgreementReport {
  readonly records: number;
  readonly perTag: Record<TagId, { kappa: number; agreement: number; firstPositives: number; secondPositives: number }>;
  readonly disagreements: readonly Disagreement[];
  /** Second labels whose record is no longer in the corpus (or whose text changed). */
  readonly unmatched: readonly string[];
}

/** Cohen's kappa per tag between the corpus labels and a second annotation of the same records. */
export function agreement(corpus: readonly CorpusRecord[], second: readonly SecondLabel[]): AgreementReport {
  const byId = new Map(corpus.map((r) => [r.id, r]));
  const pairs: { id: string; first: Labels; second: Labels }[] = [];
  const unmatched: string[] = [];
  for (const s of second) {
    const r = byId.get(s.id);
    if (r) pairs.push({ id: s.id, first: r.labels, second: s.labels });
    else unmatched.push(s.id);
  }
  const perTag = {} as AgreementReport['perTag'];
  const disagreements: Disagreement[] = [];
  for (const t of TAG_IDS) {
    const a = pairs.map((p) => p.first[t]);
    const b = pairs.map((p) => p.second[t]);
    perTag[t] = {
      kappa: cohensKappa(a, b),
      agreement: a.filter((x, i) => x === b[i]).length / Math.max(1, a.length),
      firstPositives: a.filter((x) => x === 1).length,
      secondPositives: b.filter((x) => x === 1).length,
    };
    for (const p of pairs) if (p.first[t] !== p.second[t]) disagreements.push({ id: p.id, tag: t, first: p.first[t], second: p.second[t] });
  }
  return { records: pairs.length, perTag, disagreements, unmatched };
}

export function formatAgreement(report: AgreementReport): string {
  const lines = [
    `${report.records} records labelled twice; ${report.disagreements.length} tag decisions differed.`,
    '',
    "| tag | Cohen's kappa | raw agreement | positives (first) | positives (second) |",
    '|---|---:|---:|---:|---:|',
  ];
  for (const t of TAG_IDS) {
    const x = report.perTag[t];
    lines.push(`| ${t} | ${Number.isNaN(x.kappa) ? 'n/a' : x.kappa.toFixed(3)} | ${x.agreement.toFixed(3)} | ${x.firstPositives} | ${x.secondPositives} |`);
  }
  return `${lines.join('\n')}\n`;
}
