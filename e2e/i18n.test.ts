import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../src/server/test/factories.js';
import { signedInUser, type TestUser } from '../src/server/test/harness.js';
import { directionOf, LANGUAGE_COOKIE, type Language } from '../src/shared/i18n.js';
import type { Meeting, MeetingSummary } from '../src/shared/meetings.js';
import type { Member } from '../src/shared/members.js';
import {
  holdChunk,
  launchBrowser,
  openPage,
  PageWatcher,
  type RunningApp,
  SCREENSHOTS,
  screenshot,
  startApp,
  type WatchedPage,
} from './support/browser.js';
import { CATALOGS, escapeRegExp, fill, hasArabic, keysShowing, TEXTS } from './support/catalogs.js';

// Every page in English, French and Arabic: `<html lang dir>`, the page's main heading in the
// reader's language (the catalog's own text), a screenshot of each; the header's language menu,
// the choice kept by a cookie, the browser's languages, a phone, and a signed-in user's language
// kept on their account.

let app: RunningApp;
let browser: Browser;
let secretariat: TestUser;
let usa: Member;
let brussels: Meeting;
/** A planned meeting France is invited to: its delegation's naming page. */
let planned = { id: '', title: '' };

const LANGUAGES: Language[] = ['en', 'fr', 'ar'];
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  secretariat = await signedInUser(app.ctx, 'secretariat');
  usa = (await app.ctx.app.inject({ url: '/api/v1/members/USA' })).json();
  const meetings: MeetingSummary[] = (await app.ctx.app.inject({ url: '/api/v1/meetings' })).json().items;
  const brusselsId = (meetings.find((m) => m.startDate === '2014-12-03') as MeetingSummary).id;
  brussels = (await app.ctx.app.inject({ url: `/api/v1/meetings/${brusselsId}` })).json();
  const year = new Date().getUTCFullYear() + 1;
  planned = await buildMeeting(app.ctx, {
    title: 'Working group on stabilisation',
    startDate: `${year}-05-12`,
    endDate: `${year}-05-12`,
    invite: ['FRA'],
  });
  mkdirSync(resolve(SCREENSHOTS, 'i18n'), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(
  run: (p: WatchedPage) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, viewport);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

/** Signs the context in as `user` with the session cookie the API gave, as the form would. */
async function signInContext(context: BrowserContext, user: TestUser): Promise<void> {
  const [name, value] = user.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: app.baseUrl }]);
}

const headerNav = (page: Page) => page.getByRole('banner').getByRole('navigation');

interface PageCase {
  name: string;
  path: () => string;
  signedIn?: boolean;
  /** The h1 is data, not a catalog text: what it must be in each language, and the `lang` it carries. */
  data?: (language: Language) => { text: string; lang?: string };
  /** What shows once the page is complete (its data drawn), beyond the h1. */
  ready?: (page: Page) => Promise<unknown>;
}

const PUBLIC_PAGES: PageCase[] = [
  { name: 'home', path: () => '/' },
  {
    name: 'members',
    path: () => '/members',
    ready: (page) => page.locator('svg.world-map a[data-code]').first().waitFor(),
  },
  {
    name: 'member-usa',
    path: () => '/members/USA',
    data: (language) => ({ text: usa.names[language] ?? usa.name }),
  },
  { name: 'meetings', path: () => '/meetings', ready: (page) => page.locator('tr[data-meeting]').first().waitFor() },
  {
    name: 'meeting-brussels',
    path: () => `/meetings/${brussels.id}`,
    // A meeting's title is written in its working language, whatever the reader's.
    data: () => ({ text: brussels.title, lang: brussels.workingLanguage }),
    ready: (page) => page.locator('.delegations-table tbody tr').first().waitFor(),
  },
  { name: 'sign-in', path: () => '/sign-in' },
  { name: 'not-found', path: () => '/no/such/page' },
];

