import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { lexiconDigest } from '../../src/rules/lexicon-digest.js';
import { TAG_IDS } from '../../src/tags.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'motag-cli-'));
const write = (name: string, body: string): string => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

describe('motag tag, JSONL', () => {
  const input = write(
    'in.jsonl',
    [
      JSON.stringify({ id: 'a', text: 'Drunk male ejected by door staff at 02:00' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'b', text: '' }),
      '',
      JSON.stringify({ id: 'c', text: 'Pedal cycle stolen from rack' }),
    ].join('\n'),
  );

  it('writes one result per good record, in order, and reports bad lines by number on stderr', () => {
    const out = join(dir, 'out.jsonl');
    const r = runCli(['tag', '--in', input, '--out', out]);
    expect(r.status).toBe(0);
    const results = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((x) => x.id)).toEqual(['a', 'c']);
    expect(results[0].tags).toEqual(['alcohol', 'nte']);
    expect(results[1].tags).toEqual([]);
    const rejects = readFileSync(`${out}.rejects.csv`, 'utf8');
    expect(rejects).toMatch(/^line,reason\n2,"invalid JSON/);
    expect(rejects).toContain('\n3,"empty ""text"""\n');
    expect(r.stderr).toMatch(/4 rows read, 2 tagged, 2 rejected \(see .*out\.jsonl\.rejects\.csv\); every row is in the output or the rejects/);
  });

  it('keeps stdout for data only with --out -, and reports rejects on stderr', () => {
    const r = runCli(['tag', '--in', input, '--out', '-']);
    expect(r.stderr).toMatch(/line 2: invalid JSON/);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('reads standard input with --in -', () => {
    const r = runCli(['tag', '--in', '-', '--out', '-'], `${JSON.stringify({ id: 'x', text: "IP's boyfriend punched her" })}\n`);
    expect(JSON.parse(r.stdout).tags).toEqual(['domestic']);
  });
});

describe('motag tag, CSV', () => {
  const input = write(
    'export.csv',
    'crime_ref,MO_text,ward\n' +
      'r1,"S1 IS THE IP\'S BROTHER, PUSHED HIM OVER",Market\n' +
      'r2,too,many,fields\n' +
      'r3,"Male begging outside Tesco, abusive to shoppers",Abbey\n',
  );

  it('keeps every input column, appends tag_, score_, evidence, needs_review and model columns, and reports a malformed row by line', () => {
    const out = join(dir, 'out.csv');
    const r = runCli(['tag', '--in', input, '--out', out, '--text-field', 'MO_text', '--id-field', 'crime_ref']);
    expect(r.status).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.crime_ref)).toEqual(['r1', 'r3']);
    expect(Object.keys(rows[0]!)).toEqual([
      'crime_ref', 'MO_text', 'ward',
      ...TAG_IDS.map((t) => `tag_${t}`), ...TAG_IDS.map((t) => `score_${t}`), 'evidence',
      'needs_review', 'motag_model', 'motag_lexicons', 'motag_corpus', 'motag_tagged_at',
    ]);
    // Which model tagged each row, over which lexicons and trained on which corpus, and when: one timestamp for the run.
    expect(rows[0]!.motag_model).toMatch(/^motag-\d+\.\d+\.\d+\+/);
    expect(rows[0]!.motag_lexicons).toBe(lexiconDigest(LEXICON_DIR));
    const card = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'models', 'model-card.json'), 'utf8')) as { corpusSha256: string };
    expect(rows[0]!.motag_corpus).toBe(card.corpusSha256.slice(0, 12));
    expect(rows[0]!.motag_tagged_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(rows[1]!.motag_tagged_at).toBe(rows[0]!.motag_tagged_at);
    expect(rows.every((x) => x.needs_review === '' || x.needs_review!.split(';').every((t) => (TAG_IDS as readonly string[]).includes(t)))).toBe(true);
    expect(rows[0]!.tag_familial).toBe('1');
    expect(rows[1]!.tag_street_asb).toBe('1');
    expect(rows[1]!.evidence).toContain('street_asb: begging [street_asb.begging]');
    expect(readFileSync(`${out}.rejects.csv`, 'utf8')).toMatch(/\n3,"malformed CSV/);
  });

  it('writes the same lexicon and corpus digests from one thread or several, and corpus "none" with --rules-only', () => {
    const cols = (args: string[]) => {
      const out = join(dir, `prov-${args.join('')}.csv`);
      expect(runCli(['tag', '--in', input, '--out', out, '--text-field', 'MO_text', '--id-field', 'crime_ref', ...args]).status).toBe(0);
      const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
      return rows.map((x) => [x.motag_lexicons, x.motag_corpus]);
    };
    const several = cols(['--workers', '2']);
    expect(cols(['--workers', '1'])).toEqual(several);
    expect(several[0]![1]).toMatch(/^[0-9a-f]{12}$/);
    expect(cols(['--workers', '1', '--rules-only'])).toEqual(several.map(([lexicons]) => [lexicons, 'none']));
  });

  it('fails clearly when the text column is missing', () => {
    const r = runCli(['tag', '--in', input, '--out', join(dir, 'never.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no "text" column.*--text-field/);
  });

  const dallas = join(PACKAGE_ROOT, '..', 'shared', 'data', 'real', 'dallas-pd-mo.csv');
  it.skipIf(!existsSync(dallas))('tags a real police export end to end, one output row per input row', () => {
    const out = join(dir, 'dallas.csv');
    const r = runCli(['tag', '--in', dallas, '--out', out]);
    expect(r.status).toBe(0);
    const input = parse(readFileSync(dallas, 'utf8'), { columns: true }) as unknown[];
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as unknown[];
    expect(rows).toHaveLength(input.length);
  });
});

describe('motag --version', () => {
  it('prints the package version and exits 0', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('motag explain', () => {
  it("prints each tag's decision with evidence and discounted cues", () => {
    const r = runCli(['explain', "IP's mother called police. S1 was drunk. No racial element"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/alcohol\s+YES/);
    expect(r.stdout).toMatch(/- "mother" .*wrong_party by "relative reported or witnessed it \(role.reporter_after\)"/);
    expect(r.stdout).toMatch(/- "racial" .*negated by "No"/);
  });

  it('prints the result JSON with --json', () => {
    const r = runCli(['explain', '--json', 'Drunk male']);
    expect(JSON.parse(r.stdout).scores.alcohol).toBeGreaterThan(0.5);
  });
});
