import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import type { Delegation, Meeting, MeetingSummary } from '../src/shared/meetings.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// The meetings journey: the secretariat plans a meeting through the form and invites France
// and Iraq; France's focal point, reading from Los Angeles, names the delegation within the
// seat quota and is refused Iraq's; the meeting is held and the secretariat records attendance
// (and meets a colleague's change); the focal point can no longer name. Then the public reads
// the Brussels ministerial of the demo, its printable list and its iCalendar file.

let app: RunningApp;
let browser: Browser;
let secretariat: TestUser;
let focalPoint: TestUser;
/** The meeting the journey creates through the form; the tests below follow it in order. */
let meetingId = '';
let brusselsId = '';

// Next year, so that the meeting stays upcoming whenever the test runs. 10 March is in winter
// time in Brussels (UTC+1): 10:00 there is 01:00 in Los Angeles and 09:00 UTC.
const YEAR = new Date().getUTCFullYear() + 1;
const DATE = `${YEAR}-03-10`;
const TITLE = 'Senior officials on foreign terrorist fighters';
const WHEN = `10 March ${YEAR}, 10:00–12:30 (Europe/Brussels)`;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  secretariat = await signedInUser(app.ctx, 'secretariat');
  focalPoint = await signedInUser(app.ctx, 'focal_point', { member: 'FRA' });
  const list: MeetingSummary[] = (await app.ctx.app.inject({ url: '/api/v1/meetings' })).json().items;
  brusselsId = (list.find((m) => m.startDate === '2014-12-03') as MeetingSummary).id;
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

type PageOptions = { viewport?: { width: number; height: number }; timezoneId?: string };

async function withPage(run: (p: WatchedPage) => Promise<void>, options: PageOptions = {}): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, options.viewport, { timezoneId: options.timezoneId });
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

/** A form field by its label, whether or not the label carries the (hidden) asterisk of a required field. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`));

async function signInThroughForm(page: Page, user: TestUser, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await field(page, 'Email').fill(user.email);
  await field(page, 'Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${next}`);
}

async function getMeeting(id: string, cookie?: string): Promise<Meeting> {
  const res = await app.ctx.app.inject({ url: `/api/v1/meetings/${id}`, headers: cookie ? { cookie } : {} });
  expect(res.statusCode).toBe(200);
  return res.json();
}

// Read as the secretariat: alternates and advisers are not the public's to see.
const delegationOf = async (code: string): Promise<Delegation> =>
  (await getMeeting(meetingId, secretariat.cookie)).delegations.find((d) => d.memberCode === code) as Delegation;

/** Changes the meeting through the API, as a colleague at the secretariat would, with the version it has. */
async function patchMeeting(change: Record<string, unknown>): Promise<void> {
  const { version } = await getMeeting(meetingId);
  const res = await app.ctx.app.inject({
    method: 'PATCH',
    url: `/api/v1/meetings/${meetingId}`,
    headers: { cookie: secretariat.cookie, 'if-match': `"${version}"` },
    payload: change,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Closes the notifications ("Signed in.", "Delegation saved"), so that a screenshot shows the page under them. */
async function dismissNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root button'))
      button.click();
  });
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0);
}

/** Text as a reader sees it: Intl's thin and no-break spaces read as spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');

const row = (page: Page, code: string) => page.locator(`.delegations-table tr[data-code="${code}"]`);
/** A cell of a delegation's row: 0 No., 1 code, 2 member, 3 head, 4 level, 5 attendance. */
const cell = (page: Page, code: string, index: number) => row(page, code).locator('td').nth(index);

/** A seat's searchable person picker, by its label (its list of options carries the same label). */
const picker = (page: Page, label: string) => page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) });

/** Chooses, in a seat's searchable picker, the option whose text starts with `prefix` (a person's name before their title). */
async function selectStartingWith(page: Page, label: string, prefix: string): Promise<void> {
  const select = picker(page, label);
  await select.click();
  await select.fill('');
  const option = page.getByRole('option', { name: new RegExp(`^${prefix.replace(/[()]/g, '.')}`) });
  expect(await option.count(), `${label} offers ${prefix}`).toBe(1);
  await option.click();
}

