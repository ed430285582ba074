import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LEXICON_DIR, PACKAGE_ROOT } from '../paths.js';
import { analyse, type Finding } from '../rules/analyse.js';
import { loadRuleSet, type RuleSet } from '../rules/ruleset.js';
import { TAG_IDS } from '../tags.js';
import { loadTextResources, type TextResources } from '../text/resources.js';
import { tokenise } from '../text/tokenise.js';
import type { TagResult } from './result.js';
import { RULE_THRESHOLD, ruleScores } from './score.js';

/** The one entry point every face (CLI, server, batch, review, eval) uses. */
export interface Tagger {
  readonly model: string;
  tag(text: string, id?: string | null): TagResult;
  /** The raw rule findings, for `motag explain` and reviewers. */
  findings(text: string): Finding[];
}

const version: string = (createRequire(import.meta.url)(join(PACKAGE_ROOT, 'package.json')) as { version: string }).version;

export function createTagger(options: { lexiconDir?: string } = {}): Tagger {
  const dir = options.lexiconDir ?? LEXICON_DIR;
  const text: TextResources = loadTextResources(dir);
  const rules: RuleSet = loadRuleSet(dir);
  const model = `motag-${version}+rules`;

  const findings = (narrative: string): Finding[] => analyse(tokenise(narrative, text), rules);

  return {
    model,
    findings,
    tag(narrative, id = null) {
      const found = findings(narrative);
      const scores = ruleScores(found);
      const tags = TAG_IDS.filter((t) => scores[t] >= RULE_THRESHOLD);
      const evidence = found
        .filter((f) => f.weight > 0)
        .map((f) => ({
          tag: f.tag,
          start: f.start,
          end: f.end,
          text: f.text,
          source: `lexicon:${f.family}`,
          weight: f.weight,
          ...(f.note ? { note: f.note } : {}),
        }));
      const discounted = found
        .filter((f) => f.discount)
        .map((f) => ({
          tag: f.tag,
          start: f.start,
          end: f.end,
          text: f.text,
          reason: f.discount!.reason,
          source: `lexicon:${f.family}`,
          ...(f.discount!.by ? { by: f.discount!.by } : {}),
        }));
      return { id, tags, scores, evidence, discounted, model };
    },
  };
}
