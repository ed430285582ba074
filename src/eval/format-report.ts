import { TAG_IDS } from '../tags.js';
import type { EvalReport, SystemScore } from './evaluate.js';

const pct = (x: number): string => x.toFixed(3);
const ci = (i: { low: number; high: number }): string => `[${pct(i.low)}-${pct(i.high)}]`;

/** The eval table as a reader sees it in a terminal or pastes into Markdown. */
export function formatReport(report: EvalReport, opts: { errors: boolean }): string {
  const out: string[] = [`${report.records} records`, ''];
  for (const s of report.systems) out.push(...systemTable(s), '');
  const [motag, keyword] = report.systems;
  if (motag && keyword) {
    out.push(`macro-F1: ${motag.name} ${pct(motag.macro.f1)} vs ${keyword.name} ${pct(keyword.macro.f1)}`, '');
  }
  out.push('### Precision per lexicon family (how often a family fired on records without its tag)', '');
  out.push('| family | fired | on negatives | precision |', '|---|---:|---:|---:|');
  for (const f of report.families) out.push(`| ${f.family} | ${f.fired} | ${f.onNegatives} | ${pct(f.precision)} |`);
  if (opts.errors) {
    out.push('', `### Errors (${report.errors.length})`, '');
    for (const e of report.errors) {
      const cues = e.cues.map((c) => `"${c.text}" [${c.source.replace(/^lexicon:/, '')}]${c.reason ? ` ${c.reason}` : ''}`).join('; ');
      out.push(`${e.kind === 'false_positive' ? 'FP' : 'FN'} ${e.tag} ${e.id} score ${pct(e.score)}: ${e.text}`);
      out.push(`    cues: ${cues || '(none)'}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function systemTable(s: SystemScore): string[] {
  const rows = [
    `### ${s.name}`,
    '',
    '| tag | precision | recall | F1 | F1 95% CI | support |',
    '|---|---:|---:|---:|---|---:|',
  ];
  for (const t of TAG_IDS) {
    const x = s.perTag[t];
    rows.push(`| ${t} | ${pct(x.precision)} | ${pct(x.recall)} | ${pct(x.f1)} | ${ci(x.f1Interval)} | ${x.support} |`);
  }
  rows.push(`| **micro** | ${pct(s.micro.precision)} | ${pct(s.micro.recall)} | ${pct(s.micro.f1)} | ${ci(s.micro.f1Interval)} | |`);
  rows.push(`| **macro** | ${pct(s.macro.precision)} | ${pct(s.macro.recall)} | ${pct(s.macro.f1)} | ${ci(s.macro.f1Interval)} | |`);
  return rows;
}
