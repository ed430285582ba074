import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../src/paths.js';
import { createRuleEngine } from '../../src/rules/engine.js';
import { tagger } from '../helpers.js';

/*
 * Issue 13: renaming an id that code or data names (role.mutual, .slur,
 * hate.hostility, masked.everyday, negated) loaded with no error and evidence
 * silently vanished. Each kind of dangling reference must stop the tagger,
 * naming the file and the id.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the lexicons with `from` replaced by `to` in the given files (relative to lexicons/). */
function lexiconsWith(files: string[], from: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'motag-lex-'));
  dirs.push(dir);
  cpSync(LEXICON_DIR, dir, { recursive: true });
  for (const f of files) {
    const path = join(dir, f);
    const before = readFileSync(path, 'utf8');
    const after = before.split(from).join(to);
    expect(after, `${from} in ${f}`).not.toBe(before);
    writeFileSync(path, after);
  }
  return dir;
}
const tagFiles = (): string[] => readdirSync(join(LEXICON_DIR, 'tags')).filter((f) => f.endsWith('.json')).map((f) => `tags/${f}`);

describe('load-time checks of the ids code and data name', () => {
  it('the shipped lexicons load', () => {
    expect(() => createRuleEngine(LEXICON_DIR)).not.toThrow();
  });

  it.each([
    ['a support family a role rule names', ['support.json'], '"role.mutual"', '"role.mutually"', 'roles.json', 'role.mutual'],
    ['a support family the masked-word resolver names', ['support.json'], '"hate.hostility"', '"hate.hostile_words"', 'support.json', 'hate.hostility'],
    ['the everyday swear words', ['support.json'], '"masked.everyday"', '"masked.daily"', 'support.json', 'masked.everyday'],
    ['a support family the mentions name', ['support.json'], '"person.male"', '"person.man"', 'support.json', 'person.male'],
    ['the slur families', tagFiles().filter((f) => readFileSync(join(LEXICON_DIR, f), 'utf8').includes('.slur"')), '.slur"', '.slurs"', 'tags', '.slur'],
    ['the negated context category', ['context.json'], '"negated"', '"denied"', 'context.json', 'negated'],
    ['a word class a role rule names', ['roles.json'], '"id": "apposition_filler"', '"id": "apposition_words"', 'roles.json', 'apposition_filler'],
    ['a word class the role code reads', ['roles.json'], '"id": "describing"', '"id": "describers"', 'roles.json', 'describing'],
    ['a word class another class includes', ['roles.json'], '"id": "passive_aux"', '"id": "passive_auxiliaries"', 'roles.json', 'passive_aux'],
    ['a predicate', ['roles.json'], '"test": "pronoun_acts"', '"test": "pronoun_act"', 'roles.json', 'pronoun_act'],
    ['a named condition', ['roles.json'], '"ref": "mutual_after"', '"ref": "mutual_later"', 'roles.json', 'mutual_later'],
    ['a rule id used twice', ['roles.json'], '"id": "role.suspect_after"', '"id": "role.suspect_before"', 'roles.json', 'role.suspect_before'],
  ])('%s', (_kind, files, from, to, file, id) => {
    const dir = lexiconsWith(files, from, to);
    let message = '';
    try {
      createRuleEngine(dir);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(join(dir, file));
    expect(message).toContain(id);
  });
});

describe('cues dropped by the longest match are reported', () => {
  it('"father" inside "father of her children" shows as overlapped, won by the partner reading', () => {
    const r = tagger().tag('The father of her children punched her');
    expect(r.discounted).toContainEqual(
      expect.objectContaining({ tag: 'familial', text: 'father', reason: 'overlapped', by: 'father of her children' }),
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ tag: 'domestic', text: 'father of her children' }));
    expect(r.tags).not.toContain('familial');
  });
  it('an overlapped cue is never scored: the findings the scores and model read do not hold it', () => {
    const a = tagger().analyse('The father of her children punched her');
    expect(a.findings.some((f) => f.text === 'father')).toBe(false);
    expect(a.overlapped.map((f) => f.text)).toEqual(['father']);
  });
});