describe('meetings', () => {
  it('the secretariat plans a meeting through the form, then invites France and Iraq on its page', async () => {
    await withPage(async ({ page, watcher }) => {
      await signInThroughForm(page, secretariat, '/secretariat');
      await page.getByRole('link', { name: 'New meeting' }).click();
      await page.getByRole('heading', { name: 'New meeting', level: 1 }).waitFor();
      expect(await page.title()).toBe('New meeting · Entente');

      await field(page, 'Kind').selectOption('senior_officials');
      await field(page, 'Host').selectOption('BEL');
      await field(page, 'Title').fill(TITLE);
      await field(page, 'City').fill('Brussels');
      await field(page, 'Venue').fill('Egmont Palace');
      // A zone IANA does not know: the server's field error lands on the field.
      await field(page, 'Time zone').fill('Europe/Bruxelles');
      await field(page, 'Start date').fill(DATE);
      await field(page, 'Start time').fill('10:00');
      await field(page, 'End time').fill('12:30');
      await field(page, 'Seat quota').fill('1+2');
      await page.getByRole('button', { name: 'Add an agenda item' }).click();
      await field(page, 'Item 1').fill('Opening');
      await page.getByRole('button', { name: 'Add an agenda item' }).click();
      await field(page, 'Item 2').fill('Returning foreign terrorist fighters');
      // The line of effort is picked from the lines, by name.
      await field(page, 'Line of effort of item 2').selectOption('LOE2-ftf');

      watcher.expect(400, 'POST', /^\/api\/v1\/meetings$/);
      await page.getByRole('button', { name: 'Create the meeting' }).click();
      await page.getByRole('alert').getByText('Some fields need a correction').waitFor();
      const zone = field(page, 'Time zone');
      await expect.poll(() => zone.getAttribute('aria-invalid')).toBe('true');
      const zoneError = await page.locator(`[id="${await zone.getAttribute('id')}-error"]`).textContent();
      expect(zoneError).toBe('Must be an IANA time zone such as Europe/Brussels');

      await zone.fill('Europe/Brussels');
      await page.getByRole('button', { name: 'Create the meeting' }).click();
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
      meetingId = new URL(page.url()).pathname.split('/').pop() as string;
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      expect(await page.title()).toBe(`${TITLE} · Entente`);
      expect(await page.getByRole('row', { name: /^When/ }).textContent()).toContain(WHEN);

      const created = await getMeeting(meetingId);
      expect(created).toMatchObject({
        kind: 'senior_officials',
        status: 'planned',
        hostCode: 'BEL',
        timeZone: 'Europe/Brussels',
        startDate: DATE,
        endDate: DATE,
        startTime: '10:00',
        endTime: '12:30',
        seatQuota: '1+2',
        visibility: 'public',
        agenda: [
          { position: 1, title: 'Opening', lineOfEffort: null },
          { position: 2, title: 'Returning foreign terrorist fighters', lineOfEffort: 'LOE2-ftf' },
        ],
      });
      const agenda = page.getByRole('region', { name: 'Agenda' });
      const items = agenda.getByRole('listitem');
      const ftf = 'Stopping the flow of foreign terrorist fighters';
      // The line by its name once the lines are read, linked to its page.
      await expect
        .poll(() => items.allTextContents())
        .toEqual(['Opening', `Returning foreign terrorist fighters${ftf}`]);
      const line = items.nth(1).locator('.mantine-Badge-root');
      expect(await line.textContent()).toBe(ftf);
      expect(await line.getAttribute('href')).toBe('/lines-of-effort/LOE2-ftf');

      // Invite through the member picker: France, then Iraq.
      await page.getByText('No member is invited yet.').waitFor();
      const picker = page.getByRole('combobox', { name: 'Members to invite' });
      for (const [search, option] of [
        ['Fran', 'France (FRA)'],
        ['Iraq', 'Iraq (IRQ)'],
      ]) {
        await picker.click();
        await picker.fill(search);
        await page.getByRole('option', { name: option }).click();
      }
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      await row(page, 'IRQ').waitFor();
      expect(
        await page.locator('.delegations-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.code)),
      ).toEqual(['FRA', 'IRQ']);
      expect(await cell(page, 'FRA', 2).textContent()).toBe('France');
      expect(await cell(page, 'FRA', 3).textContent()).toMatch(/^not known/);
      expect((await getMeeting(meetingId)).delegations.map((d) => d.memberCode)).toEqual(['FRA', 'IRQ']);
      await page.getByRole('heading', { name: 'Delegations (2)' }).waitFor();
      await dismissNotifications(page);
      await screenshot(page, 'meeting-invited', { fullPage: true });
    });
  });

  it("France's focal point, in Los Angeles, sees 10:00 Brussels time and names the delegation within the quota", async () => {
    expect(meetingId).not.toBe('');
    await withPage(
      async ({ page }) => {
        // The browser really is in Los Angeles: a time converted to it would read 01:00.
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
        const { startsAt } = await getMeeting(meetingId);
        const converted = await page.evaluate(
          (iso) => new Date(iso as string).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }),
          startsAt,
        );
        expect(converted).toBe('01:00');

        await signInThroughForm(page, focalPoint, '/meetings');
        const upcoming = page.getByRole('region', { name: /^Upcoming/ });
        const listed = upcoming.locator(`tr[data-meeting="${meetingId}"]`);
        await listed.waitFor();
        const date = plain(await listed.locator('td').first().textContent());
        expect(date).toBe(`10 March ${YEAR}10:00–12:30 Brussels time`);

        await listed.getByRole('link', { name: TITLE }).click();
        await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
        const when = await page.getByRole('row', { name: /^When/ }).textContent();
        expect(when).toContain(WHEN);
        expect(when).not.toContain('01:00');

        await page.getByRole('link', { name: 'Name your delegation' }).click();
        await page.getByRole('heading', { name: 'Delegation of France', level: 1 }).waitFor();
        expect(await page.title()).toBe('Delegation of France · Entente');
        const quota = page.locator('#quota');
        expect(plain(await quota.textContent())).toContain('Seat quota 1+2: the head and up to 2 others.');

        const before = await delegationOf('FRA');
        const puts: { ifMatch: string | undefined; body: unknown }[] = [];
        page.on('request', (request) => {
          if (request.method() === 'PUT')
            puts.push({ ifMatch: request.headers()['if-match'], body: request.postDataJSON() });
        });

        await field(page, 'Level of representation').selectOption({ label: 'Minister' });
        await selectStartingWith(page, 'Head of delegation', 'Someone new (type the name)');
        await field(page, 'Name of head of delegation').fill('Jean-Noël Barrot');
        await field(page, 'Title of head of delegation').fill('Minister for Europe and Foreign Affairs');
        // One alternate on record with France, one adviser named afresh: the two seats of 1+2.
        await page.getByRole('button', { name: 'Add an alternate' }).click();
        await selectStartingWith(page, 'Alternate 1', 'Laurent Fabius');
        await page.getByRole('button', { name: 'Add an adviser' }).click();
        await field(page, 'Name of adviser 1').fill('Claire Martin');
        expect(plain(await quota.textContent())).toContain('2 of 2 seats beside the head taken');

        // A third person beside the head: the button looks and says it is disabled (aria-disabled)
        // but keeps its focus, so that a keyboard user who presses it learns why it adds nobody.
        const addAlternate = page.getByRole('button', { name: 'Add an alternate' });
        expect(await addAlternate.getAttribute('aria-disabled')).toBe('true');
        await addAlternate.focus();
        await page.keyboard.press('Enter');
        const refusal = page.getByRole('alert').filter({ hasText: 'The quota is reached' });
        await refusal.waitFor();
        expect(await page.locator('[data-seat]').count()).toBe(3);
        await dismissNotifications(page);
        await screenshot(page, 'delegation-form-quota', { fullPage: true });

        // Back within the quota: the adviser goes, the message with it.
        await page.getByRole('button', { name: 'Remove adviser 1' }).click();
        await refusal.waitFor({ state: 'detached' });
        expect(plain(await quota.textContent())).toContain('1 of 2 seats beside the head taken');
        await page.getByRole('button', { name: 'Save the delegation' }).click();

        await page.waitForURL(`**/meetings/${meetingId}#delegation-FRA`);
        const france = row(page, 'FRA');
        await france.getByText('Jean-Noël Barrot').waitFor();
        expect(await france.getAttribute('data-highlighted')).toBe('true');
        expect(plain(await france.textContent())).toContain('Minister for Europe and Foreign Affairs');
        expect(await cell(page, 'FRA', 4).textContent()).toBe('Minister');

        expect(puts).toHaveLength(1);
        expect(puts[0].ifMatch).toBe(`"${before.version}"`);
        expect(puts[0].body).toMatchObject({
          level: 'minister',
          head: { name: 'Jean-Noël Barrot', title: 'Minister for Europe and Foreign Affairs' },
          advisers: [],
        });
        const saved = await delegationOf('FRA');
        expect(saved).toMatchObject({
          level: 'minister',
          head: { name: 'Jean-Noël Barrot' },
          version: before.version + 1,
        });
        expect(saved.delegates.map((d) => [d.role, d.person.name])).toEqual([
          ['head', 'Jean-Noël Barrot'],
          ['alternate', 'Laurent Fabius'],
        ]);
        expect(await page.getByText('Attendance is recorded once the meeting is held.').count()).toBe(1);
        await dismissNotifications(page);
        await screenshot(page, 'meeting-desktop', { fullPage: true });

        // Iraq's delegation is not France's to name: the page says so, and nothing is sent.
        await page.goto(`/meetings/${meetingId}/delegations/IRQ`);
        await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
        const refused = page.getByRole('alert');
        expect(await refused.textContent()).toContain("Iraq's delegation is not yours to name");
        expect(await refused.textContent()).toContain("you may name France's, not Iraq's");
        expect(await page.getByRole('button', { name: 'Save the delegation' }).count()).toBe(0);
        expect(puts).toHaveLength(1);
        await screenshot(page, 'delegation-not-allowed');
      },
      { timezoneId: 'America/Los_Angeles' },
    );
  });

  it('on a phone the list and the meeting page fit the screen; the tables keep what matters', async () => {
    await withPage(
      async ({ page }) => {
        const fits = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await page.goto('/meetings');
        const listed = page.locator(`tr[data-meeting="${meetingId}"]`);
        await listed.waitFor();
        expect(await fits()).toBeLessThanOrEqual(0);
        // Kind, City and Status give way to the title; what they say is under it.
        const header = await page
          .getByRole('region', { name: /^Upcoming/ })
          .locator('thead th:visible')
          .allTextContents();
        expect(header).toEqual(['Date', 'Meeting']);
        // biome-ignore lint/performance/useDomNodeTextContent: what the phone shows, the hidden columns left out
        expect(plain(await listed.locator('td').nth(1).innerText())).toContain('Senior officials · Brussels · Planned');
        await screenshot(page, 'meetings-list-phone');

        await listed.getByRole('link', { name: TITLE }).click();
        await row(page, 'FRA').getByText('Jean-Noël Barrot').waitFor();
        expect(await fits()).toBeLessThanOrEqual(0);
        const attendance = page.getByRole('columnheader', { name: 'Attendance' });
        const box = await attendance.boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(390);
        // The Level column gave way; the level is under the head instead.
        expect(await page.getByRole('columnheader', { name: 'Level' }).isVisible()).toBe(false);
        expect(plain(await row(page, 'FRA').textContent())).toContain('Level: Minister');
        await screenshot(page, 'meeting-phone', { fullPage: true });
      },
      { viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Tokyo' },
    );
  });

  it('the server has the last word: a quota lowered meanwhile (400), a colleague’s change (409), the meeting held (409)', async () => {
    await withPage(
      async ({ page, watcher }) => {
        const url = `/meetings/${meetingId}/delegations/FRA`;
        const save = page.getByRole('button', { name: 'Save the delegation' });
        const banner = page.locator('.form-banner [role="alert"]');
        await signInThroughForm(page, focalPoint, url);
        await save.waitFor();

        // The secretariat lowers the quota to the head alone while the form is open.
        await patchMeeting({ seatQuota: '1+0' });
        watcher.expect(400, 'PUT', /\/delegations\/FRA$/);
        await save.click();
        await banner.getByText('Some fields need a correction').waitFor();
        // The server puts the error on the list that overflows first: here the alternate, in the
        // reader's words from the error's code and parameters.
        expect(await page.getByRole('group', { name: 'Alternates' }).textContent()).toContain(
          'The seat quota is 1+0: at most 0 people beside the head',
        );
        // The form reads the meeting again and counts with the new quota.
        await page.locator('#quota').getByText('Seat quota 1+0: the head of delegation alone.').waitFor();
        expect(plain(await page.locator('#quota').textContent())).toContain('One too many: remove someone.');
        await dismissNotifications(page);
        await screenshot(page, 'delegation-form-server-quota', { fullPage: true });
        await patchMeeting({ seatQuota: '1+2' });

        // A colleague at the secretariat adds an adviser: this form's version is now old.
        const current = await delegationOf('FRA');
        const alternate = current.delegates.find((d) => d.role === 'alternate')?.person.id as string;
        const colleague = await app.ctx.app.inject({
          method: 'PUT',
          url: `/api/v1/meetings/${meetingId}/delegations/FRA`,
          headers: { cookie: secretariat.cookie, 'if-match': `"${current.version}"` },
          payload: {
            level: 'minister',
            head: { personId: current.head?.id },
            alternates: [{ personId: alternate }],
            advisers: [{ name: 'Sophie Lefèvre', title: 'Counter-terrorism adviser' }],
          },
        });
        expect(colleague.statusCode, colleague.body).toBe(200);
        watcher.expect(409, 'PUT', /\/delegations\/FRA$/);
        await save.click();
        const conflict = banner.filter({ hasText: 'Someone else changed this delegation' });
        await conflict.waitFor();
        await conflict.getByRole('button', { name: 'Reload the delegation' }).click();
        await conflict.waitFor({ state: 'detached' });
        expect(await picker(page, 'Adviser 1').inputValue()).toBe('Sophie Lefèvre — Counter-terrorism adviser');

        // The meeting is held before this save: naming is over for the focal point.
        await patchMeeting({ status: 'held' });
        await save.click();
        const closed = banner.filter({ hasText: 'The delegation was not saved' });
        await closed.getByText(/^The meeting is held/).waitFor();
        await closed.getByRole('link', { name: 'Back to the meeting' }).waitFor();
        expect(await delegationOf('FRA')).toMatchObject({ version: current.version + 1 });
      },
      { timezoneId: 'America/Los_Angeles' },
    );
  });

  it('once held, the secretariat records attendance with If-Match, and meets a colleague’s change', async () => {
    expect((await getMeeting(meetingId)).status).toBe('held');
    await withPage(async ({ page, watcher }) => {
      await signInThroughForm(page, secretariat, `/meetings/${meetingId}`);
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      expect(await page.locator('[data-status]').first().textContent()).toBe('Held');
      await page.getByText('0 of 2 delegations recorded as present.').waitFor();

      const france = await delegationOf('FRA');
      const puts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'PUT') puts.push(`${request.url()} ${request.headers()['if-match']}`);
      });
      await page.getByRole('button', { name: 'Mark France present', exact: true }).click();
      await row(page, 'FRA').locator('[data-attendance="present"]').waitFor();
      await page.getByText('1 of 2 delegations recorded as present.').waitFor();
      expect(puts).toEqual([`${app.baseUrl}/api/v1/meetings/${meetingId}/attendance/FRA "${france.version}"`]);
      expect(await delegationOf('FRA')).toMatchObject({ attendance: 'present', version: france.version + 1 });
      await dismissNotifications(page);
      await screenshot(page, 'attendance-recorded', { fullPage: true });

      // A colleague records Iraq as absent after this page was loaded; this page still has the old version.
      const iraq = await delegationOf('IRQ');
      const colleague = await app.ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/meetings/${meetingId}/attendance/IRQ`,
        headers: { cookie: secretariat.cookie, 'if-match': `"${iraq.version}"` },
        payload: { attendance: 'absent', note: 'Sent apologies.' },
      });
      expect(colleague.statusCode, colleague.body).toBe(200);

      watcher.expect(409, 'PUT', /\/attendance\/IRQ$/);
      await page.getByRole('button', { name: 'Mark Iraq present', exact: true }).click();
      // Said on Iraq's own row of the desk, where the click was.
      const conflict = page.locator('.attendance-desk li[data-code="IRQ"]').getByRole('alert');
      await conflict.waitFor();
      expect(await conflict.textContent()).toBe('Iraq: not recorded. Someone else changed this in the meantime.');
      // Reloaded: the colleague's answer shows, and nothing of ours overwrote it.
      await row(page, 'IRQ').locator('[data-attendance="absent"]').waitFor();
      expect(
        await page.getByRole('button', { name: 'Mark Iraq absent', exact: true }).getAttribute('aria-pressed'),
      ).toBe('true');
      expect(await delegationOf('IRQ')).toMatchObject({ attendance: 'absent', attendanceNote: 'Sent apologies.' });
      await screenshot(page, 'attendance-conflict');
    });
  });

  it('after the meeting, the focal point can no longer name the delegation', async () => {
    await withPage(
      async ({ page }) => {
        await signInThroughForm(page, focalPoint, `/meetings/${meetingId}`);
        await row(page, 'FRA').locator('[data-attendance="present"]').waitFor();
        const closed = page.getByRole('note').filter({ hasText: "France's delegation" });
        expect(await closed.textContent()).toContain('The meeting is held: the delegation can no longer be changed');
        expect(await page.getByRole('link', { name: 'Name your delegation' }).count()).toBe(0);
        // The address typed by hand says the same.
        await page.goto(`/meetings/${meetingId}/delegations/FRA`);
        await page.getByRole('heading', { name: 'Delegations are closed', level: 1 }).waitFor();
        expect(await page.getByRole('button', { name: 'Save the delegation' }).count()).toBe(0);
      },
      { timezoneId: 'America/Los_Angeles' },
    );
  });

  it('the printable list has every delegation in protocol order, and prints without the site around it', async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/meetings/${brusselsId}`);
      await page.getByRole('link', { name: 'Printable delegation list' }).click();
      await page.getByRole('heading', { name: 'List of delegations', level: 1 }).waitFor();
      const rows = page.locator('.print-table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(60);
      expect(await rows.first().getAttribute('data-code')).toBe('USA');
      const usa = plain(await rows.first().textContent());
      expect(usa).toContain('John Kerry');
      // Alternates are the coalition's to know: the public's list has the heads only.
      expect(usa).not.toContain('John R. Allen (Gen., USMC ret.)');
      expect(usa).not.toContain('(alternate)');
      await page.getByText(/60 delegations, in protocol order: The host first/).waitFor();

      // Print calls the browser's own dialog (stubbed here: headless Chromium has none).
      await page.evaluate(() => {
        window.print = () => {
          (window as unknown as { printed: boolean }).printed = true;
        };
      });
      await page.getByRole('button', { name: 'Print' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);

      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await rows.first().isVisible()).toBe(true);
      await screenshot(page, 'printable-list', { fullPage: true });
    });
  });

  it('the public sees the Brussels ministerial: 60 delegations, the host first, al-Abadi for Iraq, the quotes', async () => {
    const brussels = await getMeeting(brusselsId);
    const coalitionOnly = await app.ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: { cookie: secretariat.cookie },
      payload: {
        kind: 'small_group',
        title: 'Small group, members only',
        timeZone: 'Asia/Baghdad',
        startDate: DATE,
        endDate: DATE,
        visibility: 'coalition',
      },
    });
    expect(coalitionOnly.statusCode).toBe(201);

    await withPage(async ({ page, watcher }) => {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      expect(await page.title()).toBe('Meetings · Entente');
      const past = page.getByRole('region', { name: /^Past/ });
      await past.locator(`tr[data-meeting="${brusselsId}"]`).waitFor();
      // Only what the public may see: the coalition's own meeting is not listed.
      expect(await page.getByText('Small group, members only').count()).toBe(0);
      const june = plain(await past.locator('tr', { hasText: 'The Hague' }).first().textContent());
      expect(june).toContain('June 2015'); // only the month is known
      expect(plain(await past.locator('tr', { hasText: 'Tampa' }).textContent())).toContain('12 – 21 November 2014');
      await screenshot(page, 'meetings-list', { fullPage: true });

      // The calendar of every public meeting.
      const all = await page.request.get(
        (await page.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href')) as string,
      );
      expect(all.headers()['content-type']).toContain('text/calendar');
      expect(await all.text()).toContain('BEGIN:VCALENDAR');

      await field(page, 'Kind').selectOption({ label: 'Ministerial' });
      await expect.poll(() => page.url()).toContain('kind=ministerial');
      const ministerials: MeetingSummary[] = (
        await app.ctx.app.inject({ url: '/api/v1/meetings?when=past&kind=ministerial' })
      ).json().items;
      expect(ministerials.length).toBeGreaterThan(1);
      await expect
        .poll(() => past.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-meeting'))))
        .toEqual(ministerials.map((m) => m.id));

      await past.getByRole('link', { name: brussels.title }).click();
      await page.getByRole('heading', { name: brussels.title, level: 1 }).waitFor();
      expect(await page.getByRole('row', { name: /^When/ }).textContent()).toContain('3 December 2014');
      expect(await page.getByRole('row', { name: /^Host/ }).textContent()).toContain('United States');
      expect(await page.getByRole('row', { name: /^Chair/ }).textContent()).toContain('John Kerry');
      expect(await page.getByText(/^In protocol order: The host first/).count()).toBe(1);
      const rows = page.locator('.delegations-table tbody tr');
      await rows.first().waitFor();
      // The 57 the sources do not name are summed up in one line, and listed on request.
      expect(await rows.count()).toBe(3);
      await page.getByText('57 delegations inferred from the 60-partner count, not confirmed').waitFor();
      await page.getByRole('button', { name: 'Show them' }).click();
      expect(await rows.count()).toBe(60);
      expect(await rows.first().getAttribute('data-code')).toBe('USA');
      expect(plain(await rows.first().textContent())).toContain('(host)');
      const iraq = plain(await row(page, 'IRQ').textContent());
      expect(iraq).toContain('Haider al-Abadi');
      expect(iraq).toContain('Head of state or government');
      expect(iraq).toContain('present');
      // What the sources do not give stays "not known".
      expect(await cell(page, 'ALB', 3).textContent()).toMatch(/^not known/);
      expect(await cell(page, 'ALB', 4).textContent()).toBe('not known');
      expect(await cell(page, 'ALB', 5).locator('[data-attendance]').getAttribute('data-attendance')).toBe('unknown');
      // Nobody is offered to record attendance or to name a delegation.
      expect(await page.getByRole('button', { name: /^Mark .* (present|absent)$/ }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Name your delegation' }).count()).toBe(0);

      // The attendance note, on hover.
      await row(page, 'ALB').locator('[data-attendance]').hover();
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toBe(
        brussels.delegations.find((d) => d.memberCode === 'ALB')?.attendanceNote,
      );
      await page.mouse.move(0, 0);

      const quotes = page.locator('blockquote');
      expect(await quotes.count()).toBe(3);
      const expected = brussels.remarks.flatMap((r) => r.quotes.map((q) => `“${q.text}”`));
      expect(await quotes.allTextContents()).toEqual(expected);
      expect(expected[2]).toContain('shared faith in one another');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'meeting-brussels');

      const ics = await page.request.get(
        (await page.getByRole('link', { name: 'Download .ics' }).getAttribute('href')) as string,
      );
      expect(ics.status()).toBe(200);
      expect(ics.headers()['content-type']).toContain('text/calendar');
      expect(await ics.text()).toContain('BEGIN:VEVENT');

      // The coalition's meeting is not found at its own address either.
      watcher.expect(404, 'GET', /^\/api\/v1\/meetings\/[0-9a-f-]{36}$/);
      watcher.expect(404, 'GET', /^\/meetings\/[0-9a-f-]{36}$/);
      await page.goto(`/meetings/${coalitionOnly.json().id}`);
      await page.getByRole('heading', { name: 'Meeting not found', level: 1 }).waitFor();
    });
  });
});
