import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp } from './support/browser.js';
import { ar, en } from './support/catalogs.js';

// Moving between pages with the app's declarative router (src/web/app/router.tsx): where a page
// is scrolled to (app/ScrollRestoration.tsx) and what a reader sees when a page cannot render
// (components/RouteError.tsx), the two parts of react-router's data router the app had used.

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

describe('scroll position', () => {
  it('a new page starts at its top, and back returns to where the reader was', async () => {
    const { context, page, watcher } = await openPage(browser, app.baseUrl, { width: 390, height: 844 });
    try {
      await page.goto('/members');
      const last = page.locator('main table a').last();
      await last.waitFor();
      const name = (await last.textContent()) ?? '';
      // In the middle of the screen, so that the click needs no scrolling of its own.
      await last.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      const left = await scrollY(page);
      expect(left).toBeGreaterThan(1000);
      // Scroll events are asynchronous: let the last one be remembered.
      await page.waitForTimeout(100);

      await page.locator('main table a').last().click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect(await scrollY(page)).toBe(0);

      await page.goBack();
      await page.locator('main table a').last().waitFor();
      await expect.poll(() => scrollY(page)).toBe(left);

      await page.goForward();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await expect.poll(() => scrollY(page)).toBe(0);
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.each(['en', 'ar'] as const)('a page that cannot render, in %s', (language) => {
  const text = { en, ar }[language];

  it('shows what went wrong in place of the app, and the reader can go back', async () => {
    const { context, page } = await openPage(browser, app.baseUrl, { width: 390, height: 844 });
    try {
      await page.goto(`/members?lang=${language}`);
      const link = page.locator('main table a').first();
      await link.waitFor();
      // A member's page whose chunk cannot load: a new release replaced it, or the network failed.
      await page.route(/\/assets\/Member\.page-[\w-]{8}\.js$/, (route) => route.abort());
      await link.click();

      await page.getByRole('heading', { level: 1, name: text.common.routeError.title }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      const home = /<home>(.*)<\/home>/.exec(text.common.routeError.ways)?.[1] ?? '';
      expect(await page.getByRole('link', { name: home }).getAttribute('href')).toBe('/');
      expect(await page.locator('header.site-header').count()).toBe(0);
      await screenshot(page, `navigation-route-error-${language}`);

      // Another page (back, here) renders again: the failure belonged to the one page.
      await page.goBack();
      await page.locator('main table a').first().waitFor();
      expect(await page.getByRole('heading', { level: 1, name: text.common.routeError.title }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