const SECRETARIAT_PAGES: PageCase[] = [
  { name: 'secretariat', path: () => '/secretariat', signedIn: true },
  { name: 'add-member', path: () => '/secretariat/members/new', signedIn: true },
  { name: 'edit-member-usa', path: () => '/secretariat/members/USA/edit', signedIn: true },
  { name: 'new-meeting', path: () => '/secretariat/meetings/new', signedIn: true },
  { name: 'desk', path: () => '/desk', signedIn: true },
  {
    name: 'name-delegation',
    path: () => `/meetings/${planned.id}/delegations/FRA`,
    signedIn: true,
    ready: (page) => page.locator('form').first().waitFor(),
  },
  {
    name: 'print',
    path: () => `/meetings/${brussels.id}/print`,
    signedIn: true,
    ready: (page) => page.locator('.print-table tbody tr').first().waitFor(),
  },
];

/** The h1 of each page in English, to compare the French one with. */
const englishHeadings = new Map<string, string>();

/** Opens the page in `language` by `?lang=`, and checks `<html lang dir>` and its h1. */
async function checkPage(page: Page, pageCase: PageCase, language: Language, shot: string): Promise<void> {
  const path = pageCase.path();
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  await pageCase.ready?.(page);
  // The catalogs of the page's namespaces are in: nothing is still loading. (A soft check below
  // lets the walk go on, so that one run screenshots every page and lists every page that fails.)
  await page.waitForLoadState('networkidle');
  const where = `${language} ${pageCase.name}`;
  expect(await page.locator('html').getAttribute('lang'), where).toBe(language);
  expect(await page.locator('html').getAttribute('dir'), where).toBe(directionOf(language));
  // The ?lang= is taken off the address once remembered.
  expect(new URL(page.url()).searchParams.has('lang'), where).toBe(false);

  const heading = ((await h1.textContent()) ?? '').trim();
  if (pageCase.data) {
    const { text, lang } = pageCase.data(language);
    expect.soft(heading, where).toBe(text);
    if (lang && lang !== language) {
      // Text in another language than the reader's carries its own `lang`.
      const marked = await h1.evaluate((el) => el.closest('[lang]')?.getAttribute('lang') ?? null);
      const inner = await h1
        .locator('[lang]')
        .first()
        .getAttribute('lang', { timeout: 1000 })
        .catch(() => null);
      expect.soft(inner ?? marked, `${where}: the title's lang`).toBe(lang);
    } else if (language === 'ar') {
      expect.soft(hasArabic(heading), `${where}: "${heading}"`).toBe(true);
    }
  } else {
    if (language === 'en') englishHeadings.set(pageCase.name, heading);
    // The heading is a text of this language's catalogs (its placeholders filled).
    const keys = keysShowing(language, heading);
    expect.soft(keys, `${where}: "${heading}" is no text of the ${language} catalogs`).not.toEqual([]);
    if (language === 'ar') expect.soft(hasArabic(heading), `${where}: "${heading}"`).toBe(true);
    if (language === 'fr') {
      const english = englishHeadings.get(pageCase.name);
      // Where English and French say it differently, the page says it the French way.
      const differs = keys.some((key) => {
        const [ns, path] = key.split(':') as [keyof (typeof CATALOGS)['en'], string];
        const at = (tree: unknown) => path.split('.').reduce((t, k) => (t as Record<string, unknown>)?.[k], tree);
        return at(CATALOGS.en[ns]) !== at(CATALOGS.fr[ns]);
      });
      if (english !== undefined && differs) expect.soft(heading, where).not.toBe(english);
    }
  }
  await screenshot(page, `i18n/${shot}`, { fullPage: true });
}

