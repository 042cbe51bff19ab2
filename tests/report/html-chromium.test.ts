import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.ts';
import { observeRun } from '../helpers/run.ts';
import { loadFixture, tempDir } from './helpers.ts';

/**
 * report.html in real headless Chromium (Debian's `chromium`, installed by .ci/run): it renders from disk, the
 * filters hide and show groups of findings, a group renders its instances when opened, nothing in the data executes, no network request is made; a screenshot is
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

    it('renders, filters groups, expands them, runs nothing from the data and makes no request', async () => {
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(fileUrl, { waitUntil: 'load' });

      expect(await page.title()).toBe('Intercom API conformance — mock — 2.10, 2.11');
      expect(await page.locator('table.matrix tbody tr').count()).toBe(9);
      expect(await page.locator('#verdict').textContent()).toBe(
        '2 violations, 1 known quirk, 1 error, 3 skips, 8 passes',
      );

      const groups = page.locator('details.group');
      const visible = () => groups.evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).length);
      const status = page.locator('#filter-status');
      expect(await groups.count()).toBe(7);
      await expect.poll(visible).toBe(7);
      expect(await status.textContent()).toBe('Showing 7 of 7 groups');

      await page.locator('#filter-classification input[value="known-quirk"]').uncheck();
      await expect.poll(visible).toBe(5);
      expect(await page.locator('details.group.known-quirk:visible').count()).toBe(0);
      expect(await status.textContent()).toBe('Showing 5 of 7 groups');

      await page.locator('#filter-operation input[value="listConversations"]').uncheck();
      await expect.poll(visible).toBe(3);
      await page.locator('#results summary').click();
      expect(await page.locator('tr.result[data-operation="listConversations"]:visible').count()).toBe(0);

      await page.locator('#filter-version input[value="2.11"]').uncheck();
      await expect.poll(visible).toBe(0);
      expect(await page.locator('tr.result:visible').count()).toBe(3);

      await page.getByRole('button', { name: 'Show all' }).click();
      await expect.poll(visible).toBe(7);
      expect(await status.textContent()).toBe('Showing 7 of 7 groups');

      await page.locator('#filter-classification input[value="violation"]').uncheck();
      await page.locator('#filter-classification input[value="conforms"]').uncheck();
      const quirkRows = await groups.evaluateAll((els) =>
        els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-classification')),
      );
      expect(quirkRows).toEqual(['known-quirk', 'known-quirk']);
      await page.getByRole('button', { name: 'Show all' }).click();
      await expect.poll(visible).toBe(7);

      // Instances are rendered when a group is opened, as text: the hostile value shows, none of it runs.
      const hostile = groups.filter({ hasText: 'window.__pwned = 1' });
      expect(await hostile.locator('tr.instance').count()).toBe(0);
      await hostile.locator('summary').click();
      // Instances are rendered by the toggle handler: wait for them, not for a time.
      await expect.poll(() => hostile.locator('tr.instance').count()).toBe(1);
      expect(await hostile.locator('tr.instance td').nth(3).textContent()).toContain(
        'onerror="window.__pwned = 2"',
      );
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(
        await page.locator('details.group img, details.group iframe, details.group script').count(),
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

    it('opens a documented 2.10 + 2.11 run light: verdict, matrix and every group in under 50,000 visible characters', async () => {
      const run = await observeRun({ apiVersions: ['2.10', '2.11'], scenario: 'documented' });
      const reports = join(dir, 'documented');
      const [html] = await writeReports(run.result, reports, { formats: ['html'] });
      const url = pathToFileURL(html!).href;
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(url, { waitUntil: 'load' });

      const findings = run.result.results.flatMap((r) => r.findings);
      expect(findings.length).toBeGreaterThan(2000);
      const visibleText = await page.evaluate(() => document.body.innerText.length);
      expect(visibleText).toBeLessThanOrEqual(50_000);
      expect(statSync(html!).size).toBeLessThan(1_500_000);

      // Every violation and known-quirk group is on the page, its summary visible without expanding.
      const groups = page.locator('details.group');
      const count = await groups.count();
      const keys = new Set(
        findings
          .filter((f) => f.classification !== 'conforms')
          .map(
            (f) =>
              `${f.classification} ${f.checkId} ${f.classification === 'known-quirk' ? f.quirk?.id : f.specPointer}`,
          ),
      );
      expect(count).toBeGreaterThanOrEqual(keys.size);
      expect(await page.locator('details.group > summary:visible').count()).toBe(count);
      expect(await page.locator('details.group[open]').count()).toBe(0);
      const counted = await groups.evaluateAll((els) =>
        els.reduce((n, e) => n + Number(e.querySelector('.instances')?.getAttribute('data-count')), 0),
      );
      expect(counted).toBe(findings.length);

      // The verdict, matrix and groups come first; the comparison is rendered.
      expect(await page.locator('#verdict').textContent()).toMatch(
        /^0 violations, \d+ known quirks, 0 errors, 0 skips, \d+ passes$/,
      );
      expect(await page.locator('table.matrix tbody tr').count()).toBe(14);
      expect(await page.locator('#comparison table.comparison tbody tr').count()).toBe(
        run.result.runtimeDiff!.length,
      );

      // Opening the largest group renders every one of its instances.
      const first = groups.first();
      const size = Number(await first.locator('.instances').getAttribute('data-count'));
      expect(size).toBeGreaterThan(100);
      await first.locator('summary').click();
      await expect.poll(() => first.locator('tr.instance').count()).toBe(size);
      await page.screenshot({ path: join(reports, 'first-screen.png') });
      expect(statSync(join(reports, 'first-screen.png')).size).toBeGreaterThan(20_000);

      // Operation ids in the results table stay on one line.
      await page.locator('#results summary').click();
      const wrapped = await page
        .locator('table.results code.id')
        .evaluateAll((els) => els.filter((e) => e.getClientRects().length !== 1).map((e) => e.textContent));
      expect(wrapped).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }, 120_000);
  });
}
