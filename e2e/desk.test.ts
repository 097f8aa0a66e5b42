import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/server/lib/clock.js';
import { buildMeeting, buildPerson, buildUser, type TestUser } from '../src/server/test/factories.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// The desk: a focal point signs in and lands on what their member is asked to do, sees the
// invitation (in the list and as a notification) and follows it to the page where the
// delegation is named. The same desk in Arabic, right to left; the secretariat's desk.

let app: RunningApp;
let browser: Browser;
let focalPoint: TestUser & { memberCode: string | null };
let arabicFocalPoint: TestUser & { memberCode: string | null };
let secretariat: TestUser;
let meetingId = '';

// The app's clock stands at 20 February next year: the meeting (10-11 March) is within the
// secretariat's six weeks, and one of January is past its end, still planned.
const YEAR = new Date().getUTCFullYear() + 1;
const NOW = `${YEAR}-02-20T09:00:00Z`;
const TITLE = 'Working group on counter-messaging';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: fixedClock(NOW) }), launchBrowser()]);
  focalPoint = await buildUser(app.ctx, { role: 'focal_point', member: 'FRA', name: 'Claire Martin' });
  arabicFocalPoint = await buildUser(app.ctx, { role: 'focal_point', member: 'JOR', name: 'ليلى حداد' });
  secretariat = await buildUser(app.ctx, { role: 'secretariat', name: 'Coalition Secretariat' });
  const res = await app.ctx.app.inject({
    method: 'PUT',
    url: '/api/v1/auth/me/language',
    headers: { cookie: arabicFocalPoint.cookie },
    payload: { language: 'ar' },
  });
  expect(res.statusCode).toBe(204);
  const meeting = await buildMeeting(app.ctx, {
    title: TITLE,
    titleTranslations: { fr: 'Groupe de travail sur la communication', ar: 'الفريق العامل المعني بالاتصال' },
    city: 'Abu Dhabi',
    timeZone: 'Asia/Dubai',
    startDate: `${YEAR}-03-10`,
    endDate: `${YEAR}-03-11`,
    invite: ['FRA', 'JOR'],
  });
  meetingId = meeting.id;
  // A person France has named before: the focal point chooses them rather than typing the name again.
  await buildPerson(app.ctx, {
    member: 'FRA',
    name: 'Jean-Noël Barrot',
    title: 'Minister for Europe and Foreign Affairs',
  });
  await buildMeeting(app.ctx, {
    title: 'Senior officials on stabilisation',
    startDate: `${YEAR}-01-15`,
    endDate: `${YEAR}-01-15`,
    invite: ['IRQ', 'USA'],
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>, cookieOf?: TestUser): Promise<void> {
  const watched = await openPage(browser, app.baseUrl);
  if (cookieOf) {
    const [name, value] = cookieOf.cookie.split('=');
    await watched.context.addCookies([{ name, value, url: app.baseUrl }]);
  }
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`));
const invitationRow = (page: Page) => page.locator(`tr[data-meeting="${meetingId}"]`);

describe('the desk', () => {
  it('a focal point signs in, lands on their desk, follows the invitation and names the delegation by choosing a person on record', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/sign-in');
      await field(page, 'Email').fill(focalPoint.email);
      await field(page, 'Password').fill(focalPoint.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/desk');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My desk');

      // The invitation, not named yet, with a way to name it.
      await expect.poll(() => invitationRow(page).count()).toBe(1);
      const row = invitationRow(page);
      expect(await row.locator('td').nth(0).textContent()).toContain(TITLE);
      expect(await row.locator('td').nth(2).textContent()).toBe('Not named yet');
      // The notification of it, unread.
      const notification = page.locator('li[data-read="false"]');
      await expect.poll(() => notification.count()).toBe(1);
      expect(await notification.textContent()).toContain(`FRA is invited to ${TITLE}`);
      expect(await page.getByText('1 unread').count()).toBe(1);
      // The header links to the desk.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My work' }).click();
      // The menu's items mount once it opens, a moment after the click: wait for them, do not count at once.
      await page.getByRole('menuitem', { name: 'My desk' }).waitFor();
      await page.keyboard.press('Escape');
      // The "Signed in." toast closed, so that the screenshot shows the page under it.
      await page.evaluate(() => {
        for (const b of document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root button')) b.click();
      });
      await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0);
      await screenshot(page, 'desk-focal-point', { fullPage: true });

      // Marked read, it stays listed, no longer new.
      await notification.getByRole('button', { name: 'Mark read' }).click();
      await expect.poll(() => page.locator('li[data-read="true"]').count()).toBe(1);
      await expect.poll(() => page.getByText('0 unread').count()).toBe(1);

      await row.getByRole('link', { name: 'Name the delegation' }).click();
      await page.waitForURL(`**/meetings/${meetingId}/delegations/FRA`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Delegation of France');
      await screenshot(page, 'desk-followed-to-naming');

      // The head: a person France has on record, found by searching the picker, not typed again.
      const head = page.locator('[data-seat="head"] input:not([type="hidden"])').first();
      await head.click();
      await head.fill('barrot');
      await page.getByRole('option', { name: /^Jean-Noël Barrot/ }).click();
      await page.getByRole('button', { name: 'Save the delegation' }).click();
      await page.getByText('Delegation saved', { exact: true }).waitFor();
      const saved = await app.ctx.app.inject({
        url: `/api/v1/meetings/${meetingId}/delegations/FRA`,
        headers: { cookie: focalPoint.cookie },
      });
      expect(saved.json().head?.name).toBe('Jean-Noël Barrot');
      // Named with the person on record: still one Jean-Noël Barrot for France.
      const people = await app.ctx.app.inject({
        url: '/api/v1/people?member=FRA',
        headers: { cookie: focalPoint.cookie },
      });
      expect(people.json().items.filter((p: { name: string }) => p.name === 'Jean-Noël Barrot')).toHaveLength(1);
      await screenshot(page, 'desk-delegation-named', { fullPage: true });
    });
  });

  it('shows the desk in Arabic, right to left, with the title in Arabic', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/desk');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('مكتبي');
      await expect.poll(() => invitationRow(page).count()).toBe(1);
      expect(await invitationRow(page).locator('td').nth(0).textContent()).toContain('الفريق العامل المعني بالاتصال');
      expect(await invitationRow(page).locator('td').nth(2).textContent()).toBe('لم تتم التسمية بعد');
      await expect.poll(() => page.locator('li[data-read="false"]').count()).toBe(1);
      expect(await page.locator('li[data-read="false"]').textContent()).toContain('JOR مدعو إلى');
      await screenshot(page, 'desk-focal-point-ar', { fullPage: true });
      await invitationRow(page).getByRole('link', { name: 'تسمية الوفد' }).click();
      await page.waitForURL(`**/meetings/${meetingId}/delegations/JOR`);
    }, arabicFocalPoint);
  });

  it("shows the secretariat the meeting's delegations still to name", async () => {
    // A meeting of its own, so that no other test's naming changes what this one counts.
    const own = await buildMeeting(app.ctx, {
      title: 'Small group on foreign fighters',
      startDate: `${YEAR}-03-20`,
      endDate: `${YEAR}-03-20`,
      invite: ['GBR', 'ITA'],
    });
    const ownRow = (page: Page) => page.locator(`tr[data-meeting="${own.id}"]`);
    await withPage(async ({ page }) => {
      await page.goto('/desk');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My desk');
      await expect.poll(() => page.getByRole('heading', { name: 'Planned in the coming 6 weeks' }).count()).toBe(1);
      // GBR and ITA invited, neither named yet.
      await expect.poll(() => ownRow(page).count()).toBe(1);
      expect(await ownRow(page).locator('td').nth(2).textContent()).toBe('2 of 2 not named');
      expect(await page.getByRole('heading', { name: 'Past their end, still planned' }).count()).toBe(1);
      expect(await page.getByText('Senior officials on stabilisation').count()).toBe(1);
      await screenshot(page, 'desk-secretariat', { fullPage: true });
    }, secretariat);
  });
});
