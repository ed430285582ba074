import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TAG_IDS } from '../../src/tags.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'motag-eval-'));
const none = Object.fromEntries(TAG_IDS.map((t) => [t, 0]));
const gold = join(dir, 'gold.jsonl');
writeFileSync(
  gold,
  [
    { id: 'g1', text: 'S1 was drunk and punched IP', labels: { ...none, alcohol: 1 }, split: 'test' },
    { id: 'g2', text: 'No alcohol involved, bike stolen', labels: none, split: 'test' },
    { id: 'g3', text: 'IP was worse for wear', labels: { ...none, alcohol: 1 }, split: 'train' },
    { id: 'g4', text: 'Pedal cycle stolen from the bar', labels: none, split: 'test' },
  ].map((r) => JSON.stringify(r)).join('\n'),
);

describe('motag eval', () => {
  it('prints per-tag precision, recall, F1 and support for motag and the keyword baseline', () => {
    const r = runCli(['eval', '--gold', gold, '--split', 'test']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^3 records/);
    for (const t of TAG_IDS) expect(r.stdout).toContain(`| ${t} |`);
    // motag: the one alcohol record found, the negated one left alone
    expect(r.stdout).toMatch(/### motag[^#]*\| alcohol \| 1\.000 \| 1\.000 \| 1\.000 \|[^|]*\| 1 \|/);
    // keyword baseline: "alcohol" in the negated record is a false positive; "bar" makes nte fire
    expect(r.stdout).toMatch(/### keyword baseline[^#]*\| alcohol \| 0\.500 \| 1\.000 \| 0\.667 \|/);
    expect(r.stdout).toMatch(/\| \*\*macro\*\* \|/);
  });

  it('lists errors with their cues on request', () => {
    const r = runCli(['eval', '--gold', gold, '--errors']);
    expect(r.stdout).toMatch(/### Errors/);
  });

  it('rejects an invalid gold file with its line number', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ id: 'x', text: 'y', labels: { alcohol: 1 } })}\n`);
    const r = runCli(['eval', '--gold', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:1: labels/);
  });
});
