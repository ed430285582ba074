#!/usr/bin/env node
// End-to-end batch benchmark: npm run bench:batch [-- --records N]
// Generates a realistic export (1,000,000 records by default) and tags it
// CSV to CSV with all cores, reporting wall time, records/s (and per core)
// and the process's peak RSS (main thread and tagging threads together).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--records');
const records = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'motag-bench-batch-'));
try {
  const input = join(dir, 'export.csv');
  spawnSync(process.execPath, [join(root, 'scripts', 'generate-batch.mjs'), '--records', String(records), '--out', input], { stdio: 'inherit' });
  const cores = availableParallelism();
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', join(root, 'scripts', 'report-rss.cjs'), join(root, 'bin', 'motag.js'), 'tag', '--in', input, '--out', join(dir, 'tagged.csv'), '--text-field', 'MO_text', '--id-field', 'crime_ref', '--no-progress'], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(r.stderr);
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1]) / 1024;
  const rate = records / seconds;
  console.log(r.stderr.split('\n').filter((l) => l.startsWith('motag tag:')).join('\n'));
  console.log(`| records | input MB | cores | wall s | records/s | records/s per core | peak RSS MB |`);
  console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
  console.log(`| ${records} | ${(statSync(input).size / 1e6).toFixed(0)} | ${cores} | ${seconds.toFixed(1)} | ${Math.round(rate)} | ${Math.round(rate / cores)} | ${Math.round(rss)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
