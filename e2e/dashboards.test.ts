import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveValues, buildFiguresIndicator, type FactoryValue } from '../src/server/test/figures-factories.js';
import { buildLineOfEffort } from '../src/server/test/progress-factories.js';
import type { Member } from '../src/shared/members.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// The dashboards, signed out: an indicator's dashboard in English and in Arabic (right to left),
// its filters kept in the address, a figure followed to the approved values it came from, and a
// line of effort's dashboard. The figures are inserted by the figures factories (the demo seed
// has no indicators yet): air strikes by three members since August 2014, revenue by source.

let app: RunningApp;
let browser: Browser;
let strikesKey: string;
let revenueKey: string;
let lineKey: string;
const STRIKES_TOTAL = 3 * (10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20);

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const members: Member[] = (await app.ctx.app.inject({ url: '/api/v1/members' })).json().items;
  const [usa, fra, gbr] = ['USA', 'FRA', 'GBR'].map((code) => members.find((m) => m.code === code) as Member);
  const line = await buildLineOfEffort(app.ctx, {
    names: { en: 'Military support (test)', fr: 'Soutien militaire (essai)', ar: 'الدعم العسكري (اختبار)' },
  });
  lineKey = line.key;
  const strikes = await buildFiguresIndicator(app.ctx, {
    lineOfEffortId: line.id,
    names: { en: 'Coalition air strikes', fr: 'Frappes aériennes de la coalition', ar: 'الضربات الجوية للتحالف' },
    unit: 'strikes',
    unitTranslations: { fr: 'frappes', ar: 'غارات' },
    targets: [
      { period: '2014-12', value: 50 },
      { period: '2015-06', value: 60 },
    ],
  });
  strikesKey = strikes.key;
  const months = [
    '2014-08',
    '2014-09',
    '2014-10',
    '2014-11',
    '2014-12',
    '2015-01',
    '2015-02',
    '2015-03',
    '2015-04',
    '2015-05',
    '2015-06',
  ];
  await approveValues(
    app.ctx,
    strikes.id,
    [usa, fra, gbr].flatMap((member) =>
      months.map(
        (period, i): FactoryValue => ({
          memberId: member.id,
          period,
          value: 10 + i,
          note: `CENTCOM release, ${period}`,
        }),
      ),
    ),
  );
  const revenue = await buildFiguresIndicator(app.ctx, {
    lineOfEffortId: line.id,
    names: { en: 'ISIS revenue cut', fr: 'Revenus de l’EIIL coupés', ar: 'الإيرادات المقطوعة عن داعش' },
    unit: 'USD million',
    categories: ['oil_sales', 'extortion', 'ransom'],
    timeAggregation: 'flow',
  });
  revenueKey = revenue.key;
  await approveValues(
    app.ctx,
    revenue.id,
    [usa, gbr].flatMap((member, m) =>
      ['2015-01', '2015-02', '2015-03'].flatMap((period, p) => [
        { memberId: member.id, period, category: 'oil_sales', value: 40 + 5 * p + m },
        { memberId: member.id, period, category: 'extortion', value: 20 + p },
        { memberId: member.id, period, category: 'ransom', value: 5 + m },
      ]),
    ),
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, { width: 1280, height: 900 });
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

