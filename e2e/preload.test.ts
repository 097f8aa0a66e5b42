import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementSummary } from '../src/shared/statements.js';
import { NAMESPACES } from '../src/web/i18n/i18n.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp } from './support/browser.js';
import { ar, en } from './support/catalogs.js';

// The public home, an adopted statement's page and a member's page ask for everything their first
// render reads (their data, their catalogs, the page's chunk) as the app starts, beside the app's
// own catalogs, instead of one after another as each part renders (src/web/app/preload.ts). How
// it is checked: a first visit lists what the page reads once it has settled; a second visit
// holds the `common` catalog back, which the app's first render waits for, and every one of
// those requests must go out meanwhile, and no other read (a page's list that asks for what the
// page does not read is wrong too). Before the preload, nothing but the app's own files went out
// while `common` was held: the page asked for its data only once it had rendered.

const TEXT = { en, ar };
let app: RunningApp;
let browser: Browser;
let statementId: string;
let meetingId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const statements: StatementSummary[] = (await app.ctx.app.inject({ url: '/api/v1/statements' })).json().items;
  const brussels = statements.find((s) => s.adoptedOn === '2014-12-03') as StatementSummary;
  statementId = brussels.id;
  meetingId = (await app.ctx.app.inject({ url: `/api/v1/statements/${statementId}` })).json().meetingId;
  // Loading the demo coalition on a busy shared machine takes more than the default minute.
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

const CATALOG = /\/assets\/([A-Za-z]+)-[\w-]{8}\.js$/;
const catalogs = new Set<string>(NAMESPACES);

/** What a request is, for this test: an API read (path and query) or a catalog (its namespace); null for the rest. */
function needOf(url: string): string | null {
  const { pathname, search } = new URL(url);
  if (pathname.startsWith('/api/')) return `${pathname}${search}`;
  const name = CATALOG.exec(pathname)?.[1];
  return name && catalogs.has(name) ? `catalog ${name}` : null;
}

function recordNeeds(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (request) => {
    const need = needOf(request.url());
    if (need) seen.add(need);
  });
  return seen;
}

describe.each(['en', 'ar'] as const)('a first visit, in %s', (language) => {
  const pages = () => [
    { name: 'home', path: '/', heading: TEXT[language].home.heading },
    { name: 'statement', path: `/statements/${statementId}`, heading: null },
    { name: 'member', path: '/members/IRQ', heading: null },
    { name: 'meeting', path: `/meetings/${meetingId}`, heading: null },
  ];

  it.each(['home', 'statement', 'member', 'meeting'])('the %s page asks for all it reads at once', async (name) => {
    const target = pages().find((p) => p.name === name);
    if (!target) throw new Error(name);
    const url = `${target.path}?lang=${language}`;

    // What the page reads once settled: its data and its catalogs.
    const first = await openPage(browser, app.baseUrl, { width: 390, height: 844 });
    let reads: Set<string>;
    try {
      reads = recordNeeds(first.page);
      await first.page.goto(url);
      await first.page.getByRole('heading', { level: 1 }).first().waitFor();
      await first.page.waitForLoadState('networkidle');
      expect(first.watcher.problems()).toEqual([]);
    } finally {
      await first.context.close();
    }
    const needed = [...reads].filter((need) => need !== 'catalog common').sort();
    expect(needed.some((need) => need.startsWith('/api/'))).toBe(true);

    // The same visit with `common` held back: all of it must be asked for meanwhile.
    const { page, context, watcher } = await openPage(browser, app.baseUrl, { width: 390, height: 844 });
    try {
      const asked = recordNeeds(page);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(CATALOG, async (route) => {
        if (CATALOG.exec(new URL(route.request().url()).pathname)?.[1] === 'common') await held;
        await route.continue();
      });
      await page.goto(url, { waitUntil: 'commit' });
      const missing = () => needed.filter((need) => !asked.has(need));
      await expect.poll(missing, { timeout: 10_000 }).toEqual([]);
      release();
      await page.waitForLoadState('networkidle');
      const reads = (needs: Iterable<string>) => [...needs].filter((need) => need.startsWith('/api/')).sort();
      expect(reads(asked)).toEqual(reads(needed));
      const heading = page.getByRole('heading', { level: 1 }).first();
      await heading.waitFor();
      if (target.heading) expect(await heading.textContent()).toBe(target.heading);
      await screenshot(page, `preload-${name}-${language}`);
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a record that is not there', () => {
  it.each([
    ['member', '/members/ZZZ', /^\/api\/v1\/members\/ZZZ$/],
    ['meeting', '/meetings/00000000-0000-4000-8000-000000000000', /^\/api\/v1\/meetings\/0{8}-/],
    ['statement', '/statements/00000000-0000-4000-8000-000000000000', /^\/api\/v1\/statements\/0{8}-/],
  ])('a %s page asks for the record and nothing its page would read beside it', async (_name, path, record) => {
    const { page, context, watcher } = await openPage(browser, app.baseUrl, { width: 390, height: 844 });
    try {
      // The API's answer and the page's own: the server answers 404 for a record's page it does not have.
      watcher.expect(404, 'GET', record);
      watcher.expect(404, 'GET', new RegExp(`^${path}$`));
      const asked = recordNeeds(page);
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const reads = [...asked].filter((need) => need.startsWith('/api/')).sort();
      expect(reads).toEqual(['/api/v1/auth/session', `/api/v1${path}`]);
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