describe('every page in each language', () => {
  describe.each(LANGUAGES)('%s', (language) => {
    it('the public pages, at 1280 px', async () => {
      await withPage(async ({ page }) => {
        for (const pageCase of PUBLIC_PAGES) {
          await checkPage(page, pageCase, language, `${language}-${pageCase.name}`);
        }
      });
    });

    it("the secretariat's pages, signed in as the secretariat", async () => {
      await withPage(async ({ context, page }) => {
        await signInContext(context, secretariat);
        for (const pageCase of SECRETARIAT_PAGES) {
          await checkPage(page, pageCase, language, `${language}-${pageCase.name}`);
        }
      });
    });
  });

  it('the public pages in Arabic on a phone (390 px): nothing wider than the screen', async () => {
    await withPage(async ({ page }) => {
      for (const pageCase of PUBLIC_PAGES) {
        await checkPage(page, pageCase, 'ar', `ar-phone-${pageCase.name}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect.soft(width, `ar phone ${pageCase.name}: the page scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
      }
    }, PHONE);
  });
});

/** The text as a pattern: its characters as they are, any run of spaces (French's no-break ones too) as spaces. */
const pattern = (text: string) => escapeRegExp(text).replace(/\s+/g, '\\s+');

/** The header's language button: named with the language's full name, or on a phone its short one (a11y.test.ts). */
const languageButton = (page: Page, shown: Language) => {
  const { language } = TEXTS[shown].common;
  const names = [language[shown], language.short[shown]].map((current) => fill(language.choose, { current }));
  return page.getByRole('banner').getByRole('button', { name: new RegExp(`^(${names.map(pattern).join('|')})$`) });
};

/** The language's name the button shows (the long one hidden on a phone, the short one above). */
const shownName = (button: Locator) => button.locator('.language-name').filter({ visible: true }).textContent();

async function chooseLanguage(page: Page, shown: Language, next: Language): Promise<void> {
  await languageButton(page, shown).click();
  await page.getByRole('menuitem', { name: TEXTS.en.common.language[next] }).click();
}

const htmlLangDir = (page: Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir] as const);

