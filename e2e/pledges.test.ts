import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/server/lib/clock.js';
import { buildUser, type TestUser } from '../src/server/test/factories.js';
import type { Language } from '../src/shared/i18n.js';
import arPledges from '../src/web/locales/ar/pledges.json' with { type: 'json' };
import enPledges from '../src/web/locales/en/pledges.json' with { type: 'json' };
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';
import { fill, TEXTS } from './support/catalogs.js';

// A pledge from promise to payment, through the pages, in English then in Arabic: the secretariat
// imports FX rates (a file with bad lines first: refused line by line, nothing imported), records
// a financial pledge, commits it, disburses it in two parts, and reads the totals in US dollars;
// a pledge whose value date has no rate is said to be left out, not converted at another day's.

const PLEDGES = { en: enPledges, ar: arPledges } as const;

interface Pass {
  language: 'en' | 'ar';
  member: string;
  /** The pledge's value date, with a rate (a day the demo's own FX rates leave free); and a day without one, for the second pledge. */
  valueDate: string;
  noRateDay: string;
  rate: string;
}

const PASSES: Pass[] = [
  { language: 'en', member: 'CAN', valueDate: '2015-03-30', noRateDay: '2015-04-02', rate: '1.0759' },
  { language: 'ar', member: 'AUS', valueDate: '2015-06-29', noRateDay: '2015-07-02', rate: '1.1189' },
];

let app: RunningApp;
let browser: Browser;
const secretariats: Partial<Record<Language, TestUser>> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: fixedClock('2030-06-10T09:00:00Z') }), launchBrowser()]);
  for (const { language } of PASSES) {
    const user = await buildUser(app.ctx, { role: 'secretariat', name: `Secretariat ${language}` });
    const res = await app.ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/language',
      headers: { cookie: user.cookie },
      payload: { language },
    });
    expect(res.statusCode).toBe(204);
    secretariats[language] = user;
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(user: TestUser, run: (p: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, app.baseUrl);
  const [name, value] = user.cookie.split('=') as [string, string];
  await watched.context.addCookies([{ name, value, url: app.baseUrl }]);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const label = (scope: Page | Locator, text: string) => scope.getByLabel(new RegExp(`^${escapeRegExp(text)}( \\*)?$`));

/** Chooses in a searchable Mantine Select: types, then clicks the option whose name matches. */
async function choose(page: Page, field: Locator, typed: string, option: RegExp): Promise<void> {
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function closeToasts(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root button')) b.click();
  });
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0);
}

