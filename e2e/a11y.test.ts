import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../src/shared/i18n.js';
import type { MeetingSummary } from '../src/shared/meetings.js';
import type { StatementSummary } from '../src/shared/statements.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';
import { fill, TEXTS } from './support/catalogs.js';

// WCAG 2.1 AA, as axe-core checks it, on every public page and the sign-in page in English and
// Arabic: no serious or critical violation. Then what axe cannot check: the keyboard path through
// the header (skip link, language menu) and a focus one can see.

let app: RunningApp;
let browser: Browser;
let brusselsId = '';
/** The demo's Brussels joint statement, adopted on 3 December 2014. */
let statementId = '';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const meetings: MeetingSummary[] = (await app.ctx.app.inject({ url: '/api/v1/meetings' })).json().items;
  brusselsId = (meetings.find((m) => m.startDate === '2014-12-03') as MeetingSummary).id;
  const statements: StatementSummary[] = (await app.ctx.app.inject({ url: '/api/v1/statements' })).json().items;
  statementId = (statements.find((s) => s.adoptedOn === '2014-12-03') as StatementSummary).id;
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

interface AuditedPage {
  name: string;
  path: () => string;
  /** What shows once the page's data is drawn. */
  ready?: (page: Page) => Promise<unknown>;
}

const PAGES: AuditedPage[] = [
  { name: 'home', path: () => '/' },
  {
    name: 'members',
    path: () => '/members',
    ready: (page) => page.locator('svg.world-map a[data-code]').first().waitFor(),
  },
  { name: 'member-usa', path: () => '/members/USA' },
  { name: 'meetings', path: () => '/meetings', ready: (page) => page.locator('tr[data-meeting]').first().waitFor() },
  {
    name: 'meeting-brussels',
    path: () => `/meetings/${brusselsId}`,
    ready: (page) => page.locator('.delegations-table tbody tr').first().waitFor(),
  },
  {
    name: 'statements',
    path: () => '/statements',
    ready: (page) => page.locator('tr[data-statement]').first().waitFor(),
  },
  {
    name: 'statement-brussels',
    path: () => `/statements/${statementId}`,
    ready: (page) => page.locator('.statement-paragraph').first().waitFor(),
  },
  { name: 'decisions', path: () => '/decisions', ready: (page) => page.locator('[data-decision]').first().waitFor() },
  { name: 'not-found', path: () => '/no/such/page' },
  { name: 'sign-in', path: () => '/sign-in' },
];

/** A violation as a reader of the test's output needs it: the rule, how bad, where, and what to do. */
const describeViolation = (v: Result) =>
  `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${v.nodes
    .slice(0, 8)
    .map(
      (n) => `  - ${n.target.join(' ')}${n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''}`,
    )
    .join('\n')}${v.nodes.length > 8 ? `\n  … and ${v.nodes.length - 8} more` : ''}`;