describe('choosing the language', () => {
  it('the header menu switches the language without a reload, and dir follows', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/members?lang=en');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });

      await chooseLanguage(page, 'en', 'ar');
      await expect.poll(() => htmlLangDir(page)).toEqual(['ar', 'rtl']);
      await headerNav(page).getByRole('link', { name: TEXTS.ar.common.nav.members }).waitFor();
      // The page's own text follows, not only the header's.
      await expect.poll(async () => hasArabic(await page.getByRole('heading', { level: 1 }).textContent())).toBe(true);
      // Mantine's own direction follows too: the header's start is on the right.
      const brand = await page.getByRole('banner').locator('.brand').boundingBox();
      expect(brand?.x).toBeGreaterThan(640);
      await screenshot(page, 'i18n/switched-to-ar');

      await chooseLanguage(page, 'ar', 'fr');
      await expect.poll(() => htmlLangDir(page)).toEqual(['fr', 'ltr']);
      await headerNav(page).getByRole('link', { name: TEXTS.fr.common.nav.members }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      // The chosen language is marked in the menu.
      await languageButton(page, 'fr').click();
      expect(await page.getByRole('menuitem', { name: 'Français' }).getAttribute('aria-current')).toBe('true');
      await page.keyboard.press('Escape');
    });
  });

  it('the choice survives a reload (cookie), and ?lang= wins over it', async () => {
    await withPage(async ({ context, page }) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['en', 'ltr']);
      await chooseLanguage(page, 'en', 'ar');
      await expect.poll(() => htmlLangDir(page)).toEqual(['ar', 'rtl']);
      const cookie = (await context.cookies()).find((c) => c.name === LANGUAGE_COOKIE);
      expect(cookie?.value).toBe('ar');

      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['ar', 'rtl']);
      await headerNav(page).getByRole('link', { name: TEXTS.ar.common.nav.home }).waitFor();

      await page.goto('/meetings?lang=fr');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['fr', 'ltr']);
      await page.goto('/meetings');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['fr', 'ltr']);
    });
  });

  it('a browser set to French (Accept-Language, navigator.languages) gets French with no cookie', async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    try {
      const page = await context.newPage();
      const watcher = new PageWatcher(page);
      await page.goto('/members');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['fr', 'ltr']);
      expect((await context.cookies()).some((c) => c.name === LANGUAGE_COOKIE)).toBe(false);
      await headerNav(page).getByRole('link', { name: TEXTS.fr.common.nav.members }).waitFor();
      expect(
        keysShowing('fr', ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim()),
      ).not.toEqual([]);
      await screenshot(page, 'i18n/accept-language-fr');
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a phone has the language menu in its header, and it works there', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/?lang=en');
      await page.getByRole('heading', { level: 1 }).waitFor();
      const button = languageButton(page, 'en');
      expect(await button.isVisible()).toBe(true);
      const box = await button.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box && box.y + box.height).toBeLessThanOrEqual(60);
      // Its short name stands for the language on a phone.
      expect(await shownName(button)).toBe(TEXTS.en.common.language.short.en);

      await chooseLanguage(page, 'en', 'ar');
      await expect.poll(() => htmlLangDir(page)).toEqual(['ar', 'rtl']);
      const arabic = languageButton(page, 'ar');
      expect(await shownName(arabic)).toBe(TEXTS.ar.common.language.short.ar);
      // In Arabic the header is mirrored: the brand on the right, the menu button left of it, on screen.
      const mirrored = await arabic.boundingBox();
      const brand = await page.getByRole('banner').locator('.brand').boundingBox();
      expect(mirrored?.x).toBeGreaterThanOrEqual(0);
      expect(mirrored && brand && mirrored.x + mirrored.width).toBeLessThanOrEqual(brand?.x ?? 0);
      await screenshot(page, 'i18n/phone-header-ar');
      await page.getByRole('button', { name: TEXTS.ar.common.nav.openMenu }).click();
      await page.getByRole('navigation', { name: TEXTS.ar.common.nav.mainMenu }).waitFor();
      await screenshot(page, 'i18n/phone-menu-ar');
    }, PHONE);
  });

  it("the language menu's code loads only when reached for; a tap before it has come opens the menu once it has", async () => {
    await withPage(async ({ page }) => {
      const menu = await holdChunk(page, /\/LanguageSwitcher-[\w-]+\.js$/);
      await page.goto('/?lang=en');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      // A visit that never opens the menu never runs its code.
      expect(menu.asked()).toBe(false);
      await languageButton(page, 'en').click();
      await expect.poll(menu.asked).toBe(true);
      menu.release();
      await page.getByRole('menuitem', { name: TEXTS.en.common.language.ar }).click();
      await expect.poll(() => htmlLangDir(page)).toEqual(['ar', 'rtl']);
      await screenshot(page, 'i18n/language-tapped-early-ar');
    }, PHONE);
  });

  it('the keyboard: focus on the language button loads the menu, Enter before it has come opens it, Escape gives the focus back', async () => {
    await withPage(async ({ page }) => {
      const menu = await holdChunk(page, /\/LanguageSwitcher-[\w-]+\.js$/);
      await page.goto('/?lang=fr');
      await page.getByRole('heading', { level: 1 }).waitFor();
      const button = languageButton(page, 'fr');
      await button.focus();
      await expect.poll(menu.asked).toBe(true);
      await page.keyboard.press('Enter');
      menu.release();
      // The menu's own button (Mantine's target has aria-haspopup) takes the stand-in's place, and the menu opens.
      await page.getByRole('menuitem', { name: TEXTS.fr.common.language.en }).waitFor();
      expect(await button.getAttribute('aria-haspopup')).toBe('menu');
      // …and looks as the stand-in did: the globe and the name apart.
      expect(await button.locator('.mantine-Button-label').evaluate((el) => getComputedStyle(el).columnGap)).toBe(
        '6px',
      );
      await screenshot(page, 'i18n/language-entered-early-fr');
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'hidden' });
      await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    });
  });

  it('a signed-in user who switches language has it saved on their account, and another browser opens in it', async () => {
    const user = await signedInUser(app.ctx, 'observer');
    await withPage(async ({ page }) => {
      await signInThroughForm(page, user, '/members');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['en', 'ltr']);
      await chooseLanguage(page, 'en', 'fr');
      await expect.poll(() => htmlLangDir(page)).toEqual(['fr', 'ltr']);
      await expect
        .poll(async () => (await (await page.request.get('/api/v1/auth/session')).json()).user?.language)
        .toBe('fr');
    });
    // Another browser, no cookie, English by its own languages: signing in brings French back.
    await withPage(async ({ page, context }) => {
      await signInThroughForm(page, user, '/members');
      await expect.poll(() => htmlLangDir(page)).toEqual(['fr', 'ltr']);
      await headerNav(page).getByRole('link', { name: TEXTS.fr.common.nav.members }).waitFor();
      // …and this browser remembers it from now on.
      await expect
        .poll(async () => (await context.cookies()).find((c) => c.name === LANGUAGE_COOKIE)?.value)
        .toBe('fr');
      await screenshot(page, 'i18n/account-language-fr');
    });
  });
});

