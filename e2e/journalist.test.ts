import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/server/lib/clock.js';
import { buildMeeting } from '../src/server/test/factories.js';
import type { Meeting, MeetingSummary } from '../src/shared/meetings.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';
import { ar, en } from './support/catalogs.js';

// What a journalist looks for: the meetings on the home page, a member's delegations across
// meetings (Iraq: al-Abadi at Brussels), a search of the meetings that can be shared as an address,
// and the delegations of a meeting as a CSV file.

let app: RunningApp;
let browser: Browser;
let brussels: MeetingSummary;
const upcoming: Meeting[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: fixedClock('2030-06-15T09:00:00Z') }), launchBrowser()]);
  // Four upcoming public meetings: the home page shows the next three.
  for (const [title, startDate] of [
    ['Ministerial review, Rome', '2030-07-01'],
    ['Stabilisation working group', '2030-07-09'],
    ['Counter-finance group', '2030-08-20'],
    ['Later meeting, not on the home page', '2030-11-03'],
  ])
    upcoming.push(await buildMeeting(app.ctx, { title, startDate, visibility: 'public' }));
  const list = (await app.ctx.app.inject({ url: '/api/v1/meetings' })).json().items as MeetingSummary[];
  brussels = list.find((m) => m.startDate === '2014-12-03') as MeetingSummary;
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>, viewport?: { width: number; height: number }) {
  const watched = await openPage(browser, app.baseUrl, viewport);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

describe('what a journalist looks for', () => {
  it('finds the next and the last meetings on the home page, in English and Arabic', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/');
      const next = page.getByRole('region', { name: en.home.meetings.upcoming.title });
      await next.getByRole('link').first().waitFor();
      expect(await next.getByRole('link').allTextContents()).toEqual(upcoming.slice(0, 3).map((m) => m.title));
      expect(await next.locator('time').first().textContent()).toBe('1 July 2030');
      const recent = page.getByRole('region', { name: en.home.meetings.past.title });
      await recent.getByRole('link').first().waitFor();
      // The demo's last meeting, Brussels on 4 November 2015, comes first.
      expect(await recent.locator('time').first().textContent()).toBe('4 November 2015');
      expect(await recent.getByRole('link').count()).toBe(3);
      await screenshot(page, 'journalist-home-en', { fullPage: true });
      await next.getByRole('link', { name: upcoming[0].title }).click();
      await page.waitForURL(`**/meetings/${upcoming[0].id}`);
      await page.getByRole('heading', { name: upcoming[0].title, level: 1 }).waitFor();
    });
    await withPage(async ({ page }) => {
      await page.goto('/?lang=ar');
      const next = page.getByRole('region', { name: ar.home.meetings.upcoming.title });
      await next.getByRole('link').first().waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await next.getByRole('link').count()).toBe(3);
      await page.getByRole('region', { name: ar.home.meetings.past.title }).getByRole('link').first().waitFor();
      await screenshot(page, 'journalist-home-ar', { fullPage: true });
    });
  });

  it("lists Iraq's delegations on its page: al-Abadi headed it at Brussels", async () => {
    await withPage(async ({ page }) => {
      await page.goto('/members/IRQ');
      const section = page.getByRole('region', { name: en.members.member.delegations.title });
      const row = section.locator(`tr[data-meeting="${brussels.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Haider al-Abadi');
      expect(await row.locator('time').textContent()).toBe('3 December 2014');
      expect(await row.textContent()).toContain(en.enums.level.head_of_state_or_government);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, 'journalist-member-iraq-en');
      await row.getByRole('link').click();
      await page.waitForURL(`**/meetings/${brussels.id}`);
    });
    await withPage(async ({ page }) => {
      await page.goto('/members/IRQ?lang=ar');
      const section = page.getByRole('region', { name: ar.members.member.delegations.title });
      const row = section.locator(`tr[data-meeting="${brussels.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(ar.enums.level.head_of_state_or_government);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, 'journalist-member-iraq-ar');
    });
  });

  it('searches the meetings by words, year and invited member, and the address brings the search back', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/meetings');
      const search = page.getByRole('search', { name: en.meetings.list.filters.label });
      await search.getByLabel(en.meetings.list.filters.year).selectOption('2014');
      await page.waitForURL((url) => url.searchParams.get('year') === '2014');
      await search.getByRole('searchbox', { name: en.meetings.list.filters.search }).fill('bruss');
      await page.waitForURL((url) => url.searchParams.get('q') === 'bruss');
      await search.getByLabel(en.meetings.list.filters.member).fill('Iraq');
      await page.getByRole('option', { name: 'Iraq' }).click();
      await page.waitForURL((url) => url.searchParams.get('member') === 'IRQ');
      const past = page.getByRole('region', { name: en.meetings.list.past.title });
      await past.locator(`tr[data-meeting="${brussels.id}"]`).waitFor();
      await expect.poll(() => past.locator('tbody tr').count()).toBe(1);
      await page.getByText(en.meetings.list.upcoming.noneFiltered).waitFor();
      await screenshot(page, 'journalist-meetings-filtered-en', { fullPage: true });
      const shared = page.url();

      await page.goto(shared.replace(/\?/, '?lang=ar&'));
      const pastAr = page.getByRole('region', { name: ar.meetings.list.past.title });
      await pastAr.locator(`tr[data-meeting="${brussels.id}"]`).waitFor();
      await expect.poll(() => pastAr.locator('tbody tr').count()).toBe(1);
      const searchAr = page.getByRole('search', { name: ar.meetings.list.filters.label });
      expect(await searchAr.getByLabel(ar.meetings.list.filters.year).inputValue()).toBe('2014');
      expect(await searchAr.getByRole('searchbox', { name: ar.meetings.list.filters.search }).inputValue()).toBe(
        'bruss',
      );
      await screenshot(page, 'journalist-meetings-filtered-ar', { fullPage: true });

      await searchAr.getByRole('button', { name: ar.meetings.list.filters.clear }).click();
      await page.waitForURL((url) => !url.searchParams.has('year') && !url.searchParams.has('member'));
      await expect.poll(() => pastAr.locator('tbody tr').count()).toBeGreaterThan(20);
    });
  });

  it('on a phone, in Arabic, the filters stack and the filtered list fits the screen', async () => {
    await withPage(
      async ({ page }) => {
        await page.goto('/meetings?lang=ar&year=2014&member=IRQ');
        const past = page.getByRole('region', { name: ar.meetings.list.past.title });
        await past.locator(`tr[data-meeting="${brussels.id}"]`).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, 'journalist-meetings-filtered-phone-ar', { fullPage: true });
      },
      { width: 390, height: 844 },
    );
  });

  it("downloads the meeting's delegations as CSV in the reader's language", async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/meetings/${brussels.id}?lang=ar`);
      const link = page.getByRole('link', { name: ar.meetings.header.csv });
      const href = await link.getAttribute('href');
      expect(href).toBe(`/api/v1/meetings/${brussels.id}/delegations.csv?lang=ar`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^2014-12-03-.*-delegations\.csv$/);
      const file = await page.request.get(href as string);
      const body = await file.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString('utf8')).toContain('Haider al-Abadi');
      await screenshot(page, 'journalist-meeting-csv-ar');
    });
  });
});