describe.each(PASSES)('a pledge from promise to payment, in $language', (pass) => {
  const { language } = pass;
  const t = PLEDGES[language];
  const common = TEXTS[language].common;
  let pledgeUrl = '';

  it('(1) the secretariat imports FX rates: bad lines are shown line by line, then a good file is imported', async () => {
    await withPage(secretariats[language] as TestUser, async ({ page, watcher }) => {
      await page.goto('/secretariat/fx-rates');
      await page.waitForFunction((dir) => document.documentElement.dir === dir, language === 'ar' ? 'rtl' : 'ltr');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t.fx.title);
      watcher.expect(400, 'POST', /^\/api\/v1\/fx-rates\/import$/);
      const bad = `date,currency,usd_per_unit\n${pass.valueDate},EUR,${pass.rate}\n2015-02-30,EUR,1.1\n${pass.valueDate},XYZ,1\n`;
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.getByRole('button', { name: t.fx.submit, exact: true }).click();
      const lines = page.getByTestId('bad-lines');
      await lines.waitFor();
      const rows = await lines.locator('tbody tr').allTextContents();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain('3');
      expect(rows[1]).toContain('XYZ');
      await screenshot(page, `pledges-${language}-fx-bad-lines`, { fullPage: true });
      // Nothing was imported: the table says there are no rates of that day yet.
      const good = `date,currency,usd_per_unit\n${pass.valueDate},EUR,${pass.rate}\n${pass.valueDate},GBP,1.4846\n`;
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await page.getByRole('button', { name: t.fx.submit, exact: true }).click();
      await page.getByText(fill(t.fx.imported, { imported: 2, replaced: 0 })).waitFor();
      await expect.poll(() => page.getByTestId('fx-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
      await closeToasts(page);
      await screenshot(page, `pledges-${language}-fx-rates`, { fullPage: true });
    });
  });

  it('(2) records a financial pledge, commits it and disburses it in two parts', async () => {
    await withPage(secretariats[language] as TestUser, async ({ page }) => {
      await page.goto('/pledges');
      await page.getByRole('link', { name: t.list.new, exact: true }).click();
      await page.waitForURL(/\/pledges\/new$/);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t.form.title);
      const form = page.locator('main form');
      await choose(page, label(form, t.form.member), pass.member, new RegExp(`\\(${pass.member}\\)`));
      const line = label(form, t.form.lineOfEffort);
      if ((await line.evaluate((el) => el.tagName)) === 'SELECT') await line.selectOption('LOE3-finance');
      else await line.fill('LOE3-finance');
      await label(form, t.form.amount).fill('1,000,000.00');
      await choose(page, label(form, t.form.currency), 'EUR', /^EUR · /);
      await label(form, t.form.valueDate).fill(pass.valueDate);
      await label(form, t.form.note).fill('Conference pledge');
      await screenshot(page, `pledges-${language}-new-pledge`, { fullPage: true });
      await form.getByRole('button', { name: t.form.submit, exact: true }).click();
      await page.waitForURL(/\/pledges\/[0-9a-f-]{36}$/);
      pledgeUrl = new URL(page.url()).pathname;
      await page.getByText(t.pledge.timeline, { exact: true }).first().waitFor();

      const event = page.locator('form[aria-labelledby="event-heading"]');
      const record = async (status: 'committed' | 'disbursed', on: string, amount?: string) => {
        await label(event, t.event.status).selectOption(status);
        await label(event, t.event.on).fill(on);
        if (amount) await label(event, fill(t.event.amount, { currency: 'EUR' })).fill(amount);
        await event.getByRole('button', { name: t.event.submit[status], exact: true }).click();
        await page.getByText(t.event.done[status]).last().waitFor();
        await closeToasts(page);
      };
      await record('committed', '2015-08-01');
      await record('disbursed', '2015-09-01', '400000');
      await screenshot(page, `pledges-${language}-partly-disbursed`, { fullPage: true });
      await record('disbursed', '2015-10-01', '600000');
      await expect.poll(() => page.locator('[data-event]').count()).toBe(3);
      await expect.poll(() => page.getByTestId('disbursed').textContent()).toMatch(/1[,\s\u202f]?000[,\s\u202f]?000/);
      // Fully disbursed: nothing more to record.
      await expect.poll(() => page.locator('form[aria-labelledby="event-heading"]').count()).toBe(0);
      await screenshot(page, `pledges-${language}-timeline`, { fullPage: true });
    });
  });

  it('(3) reads the totals in US dollars, and is told of the rate that is missing', async () => {
    const cookie = (secretariats[language] as TestUser).cookie;
    // A second pledge valued on a day the FX table lacks.
    const res = await app.ctx.app.inject({
      method: 'POST',
      url: '/api/v1/pledges',
      headers: { cookie },
      payload: {
        memberCode: pass.member,
        lineOfEffort: 'LOE4-humanitarian',
        kind: 'financial',
        amountMinor: 50_000_000,
        currency: 'GBP',
        valueDate: pass.noRateDay,
      },
    });
    expect(res.statusCode).toBe(201);
    await withPage(secretariats[language] as TestUser, async ({ page }) => {
      await page.goto(`/pledges?member=${pass.member}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t.title);
      const table = page.getByTestId('totals-table');
      await table.waitFor();
      const missing = page.getByRole('status').filter({ hasText: t.totals.missingText });
      await missing.waitFor();
      expect(await missing.textContent()).toContain('GBP');
      // 1,000,000.00 EUR at the value date's rate, committed and disbursed alike.
      const usd = new Intl.NumberFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
        style: 'currency',
        currency: 'USD',
      });
      const expected = usd.format(1_000_000 * Number(pass.rate));
      const row = (await table.locator('tbody tr').allTextContents()).find((r) => r.includes(expected));
      expect(row, `a row with ${expected}`).toBeDefined();
      expect(await page.locator('a[href^="/pledges/"]').count()).toBeGreaterThanOrEqual(2);
      expect(await page.getByRole('link', { name: common.nav.pledges }).count()).toBeGreaterThan(0);
      await screenshot(page, `pledges-${language}-totals`, { fullPage: true });
      await page.locator('label', { hasText: t.totals.byLine }).click();
      await expect
        .poll(async () => (await table.locator('tbody tr').allTextContents()).join('|'))
        .toContain('LOE3-finance');
      await screenshot(page, `pledges-${language}-totals-by-line`, { fullPage: true });
      expect(pledgeUrl).not.toBe('');
    });
  });
});
