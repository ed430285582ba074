import type { KeywordBaseline, KeywordHit as BaselineHit } from '../rules/keyword-baseline.js';
import { TAG_IDS, type PerTag, type TagId } from '../tags.js';
import type { StoredRecord } from './reviews.js';

/*
 * Why a record got (or did not get) each tag, in words a reviewer reads
 * without knowing the model: the rule cues, the words the model leaned on
 * where no rule fired, the cues that were discounted, and what the keyword
 * method matched. Computed when a record is shown, from the stored result and
 * the keyword lexicon, so it needs no migration when the wording changes.
 */

export type CueKind = 'rule' | 'model' | 'discounted';

export interface Cue {
  readonly kind: CueKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** True only for evidence behind a yes: a rule cue of a tag decided no was seen but not counted. */
  readonly counted: boolean;
  /** Plain words: "rule alcohol.drunk", "model: no rule cue", "seen, not counted: ...". */
  readonly explanation: string;
}

/** A keyword of the partnership's method found in the text, for a tag it gave (src/rules/keyword-baseline.ts). */
export interface KeywordHit extends BaselineHit {
  readonly tag: TagId;
}

export const MODEL_NO_RULE_CUE = 'model: no rule cue';

export function tagReasons(record: StoredRecord): PerTag<Cue[]> {
  const given = new Set(record.result.tags);
  const out = Object.fromEntries(TAG_IDS.map((t) => [t, [] as Cue[]])) as PerTag<Cue[]>;
  for (const e of record.result.evidence) {
    const span = { start: e.start, end: e.end, text: e.text };
    if (e.source.startsWith('model:')) {
      // The feature name ("b:during the") means nothing to a reviewer; the words are in the span.
      out[e.tag].push({ kind: 'model', ...span, counted: given.has(e.tag), explanation: MODEL_NO_RULE_CUE });
      continue;
    }
    const rule = `rule ${e.source.replace(/^lexicon:/, '')}${e.note ? ` (${e.note})` : ''}`;
    out[e.tag].push(
      given.has(e.tag)
        ? { kind: 'rule', ...span, counted: true, explanation: rule }
        : { kind: 'rule', ...span, counted: false, explanation: `seen, not counted: the tag was decided no (${rule})` },
    );
  }
  for (const d of record.result.discounted) {
    out[d.tag].push({ kind: 'discounted', start: d.start, end: d.end, text: d.text, counted: false, explanation: `not counted: ${d.reason}${d.by ? ` (by "${d.by}")` : ''}` });
  }
  for (const t of TAG_IDS) out[t].sort((a, b) => a.start - b.start);
  return out;
}

/** Every place a keyword of a tag the keyword method gave occurs, widened to the word that holds it. */
export function keywordHits(record: StoredRecord, keywords: KeywordBaseline): KeywordHit[] {
  return record.keywordTags
    .flatMap((tag) => keywords.hits(record.text, tag).map((h) => ({ tag, ...h })))
    .sort((a, b) => a.start - b.start || a.tag.localeCompare(b.tag));
}
