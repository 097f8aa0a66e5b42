import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDataCatalog } from '../src/shared/open-data.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp } from './support/browser.js';
import { en } from './support/catalogs.js';

// A journalist on a phone (390×844), signed out: from the home page to the latest adopted
// statement, its citation, then the members and their list as a CSV file.

let app: RunningApp;
let browser: Browser;
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

describe('a journalist on a phone', () => {
  it('home → the latest adopted statement → cite it → the members → their CSV', async () => {
    const { context, page, watcher } = await openPage(browser, app.baseUrl, PHONE);
    try {
      await page.goto('/');
      const latest = page.getByRole('region', { name: en.home.statements.title });
      const first = latest.getByRole('link').first();
      await first.waitFor();
      // Nothing wider than the phone: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'journalist-phone-home', { fullPage: true });

      const title = (await first.textContent()) ?? '';
      await first.click();
      await page.waitForURL('**/statements/*');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('.statement-paragraph').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

      const cite = page.getByTestId('cite-this');
      await cite.scrollIntoViewIfNeeded();
      await cite.click();
      await screenshot(page, 'journalist-phone-cite');

      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('link', { name: en.home.map.all }).click();
      await page.waitForURL('**/members');
      await page.getByRole('heading', { level: 1, name: en.members.list.title }).waitFor();

      const csv = page.getByRole('link', { name: 'Download CSV' });
      await csv.scrollIntoViewIfNeeded();
      await screenshot(page, 'journalist-phone-members');
      const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
      expect(new URL(download.url()).pathname).toBe('/api/v1/open-data/members.csv');
      const file = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
      const catalog: OpenDataCatalog = (await app.ctx.app.inject({ url: '/api/v1/open-data' })).json();
      const members = catalog.datasets.find((d) => d.name === 'members');
      expect(file.split(/\r?\n/)[0]).toBe(members?.columns.map((c) => c.name).join(','));
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
