#!/usr/bin/env node
// Renders a sample report in headless Chromium (Debian's /usr/bin/chromium)
// and saves a full-page screenshot to docs/report-sample.png, the picture the
// README shows: npm run report:screenshot [-- --out other.png] [-- --records N]
// Builds two periods of generated exports (N and 5/6 N records, so counts
// and rates move differently), tags them, writes the report with rates and
// intervals, monthly series, ward table and change in rate, then shoots it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwright } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const png = resolve(arg('--out', join(root, 'docs', 'report-sample.png')));
const records = Number(arg('--records', '6000'));
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
for (const [year, seed, n] of [['2025', 3, records], ['2024', 4, Math.round((records * 5) / 6)]]) {
  node([join(root, 'scripts', 'generate-batch.mjs'), '--records', String(n), '--out', join(dir, `${year}.csv`), '--seed', String(seed), '--year', year]);
  node([join(root, 'bin', 'motag.js'), 'tag', '--in', join(dir, `${year}.csv`), '--out', join(dir, `${year}.tagged.csv`), '--text-field', 'MO_text', '--id-field', 'crime_ref', '--no-progress']);
}
const html = join(dir, 'report.html');
node([join(root, 'bin', 'motag.js'), 'report', '--in', join(dir, '2025.tagged.csv'), '--compare', join(dir, '2024.tagged.csv'), '--date-field', 'date', '--group-field', 'ward', '--id-field', 'crime_ref', '--title', 'Violence without injury, 2025 (generated sample)', '--out', html]);

// The flags this machine's closed network needs (see the review page's browser test).
const browser = await playwright.launch({
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  await page.goto(`file://${html}`);
  await page.screenshot({ path: png, fullPage: true });
} finally {
  await browser.close();
}
if (!existsSync(png) || statSync(png).size === 0) {
  console.error('Chromium did not write a screenshot');
  process.exit(1);
}
console.log(`report ${html}\nscreenshot ${png} (${statSync(png).size} bytes)`);
