import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../src/shared/i18n.js';
import arSearch from '../src/web/locales/ar/search.json' with { type: 'json' };
import enSearch from '../src/web/locales/en/search.json' with { type: 'json' };
import {
  holdChunk,
  launchBrowser,
  openPage,
  type RunningApp,
  screenshot,
  startApp,
  type WatchedPage,
} from './support/browser.js';
import { TEXTS } from './support/catalogs.js';

const SEARCH = { en: enSearch, ar: arSearch };

// Search, signed out: the header's button opens the field, the results page finds the Brussels
// ministerial by its French city and Iraq by its Arabic name written with tashkeel, marks the
// words found, says when nothing is found; English and Arabic, a phone, axe.

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(
  run: (p: WatchedPage) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, viewport);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

/** Opens the header's search, types `q` and sends it. */
async function searchFromHeader(page: Page, language: Language, q: string) {
  const texts = TEXTS[language].common.search;
  await page.getByRole('banner').getByRole('button', { name: texts.open }).click();
  const field = page.getByRole('searchbox', { name: texts.label });
  await field.fill(q);
  await field.press('Enter');
  await page.waitForURL(`**/search?q=${encodeURIComponent(q)}`);
}

async function noBlockingViolation(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

describe('search', () => {
  it.each(['en', 'ar'] as Language[])(
    'in %s: "Bruxelles" finds the Brussels ministerial, "الْعِرَاق" Iraq',
    async (language) => {
      await withPage(async ({ page }) => {
        await page.goto(`/?lang=${language}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await searchFromHeader(page, language, 'Bruxelles');
        const texts = SEARCH[language as 'en' | 'ar'];
        await page.getByRole('heading', { name: texts.title, level: 1 }).waitFor();
        // The joint statement's French title says "Bruxelles" (a title ranks first); then the meeting, by its city.
        const meeting = page
          .locator('ol.search-hits > li')
          .filter({ has: page.getByText(texts.kind.meeting, { exact: true }) })
          .filter({ hasText: 'ministerial' })
          .first();
        await meeting.waitFor();
        expect(await meeting.locator('mark').first().textContent()).toBe('Bruxelles');
        await screenshot(page, `search-${language}-bruxelles`);
        await noBlockingViolation(page, `${language} results`);
        await meeting.getByRole('link').click();
        await page.waitForURL('**/meetings/*');
        await page.getByRole('heading', { level: 1, name: /Brussels/ }).waitFor();

        // From the results page's own field: Iraq written with its vowels.
        await page.goto(`/search?q=${encodeURIComponent('الْعِرَاق')}&lang=${language}`);
        const iraq = page.locator('ol.search-hits > li').first();
        await iraq.waitFor();
        expect(await iraq.getByRole('link').getAttribute('href')).toBe('/members/IRQ');
        expect(await iraq.getByText(texts.kind.member, { exact: true }).count()).toBe(1);
        await screenshot(page, `search-${language}-iraq`);

        const field = page.getByRole('main').getByRole('searchbox', { name: texts.label });
        await field.fill('Zzyzx-nowhere');
        await field.press('Enter');
        await page.waitForURL('**/search?q=Zzyzx-nowhere');
        await page.getByText(texts.none.replace('{{q}}', 'Zzyzx-nowhere')).waitFor();
        await screenshot(page, `search-${language}-none`);
        await noBlockingViolation(page, `${language} no results`);
      });
    },
  );

  it("the search's code loads only when reached for; a tap before it has come opens the field once it has", async () => {
    await withPage(
      async ({ page }) => {
        // The search's code held back, as on a slow network: the button in its place is tapped meanwhile.
        const search = await holdChunk(page, /\/HeaderSearch-[\w-]+\.js$/);
        await page.goto('/?lang=en');
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        // A visit that never searches never runs the search's code.
        expect(search.asked()).toBe(false);
        const field = page.getByRole('searchbox', { name: TEXTS.en.common.search.label });
        await page.getByRole('banner').getByRole('button', { name: TEXTS.en.common.search.open }).click();
        await expect.poll(search.asked).toBe(true);
        expect(await field.count()).toBe(0);
        search.release();
        await field.fill('Bruxelles');
        await field.press('Enter');
        await page.waitForURL('**/search?q=Bruxelles');
        await page.locator('ol.search-hits > li').first().waitFor();
        await screenshot(page, 'search-tapped-early-en');
      },
      { width: 390, height: 844 },
    );
  });

  it('keeps the header on one line at 1280 px in French, and works on a phone', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/?lang=fr');
      await page.getByRole('heading', { level: 1 }).waitFor();
      const header = await page.getByRole('banner').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(61);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await page.getByRole('banner').getByRole('button', { name: TEXTS.fr.common.search.open }).click();
      await page.getByRole('searchbox', { name: TEXTS.fr.common.search.label }).waitFor();
      await screenshot(page, 'search-fr-header-open');
    });
    await withPage(
      async ({ page }) => {
        await page.goto('/?lang=ar');
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        // Every control of the header is within the screen.
        const signIn = await page
          .getByRole('banner')
          .getByRole('link', { name: TEXTS.ar.common.account.signIn })
          .boundingBox();
        expect(signIn?.x).toBeGreaterThanOrEqual(0);
        await searchFromHeader(page, 'ar', 'بروكسل');
        await page.locator('ol.search-hits > li').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, 'search-ar-phone');
      },
      { width: 390, height: 844 },
    );
  });
});
