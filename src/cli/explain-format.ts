import type { TagResult } from '../tagger/result.js';
import { TAG_IDS } from '../tags.js';

/**
 * A reviewer's view of one result: every tag with its decision and score,
 * the evidence that counted and the cues that were discounted, and why.
 */
export function formatExplanation(text: string, result: TagResult): string {
  const lines: string[] = [`model: ${result.model}`, `text:  ${text}`, ''];
  const width = Math.max(...TAG_IDS.map((t) => t.length));
  for (const tag of TAG_IDS) {
    const yes = result.tags.includes(tag);
    lines.push(`${tag.padEnd(width)}  ${yes ? 'YES' : 'no '}  ${result.scores[tag].toFixed(3)}`);
    for (const e of result.evidence.filter((x) => x.tag === tag)) {
      const note = e.note ? ` (${e.note})` : '';
      lines.push(`    + "${e.text}" at ${e.start}-${e.end} [${e.source.replace(/^lexicon:/, '')}] weight ${e.weight.toFixed(2)}${note}`);
    }
    for (const d of result.discounted.filter((x) => x.tag === tag)) {
      const by = d.by ? ` by "${d.by}"` : '';
      lines.push(`    - "${d.text}" at ${d.start}-${d.end} [${d.source.replace(/^lexicon:/, '')}] ${d.reason}${by}`);
    }
  }
  lines.push('', `tags: ${result.tags.length > 0 ? result.tags.join(', ') : '(none)'}`);
  return `${lines.join('\n')}\n`;
}
