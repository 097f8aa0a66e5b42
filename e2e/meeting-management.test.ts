import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildPerson } from '../src/server/test/factories.js';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';
import { ar, en } from './support/catalogs.js';

// Issue 8: the secretariat manages a meeting after it is made: edits it (title, chairs), marks
// it held, cancels another with a reason; in English and in Arabic (right to left).

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>) {
  const watched = await openPage(browser, app.baseUrl);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

async function signInAs(context: BrowserContext, user: TestUser): Promise<void> {
  const [name, value] = user.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: app.baseUrl }]);
}

const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`));

const apiMeeting = async (id: string) => (await app.ctx.app.inject({ url: `/api/v1/meetings/${id}` })).json();

describe.each([
  ['en', en],
  ['ar', ar],
] as const)('managing a meeting in %s', (language, texts) => {
  it('edits a meeting (title and chairs), marks it held, and cancels another with a reason', async () => {
    // A user of its own: choosing Arabic by ?lang= is kept as the account's language.
    const secretariat = await signedInUser(app.ctx, 'secretariat');
    const meeting = await buildMeeting(app.ctx, { title: `Stabilisation working group (${language})` });
    const other = await buildMeeting(app.ctx, { title: `Counter-messaging working group (${language})` });
    const chair = await buildPerson(app.ctx, { name: `Amal Haddad ${language}`, title: 'Envoy' });
    const m = texts.meetings;
    const f = texts.meetingForms;

    await withPage(async ({ page, context }) => {
      await signInAs(context, secretariat);
      await page.goto(`/meetings/${meeting.id}?lang=${language}`);
      await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
      if (language === 'ar') expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      // Edit: the form is filled from the meeting; change its title and choose a chair.
      await page.getByRole('link', { name: m.manage.edit, exact: true }).click();
      await page.waitForURL(`**/secretariat/meetings/${meeting.id}/edit`);
      await page.getByRole('heading', { level: 1, name: f.editMeeting.title }).waitFor();
      const title = field(page, f.meeting.about.title);
      expect(await title.inputValue()).toBe(meeting.title);
      await title.fill(`Stabilisation working group, renamed (${language})`);
      const chairs = page.getByRole('combobox', { name: f.meeting.about.chairs });
      await chairs.click();
      await chairs.fill(chair.name);
      await page.getByRole('option', { name: new RegExp(chair.name) }).click();
      await page.keyboard.press('Escape');
      await screenshot(page, `manage-edit-form-${language}`);
      await page.getByRole('button', { name: f.editMeeting.submit }).click();
      await page.waitForURL((url) => url.pathname === `/meetings/${meeting.id}`);
      await page
        .getByRole('heading', { level: 1, name: `Stabilisation working group, renamed (${language})` })
        .waitFor();
      await page.getByText(chair.name).first().waitFor();
      expect(await apiMeeting(meeting.id)).toMatchObject({
        title: `Stabilisation working group, renamed (${language})`,
        chairs: [{ id: chair.id }],
        version: 2,
      });

      // Mark as held.
      await page.getByRole('button', { name: m.manage.held.action }).click();
      await page.locator('[data-status="held"]').waitFor();
      expect((await apiMeeting(meeting.id)).status).toBe('held');
      // A held meeting stays held: neither action is offered any more.
      await expect(page.getByRole('button', { name: m.manage.held.action }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: m.manage.cancel.action }).count()).resolves.toBe(0);
      await screenshot(page, `manage-held-${language}`, { fullPage: true });

      // Cancel the other: the reason is required, then shown on the page.
      await page.goto(`/meetings/${other.id}`);
      await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
      await page.getByRole('button', { name: m.manage.cancel.action }).click();
      const dialog = page.getByRole('dialog', { name: m.manage.cancel.title });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: m.manage.cancel.submit }).click();
      await dialog.getByText(m.manage.cancel.reasonRequired).waitFor();
      const reason = language === 'ar' ? 'طلب البلد المضيف تأجيل الاجتماع.' : 'The host asked to postpone the meeting.';
      await dialog.getByLabel(new RegExp(`^${m.manage.cancel.reason}`)).fill(reason);
      await screenshot(page, `manage-cancel-dialog-${language}`);
      await dialog.getByRole('button', { name: m.manage.cancel.submit }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('[data-status="cancelled"]').waitFor();
      await page.locator('.status-reason').getByText(reason).waitFor();
      expect(await apiMeeting(other.id)).toMatchObject({ status: 'cancelled', statusReason: reason });
      // A cancellation can be undone.
      await page.getByRole('button', { name: m.manage.replan.action }).waitFor();
      await screenshot(page, `manage-cancelled-${language}`, { fullPage: true });
    });
  });
});