describe('dashboards', () => {
  it("an indicator's dashboard shows its total since the first period and follows a figure to its values", async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/indicators/${strikesKey}`);
      await page.getByRole('heading', { name: 'Coalition air strikes', level: 1 }).waitFor();
      expect(await page.title()).toBe('Coalition air strikes · Entente');
      const figures = page.getByRole('region', { name: 'Key figures' });
      const total = figures.getByRole('link', { name: /^Total strikes since August 2014/ });
      expect(await total.textContent()).toContain(STRIKES_TOTAL.toLocaleString('en-GB'));
      // The charts are drawn, the map colours the three contributing members.
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      await page.locator('svg.world-map a[data-code="FRA"] path.member:not(.dimmed)').waitFor();
      await page.getByText('3 members contributing').waitFor();
      await screenshot(page, 'dashboard-indicator-en', { fullPage: true });

      // The series as a table: each period's value links to the values behind it.
      const overTime = page.getByRole('region', { name: 'Over time, against the targets' });
      await overTime.getByRole('switch', { name: 'Show as a table' }).check();
      const row = overTime.getByRole('row').filter({ hasText: 'December 2014' });
      await row.getByRole('link', { name: '42' }).click();
      await page.waitForURL(/\/values\?period=2014-12$/);
      await page.getByRole('heading', { name: 'Approved values of Coalition air strikes', level: 1 }).waitFor();
      const rows = page.locator('table tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      expect(await rows.first().textContent()).toContain('CENTCOM release, 2014-12');
      await screenshot(page, 'dashboard-values-en', { fullPage: true });
    });
  });

  it('keeps the filters in the address and narrows every figure to them', async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/indicators/${revenueKey}`);
      await page.getByRole('heading', { name: 'ISIS revenue cut', level: 1 }).waitFor();
      const filters = page.getByRole('search', { name: 'Filters of the figures' });
      await filters.getByLabel('Category').selectOption('oil_sales');
      await page.waitForURL(/category=oil_sales/);
      await filters.getByLabel('Member').selectOption('GBR');
      await page.waitForURL(/member=GBR/);
      // GBR's oil sales over the quarter: 41 + 46 + 51.
      const total = page.getByRole('region', { name: 'Key figures' }).getByRole('link', { name: /^Total/ });
      await expect.poll(() => total.textContent()).toContain('138');
      await screenshot(page, 'dashboard-filtered-en', { fullPage: true });
      await total.click();
      await page.waitForURL(/\/values\?/);
      expect(new URL(page.url()).searchParams.get('member')).toBe('GBR');
      await expect.poll(() => page.locator('table tbody tr').count()).toBe(3);
    });
  });

  it('keeps both of two filters chosen before the page renders again; the reset removes only the filters', async () => {
    await withPage(async ({ page }) => {
      // In French; `ref` stands for a parameter that is not a filter (a shared link's).
      await page.goto(`/indicators/${revenueKey}?lang=fr&ref=newsletter`);
      const filters = page.getByRole('search', { name: 'Filtres des chiffres' });
      await filters.getByLabel('Membre').locator('option[value="GBR"]').waitFor({ state: 'attached' });
      // Two choices in one task: the router renders the first navigation as a transition, after
      // this task, so the second is made before it (as on a slow phone). Built on the last
      // render's parameters, the second choice dropped the first.
      await filters.evaluate((bar) => {
        for (const value of ['oil_sales', 'GBR']) {
          const select = bar.querySelector(`option[value="${value}"]`)?.parentElement as HTMLSelectElement;
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      await page.waitForURL(/member=GBR/);
      const chosen = new URL(page.url()).searchParams;
      expect(Object.fromEntries(chosen)).toEqual({ ref: 'newsletter', category: 'oil_sales', member: 'GBR' });

      await filters.getByRole('button', { name: 'Effacer les filtres' }).click();
      await page.waitForURL((url) => !url.searchParams.has('member'));
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ ref: 'newsletter' });
      await expect.poll(() => filters.getByLabel('Catégorie').inputValue()).toBe('');
    });
  });

  it('reads right to left in Arabic: the value axis on the right, time running from the right', async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/indicators/${strikesKey}?lang=ar`);
      await page.getByRole('heading', { name: 'الضربات الجوية للتحالف', level: 1 }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      // The unit in Arabic, as the secretariat translated it, in the definition under the title.
      const definition = page.getByRole('heading', { level: 1 }).locator('xpath=following-sibling::*[1]');
      await expect.poll(() => definition.textContent()).toContain('غارات');
      expect(await definition.textContent()).not.toContain('strikes');
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      const chart = page.locator('.recharts-wrapper').first();
      const box = await chart.boundingBox();
      const axis = await page.locator('.recharts-yAxis').first().boundingBox();
      expect(box && axis && axis.x > box.x + box.width / 2).toBe(true);
      await screenshot(page, 'dashboard-indicator-ar', { fullPage: true });
      // The first month's bar (August 2014) stands on the right, the last one's (June 2015) on the left.
      const bars = page.locator('.recharts-bar-rectangle');
      const x = async (bar: typeof bars) => (await bar.boundingBox())?.x ?? Number.NaN;
      expect(await x(bars.first())).toBeGreaterThan(await x(bars.last()));
      await page.goto(`/indicators/${revenueKey}?lang=ar`);
      await page.getByRole('heading', { name: 'الإيرادات المقطوعة عن داعش', level: 1 }).waitFor();
      await page.locator('.recharts-pie').first().waitFor();
      await screenshot(page, 'dashboard-revenue-ar', { fullPage: true });
    });
  });

  it("a line of effort's dashboard shows each indicator as a card linking to its dashboard", async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/lines-of-effort/${lineKey}/dashboard`);
      await page.getByRole('heading', { name: 'Military support (test): dashboard', level: 1 }).waitFor();
      const cards = page.locator('article.indicator-card');
      await expect.poll(() => cards.count()).toBe(2);
      await screenshot(page, 'dashboard-line-en', { fullPage: true });
      await page.goto(`/lines-of-effort/${lineKey}/dashboard?lang=ar`);
      await page.getByRole('heading', { level: 1, name: /لوحة المتابعة/ }).waitFor();
      await screenshot(page, 'dashboard-line-ar', { fullPage: true });
      await page.getByRole('link', { name: 'الضربات الجوية للتحالف' }).click();
      await page.waitForURL(new RegExp(`/indicators/${strikesKey}$`));
      await page.getByRole('heading', { name: 'الضربات الجوية للتحالف', level: 1 }).waitFor();
    });
  });
});
