import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../src/server/test/factories.js';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// Issue 8's journeys: sign-in brings the user back where they were; a refused form shows its first
// field below the fixed header; the calendar subscription; the secretariat's recent changes.

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

async function withPage(run: (p: WatchedPage) => Promise<void>, viewport?: { width: number; height: number }) {
  const watched = await openPage(browser, app.baseUrl, viewport);
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

/** Where the top of the element is, and the bottom of the fixed header, in the viewport. */
async function topBelowHeader(page: Page, selector: string): Promise<{ top: number; headerBottom: number }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement;
    const header = document.querySelector('.site-header') as HTMLElement;
    return { top: el.getBoundingClientRect().top, headerBottom: header.getBoundingClientRect().bottom };
  }, selector);
}

describe('meetings in practice', () => {
  it('signs in from the header and comes back to the page, its query included; a foreign next goes to the desk', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/meetings?kind=ministerial');
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL('**/sign-in?next=*');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/meetings?kind=ministerial');
      await field(page, 'Email').fill(secretariat.email);
      await field(page, 'Password').fill(secretariat.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/meetings' && url.search === '?kind=ministerial');
      await screenshot(page, 'practice-signed-in-back-on-meetings');
    });
    await withPage(async ({ page, context }) => {
      await signInAs(context, secretariat);
      // A foreign next is refused: the signed-in user goes to their desk, on this site.
      await page.goto('/sign-in?next=https%3A%2F%2Fevil.example%2F');
      await page.waitForURL((url) => url.origin === app.baseUrl && url.pathname === '/desk');
      await page.goto('/sign-in?next=%2F%5Cevil.example');
      await page.waitForURL((url) => url.origin === app.baseUrl && url.pathname === '/desk');
    });
  });

  it('shows the first refused field with its label below the fixed header, the zone placeholder in its own colour', async () => {
    await withPage(async ({ page, context }) => {
      await signInAs(context, secretariat);
      await page.goto('/secretariat/meetings/new');
      await page.getByRole('heading', { name: 'New meeting', level: 1 }).waitFor();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.getByRole('button', { name: 'Create the meeting' }).click();
      const title = field(page, 'Title');
      await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
      // The label above the input is in view, under the header, not behind it.
      const id = await title.getAttribute('id');
      await page.waitForTimeout(300);
      const label = await topBelowHeader(page, `label[for="${id}"]`);
      expect(label.top).toBeGreaterThanOrEqual(label.headerBottom);
      await screenshot(page, 'practice-new-meeting-refused');

      const zone = field(page, 'Time zone');
      expect(await zone.getAttribute('aria-invalid')).toBe('true');
      const colours = await zone.evaluate((el) => {
        const placeholder = getComputedStyle(el, '::placeholder').color;
        const probe = document.createElement('input');
        probe.className = 'mantine-Input-input';
        document.body.append(probe);
        const normal = getComputedStyle(probe, '::placeholder').color;
        probe.remove();
        return { placeholder, error: getComputedStyle(el).borderColor, normal };
      });
      expect(colours.placeholder).not.toBe(colours.error);
      await zone.scrollIntoViewIfNeeded();
      await screenshot(page, 'practice-time-zone-placeholder');
    });
  });

  it('shows the Code label of a refused new member below the header', async () => {
    await withPage(
      async ({ page, context }) => {
        await signInAs(context, secretariat);
        await page.goto('/secretariat/members/new');
        await page.getByRole('button', { name: 'Add the member' }).waitFor();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.getByRole('button', { name: 'Add the member' }).click();
        const code = field(page, 'Code');
        await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.waitForTimeout(300);
        const label = await topBelowHeader(page, `label[for="${await code.getAttribute('id')}"]`);
        expect(label.top).toBeGreaterThanOrEqual(label.headerBottom);
        await screenshot(page, 'practice-new-member-refused');
      },
      { width: 1280, height: 500 },
    );
  });

  it('offers the calendar by subscription, and a private link that a calendar app reads without a session', async () => {
    for (const language of ['en', 'ar'] as const) {
      // A user of its own: choosing Arabic by ?lang= is kept as the account's language.
      const user = await signedInUser(app.ctx, 'secretariat');
      await withPage(async ({ page, context }) => {
        await signInAs(context, user);
        await page.goto(`/meetings?lang=${language}`);
        const make = page.getByRole('button', {
          name: language === 'en' ? 'Make my private link' : 'أنشئ رابطي الخاص',
        });
        await make.scrollIntoViewIfNeeded();
        const publicAddress = await page
          .getByLabel(
            language === 'en'
              ? 'Every meeting you may see without signing in'
              : 'جميع الاجتماعات المتاحة دون تسجيل الدخول',
          )
          .inputValue();
        expect(publicAddress).toBe(`webcal://${new URL(app.baseUrl).host}/api/v1/calendar.ics`);
        await make.click();
        const privateAddress = await page
          .getByLabel(language === 'en' ? 'Your private link' : 'رابطك الخاص')
          .inputValue();
        expect(privateAddress).toMatch(/^webcal:\/\/[^/]+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
        await screenshot(page, `practice-calendar-subscription-${language}`);
        // What a calendar app does: read it over HTTP, with no cookie.
        const res = await fetch(privateAddress.replace(/^webcal:/, 'http:'));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/calendar');
      });
    }
  });

  it("shows the secretariat's recent changes from every module, without the seed's rows or a Version column", async () => {
    await buildMeeting(app.ctx, { title: 'Working group on stabilisation' });
    const user = await signedInUser(app.ctx, 'secretariat');
    await withPage(async ({ page, context }) => {
      await signInAs(context, user);
      await page.goto('/secretariat');
      const changes = page.getByRole('region', { name: 'Recent changes' });
      await changes.getByText('Working group on stabilisation').waitFor();
      expect(await changes.textContent()).toContain('Meeting Working group on stabilisation created');
      expect(await changes.getByText('the system').count()).toBe(0);
      expect(await page.getByRole('columnheader', { name: 'Version' }).count()).toBe(0);
      await changes.scrollIntoViewIfNeeded();
      await screenshot(page, 'practice-secretariat-recent-changes');
    });
  });
});
