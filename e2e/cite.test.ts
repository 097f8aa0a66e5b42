import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../src/shared/i18n.js';
import type { Member } from '../src/shared/members.js';
import type { Statement, StatementSummary } from '../src/shared/statements.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// "Cite this" on a statement's and a member's public page, in English and Arabic: the line gives
// the record's date and the page's address, the button copies it; and the head the server wrote
// (what a link preview shows) names the record before any script runs.

let app: RunningApp;
let browser: Browser;
let statement: Statement;
let member: Member;

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

const COPY: Record<Language, string> = { en: 'Copy the citation', fr: 'Copier la citation', ar: 'نسخ الاستشهاد' };
const COPIED: Record<Language, string> = { en: 'Citation copied', fr: 'Citation copiée', ar: 'نُسخ الاستشهاد' };
const day = (iso: string, language: Language) =>
  new Intl.DateTimeFormat({ en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-latn' }[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const statements: StatementSummary[] = (await app.ctx.app.inject({ url: '/api/v1/statements' })).json().items;
  const brussels = statements.find((s) => s.adoptedOn === '2014-12-03') as StatementSummary;
  statement = (await app.ctx.app.inject({ url: `/api/v1/statements/${brussels.id}` })).json();
  member = (await app.ctx.app.inject({ url: '/api/v1/members/USA' })).json();
  // Loading the demo coalition on a busy shared machine takes more than the default minute.
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

async function withPage(run: (p: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, app.baseUrl);
  await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

describe.each(['en', 'ar'] as Language[])('cite this, in %s', (language) => {
  const pages = () => [
    {
      name: 'statement',
      path: `/statements/${statement.id}`,
      title: (language === 'en' ? null : statement.translations[language]?.title) ?? statement.title,
      date: statement.adoptedOn as string,
    },
    { name: 'member', path: '/members/USA', title: member.names[language], date: member.joinedOn as string },
  ];

  it.each(['statement', 'member'])('on a %s page: the date, the address, the copy button, the head', async (name) => {
    const page0 = pages().find((p) => p.name === name);
    if (!page0) throw new Error(name);
    await withPage(async ({ page }) => {
      // A cold first load on a busy machine takes longer than the default.
      const response = await page.goto(`${page0.path}?lang=${language}`, { timeout: 60_000 });
      expect(response?.status()).toBe(200);
      // The head as the server wrote it, before the app changed anything: what a link preview reads.
      const served = (await response?.text()) ?? '';
      expect(served).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
      expect(served).toContain(`<meta property="og:url" content="${app.baseUrl}${page0.path}" />`);

      const cite = page.getByTestId('cite-this');
      await cite.waitFor();
      const url = `${app.baseUrl}${page0.path}`;
      const text = (await cite.textContent()) ?? '';
      expect(text).toContain(page0.title);
      expect(text).toContain(day(page0.date, language));
      expect(text).toContain(url);
      expect(text).toContain(day(new Date().toISOString().slice(0, 10), language));
      // The app's title wins over the server's once it runs.
      await expect.poll(() => page.title()).toBe(`${page0.title} · Entente`);

      await cite.getByRole('button', { name: COPY[language] }).click();
      await cite.getByRole('button', { name: COPIED[language] }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(page0.title);
      expect(copied).toContain(url);
      expect(copied).toContain(day(page0.date, language));
      expect(copied).not.toMatch(/<\/?(name|url)>/);

      await page.waitForLoadState('networkidle');
      await cite.scrollIntoViewIfNeeded();
      await screenshot(page, `cite-${name}-${language}`);
      const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
      expect(results.violations.filter((v) => BLOCKING.has(v.impact ?? '')).map((v) => v.id)).toEqual([]);
    });
  });
});
