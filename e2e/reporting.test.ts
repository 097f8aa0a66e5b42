import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/server/lib/clock.js';
import { buildMember, buildUser, type TestUser } from '../src/server/test/factories.js';
import { buildIndicator, buildPeriod } from '../src/server/test/progress-factories.js';
import type { Language } from '../src/shared/i18n.js';
import type { Indicator, Report } from '../src/shared/progress.js';
import arReporting from '../src/web/locales/ar/reporting.json' with { type: 'json' };
import enReporting from '../src/web/locales/en/reporting.json' with { type: 'json' };
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';
import { fill } from './support/catalogs.js';

// A month of reporting through the pages, in English and in Arabic: a focal point enters figures
// and submits; the secretariat returns one value with a reason; the focal point corrects it and
// submits again; the secretariat approves; a locked period refuses changes. The app's clock is
// fixed (and the browser's set to it).

const NOW = '2030-06-10T09:00:00Z';
const R = { en: enReporting, ar: arReporting } as const;
let app: RunningApp;
let browser: Browser;
let strikes: Indicator;
let revenue: Indicator;
const LOCKED = '2030-04';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: fixedClock(NOW) }), launchBrowser()]);
  strikes = await buildIndicator(app.ctx, { names: { en: 'Air strikes', fr: 'Frappes', ar: 'الضربات الجوية' } });
  revenue = await buildIndicator(app.ctx, {
    lineOfEffort: strikes.lineOfEffort,
    names: { en: 'ISIS revenue', fr: 'Revenus', ar: 'إيرادات داعش' },
    unit: 'USD',
    categories: [
      { key: 'oil_sales', names: { en: 'Oil sales', ar: 'مبيعات النفط' } },
      { key: 'ransom', names: { en: 'Ransom', ar: 'الفدية' } },
    ],
  });
  await buildPeriod(app.ctx, { period: LOCKED, closesOn: '2030-05-15' });
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function userIn(language: Language, role: 'focal_point' | 'secretariat', member?: string): Promise<TestUser> {
  const user = await buildUser(app.ctx, { role, ...(member ? { member } : {}) });
  const res = await app.ctx.app.inject({
    method: 'PUT',
    url: '/api/v1/auth/me/language',
    headers: { cookie: user.cookie },
    payload: { language },
  });
  expect(res.statusCode).toBe(204);
  return user;
}

