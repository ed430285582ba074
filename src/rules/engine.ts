import { Deobfuscator } from '../text/deobfuscate.js';
import { tokenise } from '../text/tokenise.js';
import { loadTextResources } from '../text/resources.js';
import type { Token } from '../text/tokens.js';
import { analyse, type Finding } from './analyse.js';
import { loadRuleSet } from './ruleset.js';

/** The rule layer for one narrative: its tokens and every cue found, counted or discounted. */
export interface RuleAnalysis {
  readonly tokens: readonly Token[];
  readonly findings: readonly Finding[];
  /** Relationship cues a longer reading of the same words won (discounted as "overlapped"; not scored). */
  readonly overlapped: readonly Finding[];
  /** Candidates the rules examined pairing cues with context and roles: grows linearly with the cues. */
  readonly steps: number;
}

export interface RuleEngine {
  analyse(text: string): RuleAnalysis;
}

/** Loads and validates every lexicon once; analysing a narrative is then pure. */
export function createRuleEngine(lexiconDir: string): RuleEngine {
  const text = loadTextResources(lexiconDir);
  const rules = loadRuleSet(lexiconDir);
  const deobfuscator = new Deobfuscator(rules.obfuscation);
  return {
    analyse(narrative) {
      const tokens = deobfuscator.apply(narrative, tokenise(narrative, text).tokens);
      return { tokens, ...analyse({ text: narrative, tokens }, rules) };
    },
  };
}
