import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../src/paths.js';
import { lexiconDigest } from '../../src/rules/lexicon-digest.js';

describe('the lexicon digest', () => {
  it('is the same for a copy of the lexicons, and changes when one cue list changes', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'motag-lex-')), 'lexicons');
    cpSync(LEXICON_DIR, copy, { recursive: true });
    const shipped = lexiconDigest(LEXICON_DIR);
    expect(shipped).toMatch(/^[0-9a-f]{12}$/);
    expect(lexiconDigest(copy)).toBe(shipped);
    const nte = join(copy, 'tags', 'nte.json');
    writeFileSync(nte, readFileSync(nte, 'utf8').replace(/\s*$/, ' \n'));
    expect(lexiconDigest(copy)).not.toBe(shipped);
  });
});
