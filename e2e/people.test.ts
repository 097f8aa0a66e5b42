import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildMember, buildPerson, buildUser } from '../src/server/test/factories.js';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import type { Language } from '../src/shared/i18n.js';
import type { Delegation } from '../src/shared/meetings.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp } from './support/browser.js';
import { fill, TEXTS } from './support/catalogs.js';

// People without duplicates: a focal point names their delegation by choosing a person the
// member has on record (searched, accents and case aside), and a name typed afresh that is a
// known person's is refused with that person offered, chosen with one click. In English and in
// Arabic (right to left). Then the secretariat merges two records of one person on the member's page.

let app: RunningApp;
let browser: Browser;
let secretariat: TestUser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  secretariat = await signedInUser(app.ctx, 'secretariat');
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

/** Signs in through the form (in English), then lands on `next`. */
async function signIn(page: Page, user: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}&lang=en`);
  await page.getByLabel(/^Email( \*)?$/).fill(user.email);
  await page.getByLabel(/^Password( \*)?$/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${next.split('?')[0]}*`);
}

/** A seat's person picker (the Select's visible input). */
const picker = (page: Page, seat: string) => page.locator(`[data-seat="${seat}"] input:not([type="hidden"])`).first();

/** Types `search` into a seat's picker and chooses the option whose text starts with `prefix`. */
async function choose(page: Page, seat: string, search: string, prefix: string): Promise<void> {
  const input = picker(page, seat);
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: new RegExp(`^${prefix}`) }).click();
}

async function delegationOf(meetingId: string, code: string): Promise<Delegation> {
  const res = await app.ctx.app.inject({
    url: `/api/v1/meetings/${meetingId}/delegations/${code}`,
    headers: { cookie: secretariat.cookie },
  });
  return res.json();
}

describe('people', () => {
  it.each(['en', 'ar'] as Language[])(
    'a focal point (%s) names the delegation by choosing people on record, and is offered the person a new name duplicates',
    async (language) => {
      const texts = TEXTS[language];
      const member = (await buildMember(app.ctx)).code;
      await buildPerson(app.ctx, { member, name: 'Jane Example', title: 'Minister' });
      const jose = await buildPerson(app.ctx, { member, name: 'Jose Perez' });
      const meeting = await buildMeeting(app.ctx, { seatQuota: '1+2', invite: [member] });
      const focal = await buildUser(app.ctx, { role: 'focal_point', member });
      const { context, page, watcher } = await openPage(browser, app.baseUrl);
      try {
        const url = `/meetings/${meeting.id}/delegations/${member}`;
        await signIn(page, focal, url);
        await page.goto(`${url}?lang=${language}`);
        await page.locator('[data-seat="head"]').waitFor();
        expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

        // The head: found by a search that ignores case and accents.
        await choose(page, 'head', 'jäne', 'Jane Example');
        await expect
          .poll(() => picker(page, 'head').inputValue())
          .toBe(fill(texts.meetingForms.seat.personWithTitle, { name: 'Jane Example', title: 'Minister' }));

        // An adviser typed afresh, who is José Pérez on record as "Jose Perez".
        await page.getByRole('button', { name: texts.meetingForms.seats.add.advisers }).click();
        // A seat added is for someone new until a person on record is chosen.
        await expect.poll(() => picker(page, 'advisers.0').inputValue()).toBe(texts.meetingForms.seat.someoneNew);
        await page
          .getByLabel(new RegExp(`^${fill(texts.meetingForms.seat.advisers.name, { number: 1 })}`))
          .fill('  josé  PÉREZ');
        watcher.expect(400, 'PUT', new RegExp(`/delegations/${member}$`));
        await page.getByRole('button', { name: texts.meetingForms.delegation.submit }).click();
        const offer = page.getByRole('button', {
          name: fill(texts.meetingForms.seat.useOffered, { name: 'Jose Perez' }),
        });
        await offer.waitFor();
        expect(await page.locator('[data-seat="advisers.0"]').textContent()).toContain(
          fill(texts.forms.field.person_exists, { name: 'Jose Perez' }),
        );
        await screenshot(page, `people-duplicate-offered-${language}`, { fullPage: true });

        // One click: the person on record is chosen, the name typed goes, and the save goes through.
        await offer.click();
        await expect.poll(() => picker(page, 'advisers.0').inputValue()).toBe('Jose Perez');
        await page.getByRole('button', { name: texts.meetingForms.delegation.submit }).click();
        await page.waitForURL(`**/meetings/${meeting.id}*#delegation-${member}`);
        const saved = await delegationOf(meeting.id, member);
        expect(saved.delegates.map((d) => [d.role, d.person.name])).toEqual([
          ['head', 'Jane Example'],
          ['adviser', 'Jose Perez'],
        ]);
        expect(saved.delegates[1].person.id).toBe(jose.id);
        // Signed in, the meeting page shows the adviser under the head.
        const row = page.locator(`.delegations-table tr[data-code="${member}"]`);
        await row.locator('[data-role="adviser"]').waitFor();
        expect(await row.textContent()).toContain('Jose Perez');
        await screenshot(page, `people-meeting-signed-in-${language}`);
        expect(watcher.problems()).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('the public meeting page shows heads, not advisers', async () => {
    const member = (await buildMember(app.ctx)).code;
    const head = await buildPerson(app.ctx, { member, name: 'Public Head' });
    const adviser = await buildPerson(app.ctx, { member, name: 'Quiet Adviser' });
    const meeting = await buildMeeting(app.ctx, { seatQuota: '1+2', invite: [member] });
    const current = await delegationOf(meeting.id, member);
    const put = await app.ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/delegations/${member}`,
      headers: { cookie: secretariat.cookie, 'if-match': `"${current.version}"` },
      payload: { level: null, head: { personId: head.id }, advisers: [{ personId: adviser.id }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const { context, page, watcher } = await openPage(browser, app.baseUrl);
    try {
      await page.goto(`/meetings/${meeting.id}`);
      const row = page.locator(`.delegations-table tr[data-code="${member}"]`);
      await row.getByText('Public Head').waitFor();
      expect(await row.textContent()).not.toContain('Quiet Adviser');
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the secretariat merges two records of one person on the member’s page', async () => {
    const member = (await buildMember(app.ctx)).code;
    const kept = await buildPerson(app.ctx, { member, name: 'Dana Example' });
    const twin = await buildPerson(app.ctx, { member, name: 'Dana Exemple' });
    const { context, page, watcher } = await openPage(browser, app.baseUrl);
    try {
      await signIn(page, secretariat, `/members/${member}`);
      await page.getByRole('heading', { name: 'Dana Exemple' }).waitFor();
      const card = page.locator('article').filter({ has: page.getByRole('heading', { name: 'Dana Exemple' }) });
      const into = card.getByLabel('Merge Dana Exemple into…');
      await into.click();
      await page.getByRole('option', { name: 'Dana Example' }).click();
      await screenshot(page, 'people-merge-en');
      await card.getByRole('button', { name: 'Merge' }).click();
      await page.getByText('Dana Exemple was merged into Dana Example').waitFor();
      await page.getByRole('heading', { name: 'Dana Exemple' }).waitFor({ state: 'detached' });
      const left = await app.ctx.app.inject({
        url: `/api/v1/people?member=${member}`,
        headers: { cookie: secretariat.cookie },
      });
      expect(left.json().items.map((p: { id: string }) => p.id)).toEqual([kept.id]);
      expect(twin.id).not.toBe(kept.id);
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
