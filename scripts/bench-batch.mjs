#!/usr/bin/env node
// Batch throughput: npm run bench:batch [-- --scale F]
// For narratives of about 150, 1,000 and 10,000 characters, generates an
// export (scripts/generate-batch.mjs) and tags it CSV to CSV with motag on
// one tagging thread and on two, beside two reference passes over the same
// file (scripts/bench-reference.mjs): the CSV floor (csv-parse ->
// csv-stringify) and the bare regex pass (one regex of 250 lexicon phrases).
//
// Records/s per core is records per CPU-second (user + system, every
// thread), after taking off the CPU time of the same command on a one-row
// file, so start-up (loading the model and lexicons) is reported on its own
// rather than spread over however many rows the run had. "2 workers" is the
// wall-clock speed-up of two tagging threads over one, start-up taken off
// the same way. Each file holds about
// 4.5 million characters of text (--scale multiplies that), so the whole run
// stays short on a shared two-core machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--scale');
const scale = i > 0 ? Number(process.argv[i + 1]) : 1;
const LENGTHS = [
  { chars: 150, records: 30_000 },
  { chars: 1_000, records: 4_500 },
  { chars: 10_000, records: 450 },
];
const dir = mkdtempSync(join(tmpdir(), 'motag-bench-batch-'));

/** Runs a node script under report-rss.cjs: wall seconds, CPU seconds, peak RSS MB. */
function run(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', join(root, 'scripts', 'report-rss.cjs'), ...args], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  const cpu = Number(/BENCH_CPU_US=(\d+)/.exec(r.stderr)?.[1]) / 1e6;
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1]) / 1024;
  return { wall, cpu, rss };
}

const motag = (workers) => (input, output) => [join(root, 'bin', 'motag.js'), 'tag', '--in', input, '--out', output, '--text-field', 'MO_text', '--id-field', 'crime_ref', '--no-progress', '--workers', String(workers)];
const reference = (mode) => (input, output) => [join(root, 'scripts', 'bench-reference.mjs'), mode, input, output];
const SYSTEMS = [
  { name: 'CSV floor (csv-parse + csv-stringify)', args: reference('floor') },
  { name: 'regex pass (250 phrases)', args: reference('regex') },
  { name: 'motag, 1 worker', args: motag(1) },
  { name: 'motag, 2 workers', args: motag(2) },
];

try {
  const rows = [];
  for (const { chars, records: base } of LENGTHS) {
    const records = Math.max(10, Math.round(base * scale));
    const input = join(dir, `export-${chars}.csv`);
    const one = join(dir, `one-${chars}.csv`);
    const gen = (n, out) => spawnSync(process.execPath, [join(root, 'scripts', 'generate-batch.mjs'), '--records', String(n), '--chars', String(chars), '--out', out], { stdio: 'ignore' });
    gen(records, input);
    gen(1, one);
    const out = join(dir, 'out.csv');
    const measured = SYSTEMS.map((s) => {
      const startup = run(s.args(one, out));
      const full = run(s.args(input, out));
      const cpu = Math.max(1e-3, full.cpu - startup.cpu);
      return { ...s, full, startup, perCore: records / cpu };
    });
    const [, regex, one1, two] = measured;
    const speedUp = (one1.full.wall - one1.startup.wall) / (two.full.wall - two.startup.wall);
    for (const m of measured) {
      rows.push(
        `| ${chars} | ${records} | ${m.name} | ${Math.round(m.perCore)} | ${((1e6 * (m.full.cpu - m.startup.cpu)) / (records * chars)).toFixed(3)} | ${m.full.wall.toFixed(2)} | ${m.startup.cpu.toFixed(2)} | ${Math.round(m.full.rss)} |`,
      );
    }
    rows.push(`| ${chars} | | motag 1 worker / regex pass CPU; 2 workers / 1 worker wall speed-up | ${(regex.perCore / one1.perCore).toFixed(2)}x slower; ${speedUp.toFixed(2)}x | | | | |`);
  }
  console.log('| chars | records | system | records/s per core | CPU µs per char | wall s | start-up CPU s | peak RSS MB |');
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
