import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../src/server/test/factories.js';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import type { Meeting } from '../src/shared/meetings.js';
import type { Member } from '../src/shared/members.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';
import { ar, fill, fr, plural } from './support/catalogs.js';

// Two journeys done entirely in the reader's language, every field and button found by the
// label the catalogs give it: the secretariat in Arabic adds a member, plans a meeting, invites
// and records attendance; a focal point in French signs in, opens a meeting their member is
// invited to, names the delegation and sees it saved.

let app: RunningApp;
let browser: Browser;
let secretariat: TestUser;
let focalPoint: TestUser;

const YEAR = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  secretariat = await signedInUser(app.ctx, 'secretariat');
  focalPoint = await signedInUser(app.ctx, 'focal_point', { member: 'FRA' });
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>): Promise<void> {
  // The browser's own languages are English: the language is the one the user chooses.
  const watched = await openPage(browser, app.baseUrl);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form field by its label, with or without the asterisk of a required field. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));

/** The sign-in form, by the labels of the reader's language. */
async function signIn(page: Page, texts: typeof fr | typeof ar, user: TestUser, next: string): Promise<void> {
  await page.getByRole('heading', { name: texts.auth.signIn.title, level: 1 }).waitFor();
  await field(page, texts.auth.signIn.email).fill(user.email);
  await field(page, texts.auth.signIn.password).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: texts.auth.signIn.submit }).click();
  await page.waitForURL(`**${next}`);
}

async function getMeeting(id: string): Promise<Meeting> {
  const res = await app.ctx.app.inject({ url: `/api/v1/meetings/${id}`, headers: { cookie: secretariat.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Closes the notifications (by their close buttons), so that a screenshot shows the page. */
async function dismissNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root button'))
      button.click();
  });
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0);
}

const row = (page: Page, code: string) => page.locator(`.delegations-table tbody tr[data-code="${code}"]`);

