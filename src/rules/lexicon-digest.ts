import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Which lexicons tagged a file. The package version does not say: lexicons
 * are edited between releases, and a changed cue list changes the figures as
 * surely as a new model. A short digest of every lexicon file (names and
 * bytes, in sorted order) goes into each tagged row (motag_lexicons), so
 * `motag report` can tell when two periods were tagged with different ones.
 */
export function lexiconDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(join(at, e.name)) : e.name.endsWith('.json') ? [join(at, e.name)] : []));
  for (const file of walk(dir).sort()) {
    hash.update(relative(dir, file).split('\\').join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
