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

describe('the rest of a meeting managed', () => {
  it('duplicates a meeting, uninvites a delegation without people, edits and deletes remarks; a colleague’s change is a 409 with reload', async () => {
    const secretariat = await signedInUser(app.ctx, 'secretariat');
    const speaker = await buildPerson(app.ctx, { name: 'Nadia Karam', title: 'Minister' });
    const named = await buildPerson(app.ctx, { name: 'Omar Saleh' });
    const meeting = await buildMeeting(app.ctx, {
      title: 'Financing working group',
      city: 'Rome',
      timeZone: 'Europe/Rome',
      seatQuota: '1+2',
      agenda: [{ title: 'Oil revenue' }, { title: 'Ransom' }],
      invite: ['FRA', named.memberCode],
    });
    await app.ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/delegations/${named.memberCode}`,
      headers: { cookie: secretariat.cookie, 'if-match': '"1"' },
      payload: { level: null, head: { personId: named.id } },
    });
    await app.ctx.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/remarks`,
      headers: { cookie: secretariat.cookie },
      payload: { personId: speaker.id, context: 'Opening', quotes: [{ text: 'We will cut off the money.' }] },
    });
    const m = en.meetings;

    await withPage(async ({ page, context, watcher }) => {
      await signInAs(context, secretariat);
      await page.goto(`/meetings/${meeting.id}`);
      await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();

      // Uninvite: offered for France (nobody named), not for the delegation with a head.
      const france = page.locator('[data-code="FRA"]');
      await france.getByRole('button', { name: /^Uninvite/ }).click();
      await france.waitFor({ state: 'detached' });
      await expect(
        page
          .locator(`[data-code="${named.memberCode}"]`)
          .getByRole('button', { name: /^Uninvite/ })
          .count(),
      ).resolves.toBe(0);
      expect((await apiMeeting(meeting.id)).delegations.map((d: { memberCode: string }) => d.memberCode)).toEqual([
        named.memberCode,
      ]);

      // Remarks: edit the context and the quote, then delete them.
      await page.getByRole('button', { name: `Edit the remarks by ${speaker.name}` }).click();
      const editor = page.getByRole('form', { name: `Edit the remarks by ${speaker.name}` });
      await editor.getByLabel(m.remarks.manage.context, { exact: true }).fill('Closing');
      await editor.getByLabel('Quote 1', { exact: true }).fill('We will cut off every source of money.');
      await screenshot(page, 'manage-remark-editor-en');
      await editor.getByRole('button', { name: m.remarks.manage.save }).click();
      await editor.waitFor({ state: 'detached' });
      await page.locator('.quote').getByText('We will cut off every source of money.').waitFor();
      expect((await apiMeeting(meeting.id)).remarks[0]).toMatchObject({ context: 'Closing', version: 2 });
      await page.getByRole('button', { name: `Delete the remarks by ${speaker.name}` }).click();
      await page.getByRole('button', { name: m.remarks.manage.confirmYes, exact: true }).click();
      await page.getByText(m.remarks.none).waitFor();

      // Duplicate: the new-meeting form, filled but for the dates.
      await page.getByRole('link', { name: m.manage.duplicate, exact: true }).click();
      await page.waitForURL(`**/secretariat/meetings/new?from=${meeting.id}`);
      await page.getByRole('heading', { level: 1, name: en.meetingForms.newMeeting.title }).waitFor();
      expect(await field(page, en.meetingForms.meeting.about.title).inputValue()).toBe(meeting.title);
      expect(await field(page, en.meetingForms.meeting.when.city).inputValue()).toBe('Rome');
      expect(await field(page, en.meetingForms.meeting.when.startDate).inputValue()).toBe('');
      await screenshot(page, 'manage-duplicate-en', { fullPage: true });
      await field(page, en.meetingForms.meeting.when.startDate).fill('2031-03-12');
      await page.getByRole('button', { name: en.meetingForms.newMeeting.submit }).click();
      await page.waitForURL(
        (url) => /^\/meetings\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(meeting.id),
      );
      const copy = await apiMeeting(new URL(page.url()).pathname.split('/').at(-1) as string);
      expect(copy).toMatchObject({
        title: meeting.title,
        city: 'Rome',
        timeZone: 'Europe/Rome',
        seatQuota: '1+2',
        startDate: '2031-03-12',
        status: 'planned',
        agenda: [{ title: 'Oil revenue' }, { title: 'Ransom' }],
        delegations: [],
      });

      // Edited by a colleague meanwhile: the save is refused (409), and the form offers to reload.
      await page.goto(`/secretariat/meetings/${copy.id}/edit`);
      const title = field(page, en.meetingForms.meeting.about.title);
      await title.waitFor();
      await app.ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${copy.id}`,
        headers: { cookie: secretariat.cookie, 'if-match': `"${copy.version}"` },
        payload: { title: 'Financing working group, second meeting' },
      });
      watcher.expect(409, 'PATCH', new RegExp(`/api/v1/meetings/${copy.id}$`));
      await title.fill('Lost change');
      await page.getByRole('button', { name: en.meetingForms.editMeeting.submit }).click();
      await page.getByText(en.forms.conflict.meeting.title).waitFor();
      await page.getByRole('button', { name: en.forms.conflict.meeting.reload }).click();
      await page.getByText(en.forms.conflict.meeting.title).waitFor({ state: 'detached' });
      expect(await title.inputValue()).toBe('Financing working group, second meeting');
    });
  });
});