async function withPage(user: TestUser, run: (p: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, { width: 1280, height: 1000 });
  await watched.context.clock.setFixedTime(NOW);
  const at = user.cookie.indexOf('=');
  await watched.context.addCookies([
    { name: user.cookie.slice(0, at), value: user.cookie.slice(at + 1), url: app.baseUrl },
  ]);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

async function readReport(period: string, member: string, user: TestUser): Promise<Report> {
  const res = await app.ctx.app.inject({
    url: `/api/v1/reports/${period}/${member}`,
    headers: { cookie: user.cookie },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function inLanguage(page: Page, language: Language): Promise<void> {
  await page.waitForFunction((dir) => document.documentElement.dir === dir, language === 'ar' ? 'rtl' : 'ltr');
}

const PERIODS = { en: '2030-05', ar: '2030-06' } as const;

describe.each(['en', 'ar'] as const)('a month of reporting, in %s', (language) => {
  const t = R[language];
  const name = (i: Indicator) => i.names[language] ?? i.names.en;
  const cat = (i: Indicator, key: string) => {
    const c = i.categories.find((x) => x.key === key)?.names;
    return `${name(i)} — ${c?.[language] ?? c?.en}`;
  };

  it('is entered, returned, corrected, approved; a locked period refuses changes', async () => {
    const period = PERIODS[language];
    await buildPeriod(app.ctx, { period, closesOn: '2030-07-10' });
    const member = (await buildMember(app.ctx)).code;
    const focal = await userIn(language, 'focal_point', member);
    const secretariat = await userIn(language, 'secretariat');

    // The focal point enters three figures and submits.
    await withPage(focal, async ({ page }) => {
      await page.goto('/reports');
      await inLanguage(page, language);
      await page.getByRole('link', { name: period }).first().click();
      await page.waitForURL(`**/reports/${period}/${member}`);
      await page.getByLabel(name(strikes), { exact: true }).fill('40');
      await page.getByLabel(cat(revenue, 'oil_sales'), { exact: true }).fill('1200');
      await page.getByLabel(cat(revenue, 'ransom'), { exact: true }).fill('5');
      await page.getByRole('button', { name: t.report.save }).click();
      await expect.poll(async () => (await readReport(period, member, focal)).values.length).toBe(3);
      await page.getByRole('button', { name: t.report.submit }).click();
      await expect.poll(async () => (await readReport(period, member, focal)).status).toBe('submitted');
      await page
        .getByRole('alert')
        .or(page.getByRole('status'))
        .filter({ hasText: t.report.underReviewTitle })
        .waitFor();
      await screenshot(page, `reporting-${language}-1-submitted`, { fullPage: true });
    });

    // The secretariat finds it in the queue and returns the ransom figure with a reason.
    await withPage(secretariat, async ({ page }) => {
      await page.goto('/secretariat/reports');
      await inLanguage(page, language);
      await page.getByLabel(t.field.period).selectOption(period);
      const memberName = (await readReport(period, member, focal)).member.names[language];
      await page.getByRole('link', { name: memberName }).click();
      await page.waitForURL(`**/secretariat/reports/${period}/${member}`);
      await page
        .getByLabel(t.review.reason)
        .fill(language === 'ar' ? 'الرقم منخفض جدًا' : 'The ransom figure looks too low');
      const row = page.getByRole('row').filter({ has: page.getByLabel(cat(revenue, 'ransom'), { exact: true }) });
      await row.getByRole('button', { name: t.review.return }).click();
      await expect.poll(async () => (await readReport(period, member, focal)).status).toBe('returned');
      await screenshot(page, `reporting-${language}-2-returned`, { fullPage: true });
    });

    // The focal point sees why, corrects it and submits again.
    await withPage(focal, async ({ page }) => {
      await page.goto(`/reports/${period}/${member}`);
      await inLanguage(page, language);
      await page.getByRole('alert').filter({ hasText: t.report.returnedTitle }).waitFor();
      await screenshot(page, `reporting-${language}-3-back-with-member`, { fullPage: true });
      await page.getByLabel(cat(revenue, 'ransom'), { exact: true }).fill('55');
      await page.getByRole('button', { name: t.report.save }).click();
      await expect
        .poll(async () => (await readReport(period, member, focal)).values.find((v) => v.category === 'ransom')?.value)
        .toBe(55);
      await page.getByRole('button', { name: t.report.submit }).click();
      await expect.poll(async () => (await readReport(period, member, focal)).status).toBe('submitted');
    });

    // The secretariat approves everything: the figures count.
    await withPage(secretariat, async ({ page }) => {
      await page.goto(`/secretariat/reports/${period}/${member}`);
      await inLanguage(page, language);
      await page.getByRole('button', { name: t.review.approveAll }).click();
      await expect.poll(async () => (await readReport(period, member, focal)).status).toBe('approved');
      await screenshot(page, `reporting-${language}-4-approved`, { fullPage: true });
      // The secretariat's other reporting pages, as they stand now.
      for (const [path, title] of [
        ['/secretariat/reports', t.queue.title],
        ['/secretariat/periods', t.periods.title],
        ['/secretariat/indicators', t.indicators.title],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await screenshot(page, `reporting-${language}-secretariat${path.replaceAll('/', '-')}`, { fullPage: true });
      }
    });
    const approved = await readReport(period, member, focal);
    expect(approved.values.map((v) => v.approvedValue).sort()).toEqual([1200, 40, 55].sort());

    // A locked period: read-only, and why.
    await withPage(focal, async ({ page }) => {
      await page.goto(`/reports/${LOCKED}/${member}`);
      await inLanguage(page, language);
      await page.getByText(t.report.lockedTitle).waitFor();
      expect(await page.getByRole('button', { name: t.report.save }).count()).toBe(0);
      expect(await page.getByLabel(name(strikes), { exact: true }).getAttribute('readonly')).not.toBeNull();
      await screenshot(page, `reporting-${language}-5-locked`, { fullPage: true });
    });
    // And the API refuses the member's write with 409 whatever the page shows.
    const res = await app.ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/reports/${LOCKED}/${member}`,
      headers: { cookie: focal.cookie, 'if-match': '"0"' },
      payload: { values: [{ indicator: strikes.key, value: 1 }] },
    });
    expect(res.statusCode).toBe(409);
    expect(fill(t.report.lockedText, { date: 'x' })).toContain('x');
  });
});
