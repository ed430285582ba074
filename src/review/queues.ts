import type { TagId } from '../tags.js';

/*
 * The review queues. Three are fixed when a run is loaded (abstain, audit,
 * disagreement); two follow the reviews themselves (second, conflict).
 */
export const QUEUES = ['abstain', 'audit', 'disagreement', 'second', 'conflict'] as const;
export type QueueName = (typeof QUEUES)[number];
export type FixedQueue = 'abstain' | 'audit' | 'disagreement';

export const QUEUE_DESCRIPTIONS: Record<QueueName, string> = {
  abstain: "the model's score for the tag fell in its abstain band",
  audit: 'a random sample of the positives of each tag, to measure precision',
  disagreement: "the partnership's keyword method and the classifier disagree on the tag",
  second: 'reviewed once by someone else: review blind, without their decisions',
  conflict: 'reviewers disagree: an adjudicator settles the labels',
};

export function isQueueName(value: string): value is QueueName {
  return (QUEUES as readonly string[]).includes(value);
}

export interface QueueEntry {
  readonly queue: FixedQueue;
  readonly tag: TagId;
}
