import type { Token } from '../text/tokens.js';
import type { Match } from './matcher.js';
import type { RecordMentions } from './mentions.js';
import { SpanIndex, type Span, type WorkMeter } from './span-index.js';

/**
 * What the role rules read in one record, indexed once: the support matches by
 * family, the relationship cues and the people named. Built when the first
 * relationship cue of a record needs it.
 */
const NONE: readonly Match<unknown>[] = [];

export class RoleRecord {
  private readonly families = new Map<string, SpanIndex<Match<unknown>>>();
  private readonly sentencesOf = new Map<unknown, ReadonlySet<number>>();
  readonly relationships: SpanIndex<Span>;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    private readonly support: ReadonlyMap<string, readonly Match<unknown>[]>,
    relationships: readonly Span[],
    readonly mentions: RecordMentions,
    readonly meter: WorkMeter,
  ) {
    this.relationships = new SpanIndex(relationships, meter);
  }

  /** The matches of a support family, in text order. */
  family(id: string): SpanIndex<Match<unknown>> {
    let index = this.families.get(id);
    if (!index) {
      index = new SpanIndex(this.support.get(id) ?? [], this.meter);
      this.families.set(id, index);
    }
    return index;
  }

  matches(id: string): readonly Match<unknown>[] {
    return this.support.get(id) ?? NONE;
  }

  /**
   * The sentences where `key` holds, worked out once per record by `find`
   * (which gives the sentence of each place it holds).
   */
  sentencesWhere(key: unknown, find: () => Iterable<number>): ReadonlySet<number> {
    let set = this.sentencesOf.get(key);
    if (!set) {
      set = new Set(find());
      this.sentencesOf.set(key, set);
    }
    return set;
  }
}
