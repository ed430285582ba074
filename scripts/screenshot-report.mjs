#!/usr/bin/env node
// Renders a sample report in headless Chromium (Debian's /usr/bin/chromium)
// and saves a screenshot: npm run report:screenshot [-- --out report.png]
// Builds two periods of generated exports, tags them, writes the report with
// monthly series, ward table and year-on-year change, then screenshots it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--out');
const png = resolve(i > 0 ? process.argv[i + 1] : 'report.png');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`no Chromium at ${chromium}: apt-get install chromium, or set CHROMIUM`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'motag-report-'));
const node = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
};
for (const [year, seed, n] of [['2025', 3, 6000], ['2024', 4, 5000]]) {
  node([join(root, 'scripts', 'generate-batch.mjs'), '--records', String(n), '--out', join(dir, `${year}.csv`), '--seed', String(seed), '--year', year]);
  node([join(root, 'bin', 'motag.js'), 'tag', '--in', join(dir, `${year}.csv`), '--out', join(dir, `${year}.tagged.csv`), '--text-field', 'MO_text', '--id-field', 'crime_ref', '--no-progress']);
}
const html = join(dir, 'report.html');
node([join(root, 'bin', 'motag.js'), 'report', '--in', join(dir, '2025.tagged.csv'), '--compare', join(dir, '2024.tagged.csv'), '--date-field', 'date', '--group-field', 'ward', '--title', 'Violence without injury, 2025 (generated sample)', '--out', html]);
const shot = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--window-size=1200,2600', `--screenshot=${png}`, `file://${html}`], { encoding: 'utf8' });
if (!existsSync(png) || statSync(png).size === 0) {
  console.error(`Chromium did not write a screenshot: ${shot.stderr}`);
  process.exit(1);
}
console.log(`report ${html}\nscreenshot ${png} (${statSync(png).size} bytes)`);