describe.each(['en', 'ar'] as Language[])('axe, WCAG 2.1 AA, in %s', (language) => {
  it.each(PAGES.map((p) => [p.name, p] as const))('%s has no serious or critical violation', async (_, audited) => {
    await withPage(async ({ page }) => {
      await page.goto(`${audited.path()}?lang=${language}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await audited.ready?.(page);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
      const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
      const other = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
      if (other.length > 0) {
        console.log(`${language} ${audited.name}, minor or moderate:\n${other.map(describeViolation).join('\n')}`);
      }
      if (blocking.length > 0) await screenshot(page, `a11y-${language}-${audited.name}`, { fullPage: true });
      expect(blocking.map(describeViolation), `${language} ${audited.name}`).toEqual([]);
    });
  });
});

/** The focused element's outline or ring, as the browser draws it. */
const focusIndicator = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1,
      ring: style.boxShadow !== 'none',
      description: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`,
    };
  });

async function expectVisibleFocus(page: Page): Promise<void> {
  const indicator = await focusIndicator(page);
  expect(indicator.outline || indicator.ring, `no visible focus on ${indicator.description}`).toBe(true);
}

const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const activeLabel = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim(),
  );

describe('the keyboard', () => {
  it.each(['en', 'ar'] as Language[])(
    '%s: Tab reaches the skip link first, which moves focus to the page; then the language menu, which opens with Enter and moves with the arrows',
    async (language) => {
      await withPage(async ({ page }) => {
        const texts = TEXTS[language].common;
        await page.goto(`/?lang=${language}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');

        await page.keyboard.press('Tab');
        expect(await activeText(page)).toBe(texts.skipToContent);
        await expectVisibleFocus(page);
        // Shown when focused: inside the screen, whichever side the page starts on.
        const skip = await page.locator('.skip-link').boundingBox();
        expect(skip?.y).toBeGreaterThanOrEqual(0);
        expect(skip?.x).toBeGreaterThanOrEqual(0);
        expect(skip && skip.x + skip.width).toBeLessThanOrEqual(1280);
        if (language === 'ar') expect(skip?.x).toBeGreaterThan(640);
        await screenshot(page, `a11y-${language}-skip-link`);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

        // From the top again: the header's links, each with a visible focus, up to the language menu.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.goto(`/?lang=${language}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const menuLabel = fill(texts.language.choose, { current: texts.language[language] });
        let presses = 0;
        while ((await activeLabel(page)) !== menuLabel && presses < 12) {
          await page.keyboard.press('Tab');
          presses += 1;
          await expectVisibleFocus(page);
        }
        expect(await activeLabel(page)).toBe(menuLabel);
        await screenshot(page, `a11y-${language}-language-button-focused`);

        await page.keyboard.press('Enter');
        const menu = page.getByRole('menu');
        await menu.waitFor();
        expect(
          await page.getByRole('banner').getByRole('button', { name: menuLabel }).getAttribute('aria-expanded'),
        ).toBe('true');
        // The arrows move through the three languages, the focus shown on each.
        const items = menu.getByRole('menuitem');
        expect(await items.count()).toBe(3);
        const seen: string[] = [];
        for (let i = 0; i < 3; i += 1) {
          await page.keyboard.press('ArrowDown');
          seen.push(await activeText(page));
          expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
        }
        expect(new Set(seen).size).toBe(3);
        await screenshot(page, `a11y-${language}-language-menu`);
        // Escape closes it and gives the focus back to the button.
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
        expect(await activeLabel(page)).toBe(menuLabel);

        // Enter on another language switches to it.
        const other: Language = language === 'en' ? 'fr' : 'en';
        await page.keyboard.press('Enter');
        await menu.waitFor();
        // Down until the other language has the focus (the menu may still be taking it as it opens).
        await expect
          .poll(async () => {
            if ((await activeText(page)) !== texts.language[other]) await page.keyboard.press('ArrowDown');
            return activeText(page);
          })
          .toBe(texts.language[other]);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(other);
      });
    },
  );
});

// Label in name (WCAG 2.5.3, level A): a control's name holds the words it shows, so that a reader
// using voice control can say what they see. axe has this check among its experimental rules, so
// it runs here by name, on the header at a phone's width and at a desk's, where the language
// button shows the language's short name and its full name.
describe.each(['en', 'ar'] as Language[])('label in name, in %s', (language) => {
  it.each([
    ['a phone', { width: 390, height: 844 }, 'short'],
    ['a desk', { width: 1280, height: 900 }, 'full'],
  ] as const)('on %s, every control of the header is named with what it shows', async (_, viewport, shown) => {
    const watched = await openPage(browser, app.baseUrl, viewport);
    try {
      const { page } = watched;
      const texts = TEXTS[language].common;
      await page.goto(`/?lang=${language}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const current = shown === 'short' ? texts.language.short[language] : texts.language[language];
      const button = page.getByRole('banner').getByRole('button', { name: fill(texts.language.choose, { current }) });
      // biome-ignore lint/performance/useDomNodeTextContent: the text shown, without the other width's hidden name
      expect((await button.innerText()).trim()).toBe(current);
      const results = await new AxeBuilder({ page })
        .include('header')
        .withRules(['label-content-name-mismatch'])
        .analyze();
      expect(results.violations.map(describeViolation)).toEqual([]);
      // The rule ran on the header's controls: not a pass for want of anything to check. (Arabic's
      // short name is one letter, which axe does not count as words to say, so it checks nothing.)
      const checked = results.passes.flatMap((p) => p.nodes).length;
      if (language === 'ar' && shown === 'short') expect(checked).toBe(0);
      else expect(checked).toBeGreaterThan(0);
      expect(watched.watcher.problems()).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});
