import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/server/lib/clock.js';
import { buildMeeting, buildUser, type TestUser } from '../src/server/test/factories.js';
import type { Language } from '../src/shared/i18n.js';
import type { WorkingGroup } from '../src/shared/progress.js';
import arProgress from '../src/web/locales/ar/progress.json' with { type: 'json' };
import enProgress from '../src/web/locales/en/progress.json' with { type: 'json' };
import { launchBrowser, openPage, type RunningApp, screenshot, startApp } from './support/browser.js';
import { fill, TEXTS } from './support/catalogs.js';

// A reader opens the lines of effort, a line's page and sees who led its working groups when, in
// English and in Arabic (right to left); the secretariat adds a co-lead from the group's section.
// The app's clock is fixed in the demo's window (and the browser's set to it).

const NOW = '2015-06-01T09:00:00Z';
const PROGRESS = { en: enProgress, ar: arProgress } as const;
let app: RunningApp;
let browser: Browser;
let secretariat: TestUser;
let meetingId: string;
const MEETING = 'Foreign fighters working group, information sharing';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: fixedClock(NOW) }), launchBrowser()]);
  secretariat = await buildUser(app.ctx, { role: 'secretariat', name: 'Secretariat' });
  // A public meeting with an item on the foreign fighters line: the line's page lists it.
  meetingId = (
    await buildMeeting(app.ctx, {
      title: MEETING,
      startDate: '2015-01-22',
      agenda: [{ title: 'Sharing information on travellers', lineOfEffort: 'LOE2-ftf' }],
    })
  ).id;
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

