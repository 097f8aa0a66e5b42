import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import { buildSource } from '../src/server/test/source-factories.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// Sources and press: the public page in English and Arabic (right to left), the press filtered by
// a member in the address, the secretariat adding an article that then cites on the member's page,
// and an entry for the coalition only that the public never sees anywhere.

let app: RunningApp;
let browser: Browser;
let secretariat: TestUser;
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  secretariat = await signedInUser(app.ctx, 'secretariat');
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>, user?: TestUser): Promise<void> {
  const watched = await openPage(browser, app.baseUrl);
  if (user) {
    const [name, value] = user.cookie.split(';')[0].split('=');
    await watched.context.addCookies([{ name, value, url: app.baseUrl }]);
  }
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

async function expectNoBlockingViolation(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}

describe('sources and press', () => {
  it('shows the press and the register, each entry with its anchor; filters the press by member in the address', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/sources');
      await page.getByRole('heading', { name: 'Sources and press', level: 1 }).waitFor();
      expect(await page.title()).toBe('Sources and press · Entente');
      const press = page.getByRole('region', { name: 'In the press' });
      const register = page.getByRole('region', { name: 'Register of sources' });
      await press.locator('article').first().waitFor();
      await register.locator('article').first().waitFor();
      // A Reuters article is press; the State Department's joint statement is in the register.
      await press.getByRole('link', { name: /New global grouping meets to counter Islamic State finances/ }).waitFor();
      const joint = register.getByRole('link', { name: /^Joint Statement Issued by Partners/ });
      expect(await joint.getAttribute('rel')).toBe('noopener');
      expect(await joint.getAttribute('target')).toBe('_blank');
      await screenshot(page, 'sources-en', { fullPage: false });
      await expectNoBlockingViolation(page, 'sources en');

      const all = await press.locator('article').count();
      const filtered = page.waitForResponse(
        (r) => r.url().includes('/api/v1/sources?') && r.url().includes('member=TUN'),
      );
      await press.getByLabel('Member').selectOption('TUN');
      await page.waitForURL(/member=TUN/);
      expect((await (await filtered).json()).total).toBe(2);
      await expect.poll(() => press.locator('article').count()).toBeLessThan(all);
      await expect.poll(() => press.locator('article').count()).toBeGreaterThan(0);
      for (const text of await press.locator('article').allTextContents()) expect(text).toContain('Tunisia');
      await screenshot(page, 'sources-press-tun-en', { fullPage: false });
      // The filtered address, shared, opens filtered.
      await page.goto('/sources?member=TUN');
      await expect.poll(() => press.getByLabel('Member').inputValue()).toBe('TUN');
    });
  }, 240_000);

  it('reads right to left in Arabic', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/sources?lang=ar');
      await page.getByRole('heading', { name: 'المصادر والصحافة', level: 1 }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.getByRole('region', { name: 'في الصحافة' }).locator('article').first().waitFor();
      await screenshot(page, 'sources-ar', { fullPage: false });
      await expectNoBlockingViolation(page, 'sources ar');
    });
  }, 240_000);

  it('the secretariat adds a press article linked to a member; it cites on the member page', async () => {
    const title = `Coalition partners meet in Oslo ${randomUUID().slice(0, 8)}`;
    await withPage(async ({ page }) => {
      await page.goto('/secretariat');
      await page.getByRole('link', { name: 'Add a source' }).click();
      await page.waitForURL('**/secretariat/sources/new');
      await page.getByRole('heading', { name: 'Add a source', level: 1 }).waitFor();
      await page.getByLabel(/^Title/).fill(title);
      await page.getByLabel(/^Publisher or outlet/).fill('The Oslo Paper');
      await page.getByLabel(/^Date of publication/).fill('2015-02-01');
      await page.getByLabel(/^Address \(URL\)/).fill('https://news.example.org/oslo');
      await page.getByLabel(/^Excerpt in our own words/).fill('Norway describes its part in the coalition.');
      const members = page.getByLabel('Members it mentions').first();
      await members.click();
      await members.fill('Norw');
      await page.getByRole('option', { name: 'Norway (NOR)' }).click();
      await page.keyboard.press('Escape');
      await screenshot(page, 'sources-new-en', { fullPage: true });
      await expectNoBlockingViolation(page, 'new source en');
      await page.getByRole('button', { name: 'Add the source' }).click();
      await page.waitForURL(/\/sources#/);
      const id = new URL(page.url()).hash.slice(1);
      await page.locator(`article[id="${id}"]`).getByText(title).waitFor();

      await page.goto('/members/NOR');
      const citations = page.getByRole('region', { name: 'Sources' });
      await citations.getByRole('link', { name: title }).waitFor();
      expect(await citations.getByRole('link', { name: title }).getAttribute('href')).toBe(
        'https://news.example.org/oslo',
      );
      expect(await citations.locator(`a[href="/sources#${id}"]`).count()).toBe(1);
      await screenshot(page, 'sources-member-citations-en', { fullPage: true });
    }, secretariat);
  }, 240_000);

  it('never shows an entry for the coalition only to the public: not on the page, not in a citation', async () => {
    const leak = `Leak-${randomUUID()}`;
    await buildSource(app.ctx, { title: leak, visibility: 'coalition', links: [{ subject: 'member', key: 'TUN' }] });
    await withPage(async ({ page }) => {
      await page.goto('/sources?member=TUN');
      await page.getByRole('region', { name: 'In the press' }).locator('article').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.content()).not.toContain(leak);
      await page.goto('/members/TUN');
      await page.getByRole('region', { name: 'Sources' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.content()).not.toContain(leak);
    });
    // Signed in, the coalition sees it.
    await withPage(async ({ page }) => {
      await page.goto('/members/TUN');
      await page.getByRole('region', { name: 'Sources' }).getByText(leak).waitFor();
    }, secretariat);
  });
});
