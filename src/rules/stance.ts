import type { Token } from '../text/tokens.js';
import type { TagId } from '../tags.js';
import { longestPerKey, overlaps, type Match } from './matcher.js';
import type { StanceFamily } from './schema.js';

/*
 * Hostility in what was said (issue 15): a hostile word counts for a hate
 * strand when it is said about a group of that strand. "S1 SHOUTED 'ALL YOU
 * MUSLIMS SHOULD BE DEPORTED'" pairs the threat "deported" with "Muslims";
 * "IP, a Muslim male, was punched" has a group word and no hostility; "was
 * attacked" in the officer's account is not said by anyone.
 *
 * Which group a hostile word is about, in order:
 *  1. a group word in the same sentence within the family's reach (quotes
 *     open a clause, and 'Romanians are "filthy beggars"' is one statement);
 *  2. for hostile address ("you people", "your kind"), the nearest group word
 *     anywhere in the record;
 *  3. a word referring back ("they", "them", "people like that") within the
 *     reach, to the last group named earlier in the sentence or in the two
 *     sentences before ("Too many Poles here. They are all scum.").
 * Whether it counts is then ConText's call (analyse.ts): negation, counter
 * speech, reclaimed use and the like discount it with their reason.
 */

/** A group word: the strand it names. */
export interface GroupOwner {
  readonly kind: 'group';
  readonly strand: TagId;
}
export interface StanceOwner {
  readonly kind: 'stance';
  readonly family: StanceFamily;
}

export interface StanceCandidate {
  readonly strand: TagId;
  readonly family: StanceFamily;
  readonly hostile: Match<StanceOwner>;
  readonly group: Match<GroupOwner>;
  /** How the group was found: near it, from hostile address, or by reference back. */
  readonly via: 'near' | 'address' | 'reference_back';
}

/** How many sentences back a "they" may reach for its group. */
const BACK_SENTENCES = 3;
/** How close a word referring back must stand to the hostile word. */
const BACK_REACH = 8;

export interface StanceInput {
  readonly tokens: readonly Token[];
  readonly groups: readonly Match<GroupOwner>[];
  readonly hostile: readonly Match<StanceOwner>[];
  readonly backRefs: readonly Match<unknown>[];
  readonly speech: readonly Match<unknown>[];
}

/** Pairs every hostile word with the group it is said about; a word with no group gives nothing. */
export function pairStances(input: StanceInput): StanceCandidate[] {
  const { tokens, groups, hostile, backRefs, speech } = input;
  if (groups.length === 0 || hostile.length === 0) return [];
  const out: StanceCandidate[] = [];
  const gap = (a: Match<unknown>, b: Match<unknown>): number => (a.first > b.last ? a.first - b.last : b.first > a.last ? b.first - a.last : 0);
  const overlapsGroup = (h: Match<unknown>): boolean => groups.some((g) => g.first <= h.last && h.first <= g.last);
  for (const h of hostile) {
    const family = h.owner.family;
    // A group word is not hostility about itself ("gays" is no threat to gays).
    if (overlapsGroup(h)) continue;
    const at = tokens[h.first]!;
    // In what was said: quoted, or after a speech word in this sentence or the one before
    // (the tokeniser ends a quote at a full stop: 'NOTE READS "WHITE STREET. BLACKS OUT"').
    const saidBefore = (s: Match<unknown>): boolean => s.first < h.first && tokens[s.first]!.sentence >= at.sentence - 1;
    if (family.said && !at.quoted && !speech.some(saidBefore)) continue;

    let best: Match<GroupOwner> | undefined;
    for (const g of groups) {
      if (tokens[g.first]!.sentence !== at.sentence || gap(g, h) > family.reach) continue;
      if (!best || gap(g, h) < gap(best, h)) best = g;
    }
    if (best) {
      out.push({ strand: best.owner.strand, family, hostile: h, group: best, via: 'near' });
      continue;
    }
    if (family.target === 'record') {
      for (const g of groups) if (!best || gap(g, h) < gap(best, h)) best = g;
      if (best) out.push({ strand: best.owner.strand, family, hostile: h, group: best, via: 'address' });
      continue;
    }
    const refers = backRefs.some((r) => tokens[r.first]!.sentence === at.sentence && gap(r, h) <= BACK_REACH && !overlapsGroup(r));
    if (!refers) continue;
    for (const g of groups) {
      const s = tokens[g.first]!.sentence;
      const earlier = g.last < h.first && s >= at.sentence - BACK_SENTENCES;
      if (earlier && (!best || g.first > best.first)) best = g;
    }
    if (best) out.push({ strand: best.owner.strand, family, hostile: h, group: best, via: 'reference_back' });
  }
  return out;
}

/** How a stance finding reads to a reviewer. */
export function stanceNote(c: StanceCandidate, groupText: string): string {
  const how = c.via === 'near' ? 'said about' : c.via === 'address' ? 'hostile address to' : 'refers back to';
  return `${c.family.kind} ${how} "${groupText}"`;
}

/**
 * The stance words of one narrative as the matcher found them, collapsed the
 * way cue families are: a group word inside an excluded phrase ("black
 * jacket") is dropped, and overlapping matches keep the longest ("gay men"
 * over "gay", "kill all" over "kill").
 */
export class StanceWords {
  private readonly groups: Match<GroupOwner>[] = [];
  private readonly excluded: Match<unknown>[] = [];
  private readonly hostile: Match<StanceOwner>[] = [];
  private readonly backRefs: Match<unknown>[] = [];
  private readonly speech: Match<unknown>[] = [];

  add(m: Match<{ readonly kind: string }>): void {
    switch (m.owner.kind) {
      case 'group':
        this.groups.push(m as Match<GroupOwner>);
        break;
      case 'group_exclude':
        this.excluded.push(m);
        break;
      case 'stance':
        this.hostile.push(m as Match<StanceOwner>);
        break;
      case 'back_ref':
        this.backRefs.push(m);
        break;
      case 'speech':
        this.speech.push(m);
        break;
    }
  }

  /** Whether there is a group word and a hostile word at all: without both nothing can pair. */
  mayPair(): boolean {
    return this.groups.length > 0 && this.hostile.length > 0;
  }

  kept(): Omit<StanceInput, 'tokens'> {
    const groups = longestPerKey(this.groups.filter((g) => !this.excluded.some((x) => overlaps(x, g))), () => 'group');
    return { groups, hostile: longestPerKey(this.hostile, (h) => h.owner.family), backRefs: longestPerKey(this.backRefs, () => 'ref'), speech: this.speech };
  }
}
