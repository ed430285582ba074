import type { KeywordBaseline } from '../rules/keyword-baseline.js';
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

/** A keyword of the partnership's method found in the text, with the whole word that holds it ("bar" in "battery"). */
export interface KeywordHit {
  readonly tag: TagId;
  readonly keyword: string;
  readonly start: number;
  readonly end: number;
  /** The word (or words, for a keyword with spaces) around the match, as written in the narrative. */
  readonly word: string;
  /** The keyword matched part of a longer word rather than a word of its own. */
  readonly insideWord: boolean;
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

const WORD_CHAR = /[\p{L}\p{N}'’*]/u;

/** Every place a keyword of a tag the keyword method gave occurs, widened to the word that holds it. */
export function keywordHits(record: StoredRecord, keywords: KeywordBaseline): KeywordHit[] {
  const text = record.text;
  const lower = text.toLowerCase();
  // Lower-casing can change the length of a few characters; offsets are then not the narrative's.
  if (lower.length !== text.length) return record.keywordTags.flatMap((tag) => keywords.matches(text, tag).map((keyword) => ({ tag, keyword, start: -1, end: -1, word: keyword, insideWord: false })));
  const hits: KeywordHit[] = [];
  for (const tag of record.keywordTags) {
    for (const keyword of keywords.matches(text, tag)) {
      for (let at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
        let from = at;
        let to = at + keyword.length;
        while (from > 0 && WORD_CHAR.test(text[from - 1]!)) from--;
        while (to < text.length && WORD_CHAR.test(text[to]!)) to++;
        hits.push({ tag, keyword, start: at, end: at + keyword.length, word: text.slice(from, to), insideWord: from < at || to > at + keyword.length });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.tag.localeCompare(b.tag));
}
