import type { Token } from '../text/tokens.js';
import { overlaps, type Match } from './matcher.js';
import type { CompiledContextFamily, CompiledCueFamily } from './ruleset.js';
import { SpanIndex, some, WorkMeter } from './span-index.js';

/**
 * ConText (Chapman et al.; medspaCy) for police idiom: a trigger ("no",
 * "denies", "fears", "previous") modifies the cues within its scope. Scopes run
 * forward, backward or both for at most maxScope tokens and never leave the
 * clause or cross a quote edge, so "no injuries but S1 was drunk" leaves
 * "drunk" alone (a family may reach the whole sentence instead). Pseudo-triggers ("no further", "not only") cancel a trigger
 * they overlap; terminate terms ("who", "which") end scopes early.
 */
export interface Scope {
  readonly family: CompiledContextFamily;
  readonly trigger: Match<unknown>;
  readonly first: number;
  readonly last: number;
}

export interface Modifier {
  readonly family: CompiledContextFamily;
  readonly trigger: Match<unknown>;
}

export function buildScopes(tokens: readonly Token[], matches: readonly Match<{ family: CompiledContextFamily }>[], meter = new WorkMeter()): Scope[] {
  const pseudo = new SpanIndex(matches.filter((m) => m.owner.family.direction === 'pseudo'), meter);
  const terminators = new Set<number>();
  for (const m of matches) if (m.owner.family.direction === 'terminate') terminators.add(m.first);

  const scopes: Scope[] = [];
  for (const m of matches) {
    const family = m.owner.family;
    if (family.direction === 'pseudo' || family.direction === 'terminate') continue;
    if (some(pseudo.overlapping(m.first, m.last), () => true)) continue;
    const max = family.maxScope ?? 0;
    const anchor = tokens[m.first]!;
    const inScope =
      family.reach === 'sentence'
        ? (i: number): boolean => tokens[i]?.sentence === anchor.sentence
        : (i: number): boolean => {
            const t = tokens[i];
            return t !== undefined && t.clause === anchor.clause && t.quoted === anchor.quoted && !terminators.has(i);
          };
    let first = m.first;
    let last = m.last;
    if (family.direction === 'forward' || family.direction === 'bidirectional') {
      for (let i = m.last + 1; i <= m.last + max && inScope(i); i++) last = i;
    }
    if (family.direction === 'backward' || family.direction === 'bidirectional') {
      for (let i = m.first - 1; i >= m.first - max && inScope(i); i--) first = i;
    }
    if (first < m.first || last > m.last) scopes.push({ family, trigger: m, first, last });
  }
  return scopes;
}

/** The strongest modifier reaching this cue: a discount beats a weakening, then the nearest trigger wins. */
export function modifierFor(
  cue: { first: number; last: number; family: Pick<CompiledCueFamily, 'tag' | 'id'> },
  scopes: readonly Scope[],
  ignored: readonly string[] = [],
): Modifier | null {
  let best: Scope | null = null;
  let bestRank = Infinity;
  for (const s of scopes) {
    if (!overlaps(s, cue) || overlaps(s.trigger, cue)) continue;
    if (!appliesTo(s.family, cue.family) || ignored.includes(s.family.category)) continue;
    const distance = s.trigger.first > cue.last ? s.trigger.first - cue.last : cue.first - s.trigger.last;
    const rank = (s.family.effect?.effect === 'discount' ? 0 : 1000) + distance;
    if (rank < bestRank) {
      best = s;
      bestRank = rank;
    }
  }
  return best ? { family: best.family, trigger: best.trigger } : null;
}

function appliesTo(context: CompiledContextFamily, family: Pick<CompiledCueFamily, 'tag' | 'id'>): boolean {
  if (!context.appliesTo) return true;
  return context.appliesTo.some((target) => target === family.tag || target === family.id);
}
