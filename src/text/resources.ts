import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Normalisation data: police shorthand and common misspellings, both reviewed lists in lexicons/. */
export interface TextResources {
  /** Lower-cased token -> the words it stands for ("b/f" -> ["boyfriend"]). */
  readonly shorthand: ReadonlyMap<string, readonly string[]>;
  /** Lower-cased misspelling -> correct word. */
  readonly spelling: ReadonlyMap<string, string>;
}

const Group = z.object({ note: z.string().min(1), entries: z.record(z.string(), z.string().min(1)) });
const ShorthandFile = z.object({ description: z.string(), groups: z.record(z.string(), Group) });
const SpellingFile = z.object({ description: z.string(), groups: z.record(z.string(), Group) });

export function loadTextResources(dir: string): TextResources {
  const shorthandFile = ShorthandFile.parse(readJson(join(dir, 'shorthand.json')));
  const spellingFile = SpellingFile.parse(readJson(join(dir, 'spelling.json')));
  const shorthand = new Map<string, string[]>();
  for (const group of Object.values(shorthandFile.groups)) {
    for (const [abbr, expansion] of Object.entries(group.entries)) {
      shorthand.set(abbr.toLowerCase(), expansion.toLowerCase().split(/\s+/));
    }
  }
  const spelling = new Map<string, string>();
  for (const group of Object.values(spellingFile.groups)) {
    for (const [wrong, right] of Object.entries(group.entries)) spelling.set(wrong.toLowerCase(), right.toLowerCase());
  }
  return { shorthand, spelling };
}

export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`motag: cannot read ${path}: ${(err as Error).message}`);
  }
}
