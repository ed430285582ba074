import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

/*
 * npm run report:screenshot: two generated periods, tagged and reported, shot
 * in Debian's Chromium. Run small, to a temporary file (the default is
 * docs/report-sample.png, which this must not overwrite). Skipped with a
 * message where Chromium is missing, as the review page's browser test is.
 */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.MOTAG_REQUIRE_BROWSER) throw new Error(`no Chromium at ${CHROMIUM}, and MOTAG_REQUIRE_BROWSER is set`);
if (!haveBrowser) console.warn(`report screenshot test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.runIf(haveBrowser)('npm run report:screenshot', () => {
  it('renders a two-period report with rates, intervals and the change in rate, and saves a full-page PNG', () => {
    const png = join(mkdtempSync(join(tmpdir(), 'motag-shot-')), 'report.png');
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'screenshot-report.mjs'), '--records', '300', '--out', png], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A full page: taller than the 1,400 px window (IHDR height, big-endian at byte 20).
    expect(bytes.readUInt32BE(16)).toBe(1100);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(1400);
    const html = readFileSync(/^report (.+)$/m.exec(r.stdout)![1]!, 'utf8');
    expect(html).toContain('Rates per tag');
    expect(html).toMatch(/per 1,000/);
    expect(html).toMatch(/95%/);
    expect(html).toContain('Change from the earlier period');
  });
});
