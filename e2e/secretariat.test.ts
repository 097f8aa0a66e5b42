import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import type { Member } from '../src/shared/members.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// The secretariat's journey: sign in (with the keyboard), add a member, see it listed, edit it,
// meet someone else's change (409) and recover; and the people who may not do any of it.

let app: RunningApp;
let browser: Browser;
let secretariat: TestUser;

beforeAll(async () => {
  // Two wrong passwords and the account is paused: the 429 message is reached in three tries.
  [app, browser] = await Promise.all([startApp({ session: { maxFailuresPerAccount: 2 } }), launchBrowser()]);
  secretariat = await signedInUser(app.ctx, 'secretariat');
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, app.baseUrl);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

/** A form field by its label, whether or not the label carries the (hidden) asterisk of a required field. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`));

/** Signs in through the form, submitting it with Enter, and waits for the header to say who is in. */
async function signInWithKeyboard(page: Page, user: { email: string; password: string }, next = '/secretariat') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  const email = field(page, 'Email');
  await email.waitFor();
  await email.focus();
  await page.keyboard.type(user.email);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('current-password');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${next}`);
}

async function getMember(code: string): Promise<Member> {
  const res = await app.ctx.app.inject({ method: 'GET', url: `/api/v1/members/${code}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The field's error message, as Mantine ties it to the input (aria-describedby). */
async function fieldError(page: Page, label: string): Promise<string | null> {
  const input = field(page, label);
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
  for (const id of ids) {
    const text = await page.locator(`[id="${id}"]`).textContent();
    if (id.endsWith('-error')) return text;
  }
  return null;
}

describe('secretariat', () => {
  it('signs in with the keyboard, adds a member, and finds it on the map and in the table', async () => {
    await withPage(async ({ page, watcher }) => {
      await signInWithKeyboard(page, secretariat);
      await page.getByRole('heading', { name: 'Secretariat', level: 1 }).waitFor();
      // The header says who is signed in, and as what.
      // Named by what it shows (WCAG 2.5.3), after a word for screen readers (not the initials: hidden).
      const account = page.getByRole('button', { name: /^Account: Test secretariat \w+$/ });
      // The header's menus load just after the page's first render (a chunk of their own): wait for it.
      await expect.poll(() => account.count()).toBe(1);
      // The secretariat's own places are in the header's "My work" menu.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My work' }).click();
      // The menu's items mount once it opens, a moment after the click: wait for them, do not count at once.
      await page.getByRole('menuitem', { name: 'Secretariat' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Recent changes' }).waitFor();
      await screenshot(page, 'secretariat-desk');

      await page.getByRole('link', { name: 'Add a member' }).click();
      await page.getByRole('heading', { name: 'Add a member', level: 1 }).waitFor();
      expect(await page.title()).toBe('Add a member · Entente');

      // An organisation needs its three names: the form says so before sending anything.
      await page.getByRole('radio', { name: 'Organisation' }).check();
      await field(page, 'Code').fill('OIC');
      await page.getByRole('button', { name: 'Add the member' }).click();
      expect(await fieldError(page, 'English name')).toBe('Is required');
      await screenshot(page, 'add-member-client-errors', { fullPage: true });

      // A state code that ISO does not know: the server's field error lands on the Code field.
      watcher.expect(400, 'POST', /^\/api\/v1\/members$/);
      await page.getByRole('radio', { name: 'State' }).check();
      await field(page, 'Code').fill('zzq');
      expect(await field(page, 'Code').inputValue()).toBe('ZZQ');
      await page.getByRole('button', { name: 'Add the member' }).click();
      expect(await fieldError(page, 'Code')).toBe('Must be an ISO 3166-1 alpha-3 code (or XKX for Kosovo)');
      await page.getByRole('alert').getByText('Some fields need a correction').waitFor();
      await screenshot(page, 'add-member-server-error', { fullPage: true });

      // Chile, with its names left to ISO, a joining date and a note.
      await field(page, 'Code').fill('CHL');
      await field(page, 'Joined on').fill('2015-03-02');
      await field(page, 'Note').fill('Added by the browser test.');
      await page.getByRole('button', { name: 'Add the member' }).click();
      await page.waitForURL('**/members/CHL');
      await page.getByRole('heading', { name: 'Chile', level: 1 }).waitFor();
      expect(await page.locator('span[lang="fr"]').textContent()).toBe('Chili');
      expect(await page.locator('span[lang="ar"][dir="rtl"]').textContent()).toBe('تشيلي');
      expect(await page.getByRole('row', { name: /Joined/ }).textContent()).toContain('2 March 2015');
      await screenshot(page, 'added-member-page');

      const chile = await getMember('CHL');
      expect(chile).toMatchObject({
        kind: 'state',
        joinedOn: '2015-03-02',
        note: 'Added by the browser test.',
        version: 1,
      });

      // Listed: in the table (the cache was invalidated, no reload) and filled on the map.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
      await page.getByRole('searchbox', { name: 'Search members' }).fill('chil');
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
      expect(await page.locator('table tbody tr').getAttribute('data-code')).toBe('CHL');
      const onMap = page.locator('svg.world-map a[data-code="CHL"]');
      await onMap.waitFor();
      expect(await onMap.locator('title').textContent()).toBe('Chile');
      await page.getByRole('searchbox', { name: 'Search members' }).fill('');
      await screenshot(page, 'members-with-chile');
      expect(await page.getByText('67 members: 65 states and 2 organisations.').count()).toBe(1);

      // The secretariat's desk lists the addition first among the recent changes, with who made it.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My work' }).click();
      await page.getByRole('menuitem', { name: 'Secretariat' }).click();
      const latest = page.getByRole('region', { name: 'Recent changes' }).locator('tbody tr').first();
      await latest.getByText('Chile (CHL) added').waitFor();
      expect(await latest.textContent()).toContain(secretariat.email);
    });
  });

  it('edits a member through the form, sending If-Match with the version it read', async () => {
    await withPage(async ({ page }) => {
      await signInWithKeyboard(page, secretariat);
      const before = await getMember('JPN');
      const patches: { ifMatch: string | undefined; body: unknown }[] = [];
      page.on('request', (request) => {
        if (request.method() === 'PATCH')
          patches.push({ ifMatch: request.headers()['if-match'], body: request.postDataJSON() });
      });

      await page.getByRole('searchbox', { name: 'Find a member to edit' }).fill('japan');
      await page.getByRole('link', { name: 'Edit Japan' }).click();
      await page.getByRole('heading', { name: 'Edit Japan', level: 1 }).waitFor();
      const note = field(page, 'Note');
      await expect.poll(() => note.inputValue()).toBe(before.note ?? '');
      expect(await field(page, 'Code').getAttribute('readonly')).not.toBeNull();
      await field(page, 'Joined on').fill('2014-09-15');
      await note.fill('Humanitarian line of effort only.');
      await screenshot(page, 'edit-member-form', { fullPage: true });
      await page.getByRole('button', { name: 'Save changes' }).click();

      await page.waitForURL('**/members/JPN');
      await page.getByRole('cell', { name: 'Humanitarian line of effort only.' }).waitFor();
      expect(await page.getByRole('row', { name: /Joined/ }).textContent()).toContain('15 September 2014');
      expect(patches).toHaveLength(1);
      expect(patches[0].ifMatch).toBe(`"${before.version}"`);
      expect(patches[0].body).toMatchObject({ joinedOn: '2014-09-15', note: 'Humanitarian line of effort only.' });
      const after = await getMember('JPN');
      expect(after).toMatchObject({ version: before.version + 1, joinedOn: '2014-09-15' });
      // The joining note the sources gave is kept: the form does not drop what it did not touch.
      expect(after.joinedNote).toBe(before.joinedNote);
    });
  });

  it('tells the user when someone else changed the member, and saves after a reload', async () => {
    await withPage(async ({ page, watcher }) => {
      await signInWithKeyboard(page, secretariat, '/secretariat/members/NOR/edit');
      await page.getByRole('heading', { name: 'Edit Norway', level: 1 }).waitFor();
      const note = field(page, 'Note');
      const read = await getMember('NOR');
      await expect.poll(() => note.inputValue()).toBe(read.note ?? '');

      // Meanwhile, a colleague changes Norway through the API.
      const colleague = await app.ctx.app.inject({
        method: 'PATCH',
        url: '/api/v1/members/NOR',
        headers: { cookie: secretariat.cookie, 'if-match': `"${read.version}"` },
        payload: { note: 'Changed by a colleague.' },
      });
      expect(colleague.statusCode).toBe(200);

      watcher.expect(409, 'PATCH', /^\/api\/v1\/members\/NOR$/);
      await note.fill('My change.');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this member' });
      await alert.waitFor();
      // In the reader's words, not the server's English detail.
      expect(await alert.textContent()).toContain('Reload it to see the current member');
      await screenshot(page, 'edit-member-conflict', { fullPage: true });
      // Nothing of ours was written over the colleague's change.
      expect((await getMember('NOR')).note).toBe('Changed by a colleague.');

      await alert.getByRole('button', { name: 'Reload the member' }).click();
      await alert.waitFor({ state: 'detached' });
      expect(await note.inputValue()).toBe('Changed by a colleague.');
      await note.fill('Changed by a colleague, then by me.');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL('**/members/NOR');
      await page.getByRole('cell', { name: 'Changed by a colleague, then by me.' }).waitFor();
      expect(await getMember('NOR')).toMatchObject({
        version: read.version + 2,
        note: 'Changed by a colleague, then by me.',
      });
    });
  });

  it('keeps the secretariat area from others: signed out, a sign-in prompt; an observer, "not allowed"', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/secretariat');
      await page.getByText('The secretariat area is for the coalition', { exact: false }).waitFor();
      expect(
        await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My work' }).count(),
      ).toBe(0);

      const observer = await signedInUser(app.ctx, 'observer');
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL('**/sign-in?next=%2Fsecretariat');
      await field(page, 'Email').fill(observer.email);
      await field(page, 'Password').fill(observer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/secretariat');
      await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
      const refusal = page.getByRole('alert').filter({ hasText: 'This area is for the secretariat' });
      expect(await refusal.textContent()).toContain('(Observer)');
      // An observer's "My work" menu has the desk, not the secretariat.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My work' }).click();
      await page.getByRole('menuitem', { name: 'My desk' }).waitFor();
      expect(await page.getByRole('menuitem', { name: 'Secretariat' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await screenshot(page, 'secretariat-not-allowed');
    });
  });

  it('says plainly when the password is wrong, then when sign-in is paused (429)', async () => {
    await withPage(async ({ page, watcher }) => {
      const user = await signedInUser(app.ctx, 'secretariat');
      watcher.expect(401, 'POST', /^\/api\/v1\/auth\/sign-in$/);
      watcher.expect(429, 'POST', /^\/api\/v1\/auth\/sign-in$/);
      await page.goto('/sign-in');
      await field(page, 'Email').fill(user.email);
      const password = field(page, 'Password');
      const submit = page.getByRole('button', { name: 'Sign in' });

      await password.fill('not the password');
      await submit.click();
      const alert = page.getByRole('alert');
      await alert.getByText('The email or the password is wrong.').waitFor();
      await screenshot(page, 'sign-in-wrong-password');

      await submit.click();
      await alert.getByText('The email or the password is wrong.').waitFor();
      // Third try, even with the right password: the account is paused.
      await password.fill(user.password);
      await submit.click();
      await alert.getByText('Too many attempts').waitFor();
      expect(await alert.textContent()).toContain('Too many failed sign-ins. Wait 15 minutes and try again.');
      await screenshot(page, 'sign-in-throttled');
      expect(page.url()).toMatch(/\/sign-in$/);
    });
  });

  it.each([
    ['en', 'Email', 'Password', 'Show the password'],
    ['fr', 'Adresse électronique', 'Mot de passe', 'Afficher le mot de passe'],
    ['ar', 'البريد الإلكتروني', 'كلمة المرور', 'إظهار كلمة المرور'],
  ])('labels the sign-in fields in %s, for people and for password managers', async (lang, email, password, show) => {
    await withPage(async ({ page }) => {
      await page.goto(`/sign-in?lang=${lang}`);
      const emailField = field(page, email);
      await emailField.waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await emailField.getAttribute('type')).toBe('email');
      expect(await emailField.getAttribute('autocomplete')).toBe('username');
      // An address reads left to right, on a page that reads right to left too.
      expect(await emailField.evaluate((input) => getComputedStyle(input).direction)).toBe('ltr');
      expect(await field(page, password).getAttribute('autocomplete')).toBe('current-password');
      expect(await page.getByRole('button', { name: show }).count()).toBe(1);
    });
  });

  it('signs out from the header', async () => {
    await withPage(async ({ page }) => {
      await signInWithKeyboard(page, secretariat, '/members');
      await page.getByRole('button', { name: /^Account: / }).click();
      await screenshot(page, 'account-menu');
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await page.waitForURL(`${app.baseUrl}/`);
      await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
      // The session is over on the server too: the secretariat area asks to sign in again.
      await page.goto('/secretariat');
      await page.getByText('Sign in to use it.', { exact: false }).waitFor();
    });
  });

  it('signs out on every device from the header menu', async () => {
    await withPage(async ({ page }) => {
      // This user also has a session opened elsewhere (through the API): it must end too.
      const user = await signedInUser(app.ctx, 'admin');
      const elsewhere = () =>
        app.ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: user.cookie } });
      expect((await elsewhere()).statusCode).toBe(200);

      await signInWithKeyboard(page, user, '/members');
      const account = page.getByRole('button', { name: /^Account: / });
      await account.click();
      // At 1280 px the role is in the account menu, not on its button.
      await page.getByRole('menu').getByText('Administrator', { exact: true }).waitFor();
      await page.getByRole('menuitem', { name: 'Sign out on every device' }).click();
      await page.waitForURL(`${app.baseUrl}/`);
      await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
      expect((await elsewhere()).statusCode).toBe(401);
    });
  });
});