/** A seat's searchable picker (a combobox): opens it and chooses the option of that text. */
async function chooseInPicker(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) });
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('in Arabic, the secretariat', () => {
  const TITLE = 'اجتماع كبار المسؤولين بشأن إعادة الاستقرار';
  let meetingId = '';

  it('adds a member, plans a meeting, invites members and records their attendance', async () => {
    await withPage(async ({ page, context }) => {
      await page.goto('/sign-in?next=%2Fsecretariat&lang=ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await signIn(page, ar, secretariat, '/secretariat');
      await page.getByRole('heading', { name: ar.secretariat.desk.title, level: 1 }).waitFor();
      await screenshot(page, 'journeys/ar-1-desk');

      // A member: Chile, its names left to ISO.
      await page.getByRole('link', { name: ar.secretariat.desk.addMember }).click();
      await page.getByRole('heading', { name: ar.secretariat.addMember.title, level: 1 }).waitFor();
      await page.getByRole('radio', { name: ar.enums.memberKind.state }).check();
      await field(page, ar.secretariat.memberForm.code).fill('CHL');
      await field(page, ar.secretariat.memberForm.joinedOn).fill('2015-03-02');
      await field(page, ar.secretariat.memberForm.note).fill('أضافته الأمانة في اختبار المتصفح.');
      await screenshot(page, 'journeys/ar-2-add-member', { fullPage: true });
      await page.getByRole('button', { name: ar.secretariat.addMember.submit }).click();
      await page.waitForURL('**/members/CHL');
      const chile: Member = (await app.ctx.app.inject({ url: '/api/v1/members/CHL' })).json();
      expect(chile).toMatchObject({ kind: 'state', joinedOn: '2015-03-02' });
      // The member's page is headed by its Arabic name.
      await page.getByRole('heading', { name: chile.names.ar, level: 1 }).waitFor();
      await page.getByText(ar.secretariat.addMember.added, { exact: true }).waitFor();
      await screenshot(page, 'journeys/ar-3-member-added');

      // A meeting, in Arabic, in Baghdad.
      await page.getByRole('banner').getByRole('button', { name: ar.common.nav.myWork }).click();
      await page.getByRole('menuitem', { name: ar.common.nav.secretariat }).click();
      await page.getByRole('link', { name: ar.secretariat.desk.newMeeting }).click();
      await page.getByRole('heading', { name: ar.meetingForms.newMeeting.title, level: 1 }).waitFor();
      const about = ar.meetingForms.meeting.about;
      const when = ar.meetingForms.meeting.when;
      const who = ar.meetingForms.meeting.who;
      await field(page, about.kind).selectOption({ label: ar.enums.meetingKind.senior_officials });
      await field(page, about.host).selectOption('IRQ');
      await field(page, about.title).fill(TITLE);
      await field(page, when.city).fill('بغداد');
      await field(page, when.timeZone).fill('Asia/Baghdad');
      await field(page, when.startDate).fill(`${YEAR}-04-14`);
      await field(page, when.startTime).fill('09:30');
      await page.getByRole('radio', { name: who.visibilityChoice.public }).check();
      await field(page, who.workingLanguage).selectOption({ label: ar.enums.language.ar });
      await field(page, who.seatQuota).fill('1+2');
      await page.getByRole('button', { name: ar.meetingForms.agenda.add }).click();
      await field(page, fill(ar.meetingForms.agenda.item, { number: 1 })).fill('الافتتاح');
      await screenshot(page, 'journeys/ar-4-new-meeting', { fullPage: true });
      await page.getByRole('button', { name: ar.meetingForms.newMeeting.submit }).click();
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
      meetingId = new URL(page.url()).pathname.split('/').pop() as string;
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      expect(await getMeeting(meetingId)).toMatchObject({
        kind: 'senior_officials',
        hostCode: 'IRQ',
        title: TITLE,
        timeZone: 'Asia/Baghdad',
        startDate: `${YEAR}-04-14`,
        startTime: '09:30',
        workingLanguage: 'ar',
        seatQuota: '1+2',
        agenda: [{ position: 1, title: 'الافتتاح' }],
      });

      // Invitations through the member picker, by the members' Arabic names.
      const picker = page.getByRole('combobox', { name: ar.meetingForms.invite.members });
      for (const code of ['CHL', 'FRA']) {
        const member: Member = (await app.ctx.app.inject({ url: `/api/v1/members/${code}` })).json();
        await picker.click();
        await picker.fill(member.names.ar);
        await page
          .getByRole('option', { name: fill(ar.meetingForms.memberOption, { name: member.names.ar, code }) })
          .click();
      }
      await page.getByRole('button', { name: ar.meetingForms.invite.submit, exact: true }).click();
      await row(page, 'CHL').waitFor();
      await row(page, 'FRA').waitFor();
      // Protocol order in the meeting's working language: Arabic names, the host (not invited) aside.
      expect((await getMeeting(meetingId)).delegations.map((d) => d.memberCode)).toEqual(['CHL', 'FRA']);
      await dismissNotifications(page);
      await screenshot(page, 'journeys/ar-5-invited', { fullPage: true });

      // The day comes: the meeting is held (a colleague's change through the API: the form has no
      // status field), and attendance is recorded at the door.
      const planned = await getMeeting(meetingId);
      const held = await app.ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${meetingId}`,
        headers: { cookie: secretariat.cookie, 'if-match': `"${planned.version}"` },
        payload: { status: 'held' },
      });
      expect(held.statusCode, held.body).toBe(200);
      await page.reload();
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      const france = (await getMeeting(meetingId)).delegations.find((d) => d.memberCode === 'FRA');
      await page
        .getByRole('button', {
          name: fill(ar.meetings.desk.markOne.present, { member: france?.memberNames.ar ?? '' }),
          exact: true,
        })
        .click();
      await row(page, 'FRA').locator('[data-attendance="present"]').waitFor();
      await page
        .getByText(fill(plural('ar', ar.meetings.delegations, 'present', 2), { present: 1, count: 2 }))
        .waitFor();
      expect((await getMeeting(meetingId)).delegations.find((d) => d.memberCode === 'FRA')).toMatchObject({
        attendance: 'present',
      });
      await dismissNotifications(page);
      await screenshot(page, 'journeys/ar-6-attendance', { fullPage: true });
      // Arabic throughout, and saved on the account.
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      const session = await (await context.request.get('/api/v1/auth/session')).json();
      expect(session.user.language).toBe('ar');
    });
  });
});

describe("in French, France's focal point", () => {
  let meeting: Meeting;

  beforeAll(async () => {
    meeting = await buildMeeting(app.ctx, {
      kind: 'working_group',
      title: 'Groupe de travail sur la stabilisation',
      workingLanguage: 'fr',
      timeZone: 'Europe/Paris',
      startDate: `${YEAR}-06-02`,
      endDate: `${YEAR}-06-02`,
      startTime: '14:00',
      seatQuota: '1+2',
      invite: ['FRA', 'IRQ'],
    });
  });

  it('signs in, opens the meeting France is invited to, names its delegation and sees it saved', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/sign-in?next=%2Fmeetings&lang=fr');
      await signIn(page, fr, focalPoint, '/meetings');
      await page.getByRole('heading', { name: fr.meetings.list.title, level: 1 }).waitFor();
      const upcoming = page.getByRole('region', { name: new RegExp(`^${fr.meetings.list.upcoming.title}`) });
      await upcoming.getByRole('link', { name: meeting.title }).click();
      await page.getByRole('heading', { name: meeting.title, level: 1 }).waitFor();
      await screenshot(page, 'journeys/fr-1-meeting', { fullPage: true });

      await page.getByRole('link', { name: fr.meetings.focalPoint.name }).click();
      const france: Member = (await app.ctx.app.inject({ url: '/api/v1/members/FRA' })).json();
      await page
        .getByRole('heading', {
          name: fill(fr.meetingForms.nameDelegation.title, { member: france.names.fr }),
          level: 1,
        })
        .waitFor();
      const seat = fr.meetingForms.seat;
      await field(page, fr.meetingForms.delegation.level).selectOption({ label: fr.enums.level.minister });
      await chooseInPicker(page, seat.head.label, seat.someoneNew);
      await field(page, seat.head.name).fill('Jean-Noël Barrot');
      await field(page, seat.head.title).fill('Ministre de l’Europe et des Affaires étrangères');
      await page.getByRole('button', { name: fr.meetingForms.seats.add.advisers }).click();
      await chooseInPicker(page, fill(seat.advisers.label, { number: 1 }), seat.someoneNew);
      await field(page, fill(seat.advisers.name, { number: 1 })).fill('Claire Martin');
      await screenshot(page, 'journeys/fr-2-naming', { fullPage: true });
      await page.getByRole('button', { name: fr.meetingForms.delegation.submit }).click();

      // Back on the meeting's page, the delegation as saved.
      await page.waitForURL(`**/meetings/${meeting.id}#delegation-FRA`);
      await page.getByText(fr.meetingForms.nameDelegation.saved, { exact: true }).waitFor();
      await row(page, 'FRA').getByText('Jean-Noël Barrot').waitFor();
      const saved = (await getMeeting(meeting.id)).delegations.find((d) => d.memberCode === 'FRA');
      expect(saved).toMatchObject({ level: 'minister' });
      expect(saved?.head?.name).toBe('Jean-Noël Barrot');
      expect(saved?.delegates.map((d) => [d.role, d.person.name])).toEqual([
        ['head', 'Jean-Noël Barrot'],
        ['adviser', 'Claire Martin'],
      ]);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await dismissNotifications(page);
      await screenshot(page, 'journeys/fr-3-saved', { fullPage: true });
    });
  });
});