/** The sign-in form in English, by the labels of the English catalog where it has them. */
async function signInThroughForm(page: Page, user: TestUser, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^Email( \*)?$/).fill(user.email);
  await page.getByLabel(/^Password( \*)?$/).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${next}`);
}

describe('the header at 1280 px, on one line for every role and language', () => {
  for (const role of ['anonymous', 'observer', 'focal_point', 'secretariat'] as const) {
    for (const lang of LANGUAGES) {
      it(`${role}, ${lang}`, async () => {
        const user =
          role === 'anonymous'
            ? null
            : await signedInUser(app.ctx, role, role === 'focal_point' ? { member: 'FRA' } : {});
        await withPage(
          async ({ page, context }) => {
            if (user) await signInContext(context, user);
            await page.goto(`/?lang=${lang}`);
            const common = TEXTS[lang].common;
            const nav = headerNav(page);
            await nav.getByRole('link', { name: common.nav.pledges }).waitFor();
            const myWork = nav.getByRole('button', { name: common.nav.myWork });
            if (user) await myWork.waitFor();
            else expect(await myWork.count()).toBe(0);
            await screenshot(page, `i18n/header-1280-${role}-${lang}`);
            // One row: nothing in the header is taller than a line, nor wider than the header.
            const row = page.getByRole('banner').locator('> div').first();
            const fits = await row.evaluate((el) => ({
              overflow: el.scrollWidth - el.clientWidth,
              height: el.getBoundingClientRect().height,
              navHeight: el.querySelector('nav')?.getBoundingClientRect().height ?? 0,
              nameCut: [...el.querySelectorAll('.account-name')].some((n) => n.scrollWidth > n.clientWidth),
            }));
            expect(fits.overflow).toBeLessThanOrEqual(0);
            expect(fits.navHeight).toBeLessThan(50);
            expect(fits.nameCut).toBe(false);
            // Right to left in Arabic: the brand on the right, the navigation to its left.
            const brand = await page.getByRole('banner').locator('.brand').boundingBox();
            const navBox = await nav.boundingBox();
            if (lang === 'ar') expect((brand?.x ?? 0) > (navBox?.x ?? 0)).toBe(true);
            else expect((brand?.x ?? 0) < (navBox?.x ?? 0)).toBe(true);
            if (user) {
              await myWork.click();
              await page.getByRole('menuitem', { name: common.nav.desk }).waitFor();
              await screenshot(page, `i18n/header-1280-${role}-${lang}-my-work`);
              await page.keyboard.press('Escape');
            }
          },
          { width: 1280, height: 800 },
        );
      });
    }
  }
});