/** WCAG 2.1 AA as axe checks it, on the page's main part: no serious or critical violation. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`)).toEqual([]);
}

async function withPage(user: TestUser | null, run: (page: Page) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, { width: 1280, height: 900 });
  await watched.context.clock.setFixedTime(NOW);
  if (user) {
    const at = user.cookie.indexOf('=');
    await watched.context.addCookies([
      { name: user.cookie.slice(0, at), value: user.cookie.slice(at + 1), url: app.baseUrl },
    ]);
  }
  try {
    await run(watched.page);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

describe.each(['en', 'ar'] as const)(
  'a reader follows the lines of effort, in %s',
  (language: Language & ('en' | 'ar')) => {
    const p = PROGRESS[language];
    const nav = TEXTS[language].common.nav;

    it('opens the lines of effort from the main navigation, then a line, and sees who led when', async () => {
      await withPage(null, async (page) => {
        await page.goto(`/?lang=${language}`);
        await page.waitForFunction((dir) => document.documentElement.dir === dir, language === 'ar' ? 'rtl' : 'ltr');
        await page
          .getByRole('link', { name: (nav as Record<string, string>).progress })
          .first()
          .click();
        await expect.poll(() => page.url()).toContain('/lines-of-effort');
        await page.getByRole('heading', { level: 1, name: p.lines.title }).waitFor();
        const lines = page.locator('article');
        await expect.poll(() => lines.count()).toBe(5);
        // The line's name in the reader's language: Arabic for the Arabic reader.
        const military = page.getByRole('link', {
          name: new RegExp(language === 'ar' ? 'العمليات العسكرية' : 'military operations', 'i'),
        });
        await expect.poll(() => military.count()).toBe(1);
        await screenshot(page, `progress-lines-${language}`, { fullPage: true });
        await expectAccessible(page);

        const ftf = page.getByRole('link', {
          name: new RegExp(language === 'ar' ? 'المقاتلين الإرهابيين الأجانب' : 'foreign terrorist fighters', 'i'),
        });
        expect(await ftf.getAttribute('href')).toBe('/lines-of-effort/LOE2-ftf');
        // Followed as a reader would, by the link (the fixed clock stills the animation frames a click waits on).
        await ftf.dispatchEvent('click');
        await page.getByRole('heading', { level: 2, name: p.line.groups }).waitFor();
        // Two groups carry the foreign fighters line, each with its co-leads, marked current.
        const groups = page.locator('section[data-group]');
        await expect.poll(() => groups.count()).toBe(2);
        const gctf = page.locator('section[data-group="gctf-ftf-wg"], section[data-group]').first();
        await gctf.getByRole('columnheader', { name: p.offices.from }).waitFor();
        await expect.poll(() => page.locator('tr[data-current]').count()).toBeGreaterThanOrEqual(4);
        await expect.poll(() => page.getByText(p.offices.current, { exact: true }).count()).toBeGreaterThanOrEqual(4);
        const dashboard = page.getByRole('link', { name: p.line.dashboard });
        expect(await dashboard.getAttribute('href')).toBe('/lines-of-effort/LOE2-ftf/dashboard');
        const meeting = page.getByRole('link', { name: MEETING });
        expect(await meeting.getAttribute('href')).toBe(`/meetings/${meetingId}`);
        // The public sees no secretariat form.
        expect(await page.getByRole('button', { name: p.offices.add }).count()).toBe(0);
        await screenshot(page, `progress-line-${language}`, { fullPage: true });
        await expectAccessible(page);
      });
    });

    it("shows an agenda item's line of effort by its name on the meeting page, linked to the line", async () => {
      await withPage(null, async (page) => {
        await page.goto(`/meetings/${meetingId}?lang=${language}`);
        const link = page.locator('a[href="/lines-of-effort/LOE2-ftf"]');
        await link.waitFor();
        // Its key until the lines are read, then its name.
        await expect
          .poll(() => link.textContent())
          .toMatch(language === 'ar' ? /المقاتلين/ : /foreign terrorist fighters/i);
        await screenshot(page, `progress-meeting-agenda-${language}`, { fullPage: true });
      });
    });

    it('lists the working groups with their co-leads today', async () => {
      await withPage(null, async (page) => {
        await page.goto(`/working-groups?lang=${language}`);
        await page.getByRole('heading', { level: 1, name: p.groups.title }).waitFor();
        await expect.poll(() => page.locator('tr[data-group]').count()).toBe(7);
        await screenshot(page, `progress-groups-${language}`, { fullPage: true });
        await expectAccessible(page);
      });
    });
  },
);

describe('the secretariat keeps who holds office', () => {
  it('has Progress in a main navigation that stays on one row at 1200 px, in French', async () => {
    const watched = await openPage(browser, app.baseUrl, { width: 1200, height: 700 });
    const at = secretariat.cookie.indexOf('=');
    await watched.context.addCookies([
      { name: secretariat.cookie.slice(0, at), value: secretariat.cookie.slice(at + 1), url: app.baseUrl },
    ]);
    try {
      const { page } = watched;
      await page.goto('/lines-of-effort?lang=fr');
      const nav = page.getByRole('navigation', { name: TEXTS.fr.common.nav.main });
      await nav.getByRole('link', { name: (TEXTS.fr.common.nav as Record<string, string>).progress }).waitFor();
      await nav.getByRole('button', { name: TEXTS.fr.common.nav.myWork }).waitFor();
      const box = await nav.boundingBox();
      expect(box?.height).toBeLessThan(50);
      await screenshot(page, 'progress-nav-fr-1200');
    } finally {
      await watched.context.close();
    }
  });

  it('adds a co-lead to a working group from its section, and sees it current', async () => {
    const p = PROGRESS.en;
    const before = (await app.ctx.app.inject({ url: '/api/v1/working-groups?lineOfEffort=LOE4-humanitarian' })).json()
      .items[0] as WorkingGroup;
    await withPage(secretariat, async (page) => {
      await page.goto('/lines-of-effort/LOE4-humanitarian?lang=en');
      const section = page.locator(`section[data-group="${before.key}"]`);
      await section.getByRole('button', { name: p.offices.add }).click();
      const form = section.getByRole('form', { name: p.offices.add });
      await form.getByLabel(new RegExp(`^${p.offices.member}`)).fill('Netherlands');
      await page.getByRole('option', { name: /Netherlands/ }).click();
      await form.getByLabel(p.offices.from).fill('2015-05-01');
      await form.getByLabel(p.offices.note).fill('Joined as third co-lead.');
      await screenshot(page, 'progress-add-office-en', { fullPage: true });
      await form.getByRole('button', { name: p.offices.submit }).click();
      await page.getByText(p.offices.added).waitFor();
      const row = section.locator('tr', { hasText: 'Netherlands' });
      await row.getByText(p.offices.current, { exact: true }).waitFor();
      await screenshot(page, 'progress-office-added-en', { fullPage: true });
    });
    const after = (await app.ctx.app.inject({ url: `/api/v1/working-groups/${before.key}` })).json() as WorkingGroup;
    expect(after.version).toBe(before.version + 1);
    expect(after.offices.find((o) => o.member?.code === 'NLD')).toMatchObject({
      role: 'co_lead',
      fromOn: '2015-05-01',
      current: true,
      note: 'Joined as third co-lead.',
    });
    expect(fill(p.line.pledged, { amount: '1' })).toContain('1');
  });
});
