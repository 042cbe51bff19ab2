import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.ts';
import { loadFixture, tempDir } from './helpers.ts';

/**
 * report.html in real headless Chromium (Debian's `chromium`, installed by .ci/run): it renders from disk, the
 * filters hide and show findings, nothing in the data executes, no network request is made; a screenshot is
 * taken. Without /usr/bin/chromium the test fails in CI and is skipped locally.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!hasChromium && process.env.CI) {
  describe('report.html in Chromium', () => {
    it('needs Debian’s chromium', () => {
      throw new Error(`${CHROMIUM} is missing: .ci/run must install the Debian package "chromium"`);
    });
  });
} else {
  describe.skipIf(!hasChromium)('report.html in Chromium', () => {
    let context: BrowserContext;
    let dir: string;
    let fileUrl: string;
    const requests: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      dir = tempDir('chromium-');
      const [html] = await writeReports(loadFixture('hostile-markup.json'), join(dir, 'reports'), {
        formats: ['html'],
      });
      fileUrl = pathToFileURL(html!).href;
      context = await chromium.launchPersistentContext(join(dir, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: { width: 1280, height: 900 },
      });
      context.on('request', (request) => requests.push(request.url()));
      context.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
    });

    it('renders, filters, runs nothing from the data and makes no request', async () => {
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(fileUrl, { waitUntil: 'load' });

      expect(await page.title()).toBe('Intercom API conformance — mock — 2.10, 2.11');
      expect(await page.locator('table.matrix tbody tr').count()).toBe(9);
      expect(await page.locator('#verdict').textContent()).toBe(
        '4 violations in 3 operations · 3 known quirks · 5 spec defects',
      );

      const findings = page.locator('article.finding');
      const visible = () =>
        findings.evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).length);
      const status = page.locator('#filter-status');
      expect(await findings.count()).toBe(8);
      expect(await visible()).toBe(8);
      expect(await status.textContent()).toBe('Showing 8 of 8 findings');

      await page.locator('#filter-classification input[value="known-quirk"]').uncheck();
      expect(await visible()).toBe(5);
      expect(await page.locator('article.finding.known-quirk:visible').count()).toBe(0);
      expect(await status.textContent()).toBe('Showing 5 of 8 findings');

      await page.locator('#filter-operation input[value="listConversations"]').uncheck();
      expect(await visible()).toBe(3);
      expect(await page.locator('tr.result[data-operation="listConversations"]:visible').count()).toBe(0);

      await page.locator('#filter-version input[value="2.11"]').uncheck();
      expect(await visible()).toBe(0);
      expect(await page.locator('tr.result:visible').count()).toBe(3);

      await page.getByRole('button', { name: 'Show all' }).click();
      await expect.poll(visible).toBe(8);
      expect(await status.textContent()).toBe('Showing 8 of 8 findings');

      await page.locator('#filter-classification input[value="violation"]').uncheck();
      await page.locator('#filter-classification input[value="conforms"]').uncheck();
      const quirkRows = await findings.evaluateAll((els) =>
        els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-classification')),
      );
      expect(quirkRows).toEqual(['known-quirk', 'known-quirk', 'known-quirk']);
      await page.getByRole('button', { name: 'Show all' }).click();
      await expect.poll(visible).toBe(8);

      // The hostile finding is shown as text, and none of its markup ran.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('article.finding p.message', { hasText: 'window.__pwned = 1' }).count()).toBe(
        1,
      );
      expect(
        await page.locator('article.finding img, article.finding iframe, article.finding script').count(),
      ).toBe(0);

      const screenshot = join(dir, 'reports', 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      const png = readFileSync(screenshot);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(1280);
      expect(png.readUInt32BE(20)).toBeGreaterThan(900);
      expect(statSync(screenshot).size).toBeGreaterThan(20_000);

      expect(requests).toEqual([fileUrl]);
      expect(problems).toEqual([]);
      await page.close();
    }, 60_000);
  });
}
