import type { Band } from '../model/thresholds.js';
import type { Tagger } from '../tagger/tagger.js';
import type { PerTag, TagId } from '../tags.js';

/*
 * How the HTTP service has records tagged: in worker threads (tag-pool.ts),
 * so a slow record never holds up /healthz or other requests, or in this
 * thread for tests that build the app around a Tagger. Results come back as
 * JSON text, serialised where they were made, so the request thread only
 * joins strings and can measure the answer's size before sending it.
 */
export interface TaggedRecord {
  readonly json: string;
  readonly bytes: number;
  readonly tags: readonly TagId[];
}

/** What /v1/tags and /healthz say about the model, without holding one. */
export interface TaggerInfo {
  readonly model: string;
  readonly thresholds: PerTag<number>;
  readonly bands: PerTag<Band> | null;
}

export interface RecordTagging {
  readonly info: TaggerInfo;
  /** Rejects with DeadlineExceeded after deadlineMs, or TaggingFailed when a thread dies. */
  tag(records: readonly { id: string | null; text: string }[], deadlineMs: number): Promise<TaggedRecord[]>;
  close(): Promise<void>;
}

export class DeadlineExceeded extends Error {}
export class TaggingFailed extends Error {}

export function serialise(result: { tags: readonly TagId[] }): TaggedRecord {
  const json = JSON.stringify(result);
  return { json, bytes: Buffer.byteLength(json), tags: result.tags };
}

/** In this thread: no deadline can interrupt it, so only for tests and tools, never main.ts. */
export function inProcessTagging(tagger: Tagger): RecordTagging {
  return {
    info: { model: tagger.model, thresholds: tagger.thresholds, bands: tagger.bands },
    tag: async (records) => records.map((r) => serialise(tagger.tag(r.text, r.id))),
    close: async () => undefined,
  };
}
