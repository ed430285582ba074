#!/usr/bin/env node
// Where batch tagging spends its time: npm run profile:batch [-- --records N]
// Tags a generated export in one thread under the V8 CPU profiler and prints
// the share of CPU time per pipeline stage (by source file of the function
// that was running), so speed work goes where the time is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--records');
const records = i > 0 ? Number(process.argv[i + 1]) : 100_000;
const dir = mkdtempSync(join(tmpdir(), 'motag-profile-'));
try {
  const input = join(dir, 'export.csv');
  spawnSync(process.execPath, [join(root, 'scripts', 'generate-batch.mjs'), '--records', String(records), '--out', input], { stdio: 'ignore' });
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(root, 'bin', 'motag.js'), 'tag', '--in', input, '--out', join(dir, 'out.csv'), '--text-field', 'MO_text', '--id-field', 'crime_ref', '--workers', '1', '--no-progress'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stage = (url, fn) => {
    if (!url) return fn === '(garbage collector)' ? 'garbage collection' : fn === '(idle)' ? 'idle (waiting for I/O)' : 'V8 and Node internals';
    const m = /\/dist\/([^/]+)\/([^/.]+)\.js$/.exec(url);
    if (m) return `motag ${m[1]}/${m[2]}`;
    if (url.includes('csv-parse')) return 'CSV parsing (csv-parse)';
    if (url.includes('csv-stringify')) return 'CSV writing (csv-stringify)';
    if (url.includes('iconv-lite')) return 'decoding (iconv-lite)';
    if (url.startsWith('node:')) return 'Node streams and I/O';
    return 'other libraries';
  };
  const counts = new Map();
  for (const s of profile.samples) {
    const n = byId.get(s);
    const k = stage(n.callFrame.url, n.callFrame.functionName);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const total = profile.samples.length;
  console.log(`CPU profile of motag tag, ${records} generated records, one thread (${r.stderr.match(/(\d+) records\/s/)?.[1]} records/s)\n`);
  console.log('| stage | share of CPU |');
  console.log('|---|---:|');
  for (const [k, v] of [...counts.entries()].sort((a, b) => b[1] - a[1])) if (v / total >= 0.005) console.log(`| ${k} | ${((100 * v) / total).toFixed(1)}% |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
