import type { PerTag, TagId } from '../tags.js';

/** A span of the original text that supports a tag (INTERFACE.md "evidence"). */
export interface Evidence {
  readonly tag: TagId;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** "lexicon:<family id>" for a rule cue, "model:<feature>" for a model-only decision. */
  readonly source: string;
  /** How much the cue counted (after weakening or an unclear role). */
  readonly weight: number;
  readonly note?: string;
}

/** A cue that was seen but does not count, with the reason (INTERFACE.md "discounted"). */
export interface Discounted {
  readonly tag: TagId;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly reason: string;
  readonly source: string;
  /** The words or rule that caused the discount. */
  readonly by?: string;
}

/** One tagged narrative: the JSON shape of INTERFACE.md. */
export interface TagResult {
  readonly id: string | null;
  /** Exactly the tags decided yes, in INTERFACE.md order. */
  readonly tags: TagId[];
  readonly scores: PerTag<number>;
  /** Tags whose score falls in the model's abstain band: a reviewer should check them (decided or not). */
  readonly needs_review: TagId[];
  readonly evidence: Evidence[];
  readonly discounted: Discounted[];
  readonly model: string;
}
