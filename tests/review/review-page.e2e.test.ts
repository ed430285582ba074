import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFeedback, mergeIntoCorpus } from '../../src/review/feedback.js';
import { reviewsOf } from '../../src/review/reviews.js';
import { appFor, PASSWORD, reviewFixture } from './fixture.js';

/*
 * End to end in Debian's Chromium: sign in on the page, correct one tag with
 * its key, save with Enter, and find the review in the database and the
 * corrected label in the records `motag corpus import-reviews` would add.
 * .ci/run installs Chromium; where it is missing outside CI this test is
 * skipped with a message rather than failed (CI sets MOTAG_REQUIRE_BROWSER).
 */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.MOTAG_REQUIRE_BROWSER) throw new Error(`no Chromium at ${CHROMIUM}, and MOTAG_REQUIRE_BROWSER is set`);
if (!haveBrowser) console.warn(`review page browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.runIf(haveBrowser)('the review page in a browser', () => {
  const fx = reviewFixture();
  let server: Server;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    server = appFor(fx.db).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('signs in, corrects a tag with one key, saves, and the review reaches the corpus import', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/review?queue=audit&tag=alcohol`);
    expect(new URL(page.url()).pathname).toBe('/review/login');

    await page.fill('#username', 'alice');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('#record:not([hidden])');
    await page.waitForSelector('#tags tbody tr');

    // The first record of the alcohol audit queue: the tagger said alcohol.
    const recordLine = await page.textContent('#record-id');
    const recordId = /record (\S+)/.exec(recordLine ?? '')![1]!;
    expect(await page.locator('#tags tr[data-tag=alcohol] td.yes').count()).toBeGreaterThan(0);
    expect(await page.locator('#text mark.ev').count()).toBeGreaterThan(0);
    expect(await page.textContent('#progress')).toMatch(/^0 of \d+ reviewed by you/);

    // "1" is alcohol's key: correct it to no. Then a comment, then Enter saves.
    await page.keyboard.press('1');
    expect(await page.textContent('button.label[data-tag=alcohol]')).toBe('no (corrected)');
    await page.keyboard.press('c');
    await page.keyboard.type('drink mentioned but not part of this incident');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /saved review \d+/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.textContent('#progress')).toMatch(/^1 of \d+ reviewed by you/);
    await page.screenshot({ path: join(fx.dir, 'review-page.png'), fullPage: true });

    // Stored, with the reviewer, the tagger's call and the correction.
    const key = (fx.db.prepare('SELECT id FROM records WHERE record_id = ?').get(recordId) as { id: number }).id;
    const [review] = reviewsOf(fx.db, key);
    expect(review?.reviewer).toBe('alice');
    expect(review?.decisions.alcohol).toEqual({ given: 1, label: 0 });
    expect(review?.comment).toBe('drink mentioned but not part of this incident');

    // And it flows back: the corrected label is what the corpus would get.
    const report = collectFeedback(fx.db, { minReviewers: 1 });
    const { added } = mergeIntoCorpus([], report);
    const record = added.find((r) => r.id === `rv${fx.runId}-${recordId}`);
    expect(record?.labels.alcohol).toBe(0);
    expect(record?.source).toBe('review:test-export');
    expect(report.perTag.alcohol.falsePositives).toBe(1);
  });
});
