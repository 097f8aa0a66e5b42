import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../src/shared/members.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';

// The public portal, signed out: home, the members map and table, a member, the 404 page,
// the keyboard, a phone, and the CSP the server sets.

let app: RunningApp;
let browser: Browser;
let members: Member[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const res = await app.ctx.app.inject({ method: 'GET', url: '/api/v1/members' });
  members = res.json().items;
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

const rowCodes = (page: WatchedPage['page']) =>
  page.locator('table tbody tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));

describe('public portal', () => {
  it('the home page says what the coalition is, with its counts from the API', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.title()).toBe('Home · Entente');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      const figures = page.getByRole('region', { name: 'The coalition in figures' });
      const states = members.filter((m) => m.kind === 'state' && m.status === 'active').length;
      const organizations = members.filter((m) => m.kind === 'organization' && m.status === 'active').length;
      await figures.getByText(String(states), { exact: true }).waitFor();
      const figure = (label: string) => figures.getByRole('link', { name: new RegExp(`^${label}`) }).textContent();
      expect(await figure('Members')).toBe(`Members${states + organizations}`);
      expect(await figure('States')).toBe(`States${states}`);
      expect(await figure('Organisations')).toBe(`Organisations${organizations}`);

      await page.getByRole('link', { name: 'Every member, with search and filters' }).click();
      await page.waitForURL('**/members');
      await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
      await screenshot(page, 'home-then-members');
    });
  });

  it('the members page draws member states on the map as links and lists every member in the table', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/members');
      await page.locator('svg.world-map a[data-code="FRA"]').waitFor();
      expect(await page.title()).toBe('Members · Entente');

      const map = page.getByRole('group', { name: /World map/ });
      expect(await map.count()).toBe(1);
      // Each member state on the map is a link named by its <title>; France is filled, Brazil (not a member) grey.
      const france = page.locator('svg.world-map a[data-code="FRA"]');
      expect(await france.locator('title').textContent()).toBe('France');
      expect(await france.getAttribute('href')).toBe('/members/FRA');
      const fill = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).fill);
      const memberFill = await fill('svg.world-map a[data-code="FRA"] path');
      const otherFill = await fill('svg.world-map path.country');
      expect(memberFill).toBe('rgb(25, 113, 194)'); // the accent: Mantine blue 8
      expect(otherFill).toBe('rgb(222, 226, 230)'); // grey 3
      // Kosovo has no ISO numeric id in the atlas; it is still drawn as a member.
      expect(await page.locator('svg.world-map a[data-code="XKX"] title').textContent()).toBe('Kosovo');
      // Every member state the atlas draws is a link; the two too small for it are listed under the map.
      const drawn = await page.locator('svg.world-map a[data-code]').count();
      const states = members.filter((m) => m.kind === 'state');
      expect(drawn).toBe(states.length - 2);
      const caption = await page.locator('figure figcaption').textContent();
      expect(caption).toContain('Too small to draw at this scale: Bahrain, Singapore.');

      // The table holds every member, organisations included, sorted by name.
      await page.locator('table tbody tr').first().waitFor();
      const codes = await rowCodes(page);
      expect(codes).toHaveLength(members.length);
      expect(codes).toEqual(members.map((m) => m.code));
      expect(codes).toContain('EU');
      expect(codes).toContain('LAS');
      expect(codes).toContain('XKX');
      // Tall enough to show the first rows of the table under the map (docs/screenshots/members.png is a copy).
      await page.setViewportSize({ width: 1280, height: 1180 });
      await screenshot(page, 'members-desktop');
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshot(page, 'members-desktop-full', { fullPage: true });

      // A member whose joining date is not established: "uncertain", with the note on hover; no date made up.
      const afghanistan = members.find((m) => m.code === 'AFG') as Member;
      expect(afghanistan.joinedOn).toBeNull();
      const afgRow = page.locator('tr[data-code="AFG"]');
      expect(await afgRow.locator('time').count()).toBe(0);
      const uncertain = afgRow.locator('.mantine-Badge-root');
      expect(await uncertain.textContent()).toMatch(/^uncertain/);
      await uncertain.hover();
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toBe(afghanistan.joinedNote);
      await screenshot(page, 'members-uncertain-tooltip');
      await page.mouse.move(0, 0);
      await tooltip.waitFor({ state: 'hidden' });
      // The keyboard gets the note too.
      await uncertain.focus();
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toBe(afghanistan.joinedNote);
      await uncertain.blur();

      // A dated member shows its date.
      const usa = members.find((m) => m.code === 'USA') as Member;
      expect(await page.locator('tr[data-code="USA"] time').getAttribute('datetime')).toBe(usa.joinedOn);

      // Clicking a country on the map opens its member page, without reloading the app. (Egypt:
      // the middle of France's outline is in the Atlantic, between Paris and French Guiana.)
      await page.mouse.move(0, 0);
      await page.evaluate(() => {
        (window as unknown as { marker: boolean }).marker = true;
      });
      await page.locator('svg.world-map a[data-code="EGY"]').click();
      await page.waitForURL('**/members/EGY');
      await page.getByRole('heading', { name: 'Egypt', level: 1 }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    });
  });

  it('the table searches in three languages, filters by kind and sorts by name', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/members');
      const search = page.getByRole('searchbox', { name: 'Search members' });
      await search.waitFor();

      await search.fill('Fran');
      await page.getByRole('status').getByText('1 member found').waitFor();
      expect(await rowCodes(page)).toEqual(['FRA']);
      // The other member states go pale on the map; France stays in the accent colour.
      expect(await page.locator('svg.world-map path.member.dimmed').count()).toBeGreaterThan(50);
      expect(await page.locator('svg.world-map a[data-code="FRA"] path.dimmed').count()).toBe(0);
      expect(page.url()).toContain('q=Fran');

      await search.fill('فرنسا'); // France, in Arabic
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
      expect(await rowCodes(page)).toEqual(['FRA']);
      await search.fill('Allemagne'); // Germany, in French
      await page.waitForFunction(() => document.querySelector('table tbody tr')?.getAttribute('data-code') === 'DEU');

      await search.fill('no such place');
      await page.getByText('No member matches this search.').waitFor();
      await page.getByRole('button', { name: 'Clear the search' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, members.length);

      await page.getByRole('radiogroup', { name: 'Kind' }).getByText('Organisations').click();
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
      expect(await rowCodes(page)).toEqual(['LAS', 'EU']);
      expect(page.url()).toContain('kind=organization');

      await page.getByRole('radiogroup', { name: 'Kind' }).getByText('All').click();
      await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, members.length);
      const nameHeader = page.getByRole('columnheader', { name: /Name/ });
      expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
      await nameHeader.getByRole('button').click();
      await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
      const descending = await rowCodes(page);
      expect(descending).toEqual(members.map((m) => m.code).reverse());
      await screenshot(page, 'members-sorted-descending');

      // The search lives in the address: Back from a member brings it back; the Members link clears it.
      await search.fill('japan');
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
      await page.locator('table').getByRole('link', { name: 'Japan', exact: true }).click();
      await page.getByRole('heading', { name: 'Japan', level: 1 }).waitFor();
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
      expect(await search.inputValue()).toBe('japan');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, members.length);
      expect(await search.inputValue()).toBe('');
    });
  });

  it('a member page shows the three names, Arabic right to left, the joining and the people', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/members/USA');
      await page.getByRole('heading', { name: 'United States', level: 1 }).waitFor();
      expect(await page.title()).toBe('United States · Entente');
      const usa = members.find((m) => m.code === 'USA') as Member;
      const french = page.locator('span[lang="fr"]');
      expect(await french.textContent()).toBe(usa.names.fr);
      const arabic = page.locator('span[lang="ar"]');
      expect(await arabic.textContent()).toBe(usa.names.ar);
      expect(await arabic.getAttribute('dir')).toBe('rtl');
      expect(await page.getByRole('row', { name: /Joined/ }).textContent()).toContain('10 September 2014');
      const people = page.getByRole('region', { name: 'People' });
      await people.getByText('John Kerry').waitFor();
      expect(await people.textContent()).toContain('US Secretary of State');
      await screenshot(page, 'member-usa', { fullPage: true });

      await page.goto('/members/AFG');
      await page.getByRole('heading', { name: 'Afghanistan', level: 1 }).waitFor();
      const joined = await page.getByRole('row', { name: /Joined/ }).textContent();
      expect(joined).toMatch(/date uncertain/i);
      expect(joined).toContain('Kerry publicly welcomed');
      await page.getByText('No one is recorded for this member yet.').waitFor();
    });
  });

  it('an unknown member, and an unknown address, give a "not found" page', async () => {
    await withPage(async ({ page, watcher }) => {
      watcher.expect(404, 'GET', /^\/api\/v1\/members\/ZZZ$/);
      // The page itself answers 404 too (its head written by the server), and still loads the app.
      watcher.expect(404, 'GET', /^\/members\/ZZZ$/);
      await page.goto('/members/ZZZ');
      await page.getByRole('heading', { name: 'Member not found', level: 1 }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain('No member has the code ZZZ.');
      expect(await page.title()).toBe('Member not found · Entente');
      await screenshot(page, 'member-not-found');

      await page.goto('/no/such/page');
      await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    });
  });

  it('the keyboard reaches the search box with a visible focus; the map keeps no one in it', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/members');
      const search = page.getByRole('searchbox', { name: 'Search members' });
      await page.locator('svg.world-map a[data-code]').first().waitFor();

      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');

      let presses = 1;
      while (!(await search.evaluate((el) => el === document.activeElement)) && presses < 20) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
      // Skip link, brand, Home, Members, Meetings, Statements, Progress, Pledges, the site search,
      // the language menu, Sign in, the two small members under the map, the members' CSV, the
      // search box.
      expect(presses).toBeLessThanOrEqual(15);
      const outline = await search.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');

      await page.keyboard.type('japan');
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
      expect(await rowCodes(page)).toEqual(['JPN']);

      // Onwards: focus leaves the search box for the kind filter, then the table's links.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');
      await screenshot(page, 'members-keyboard');

      // The skip link jumps straight to the page.
      await page.goto('/members');
      await search.waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    });
  });

  it('on a phone the members page fits the screen and the menu opens from the burger', async () => {
    await withPage(
      async ({ page }) => {
        await page.goto('/members');
        await page.locator('svg.world-map a[data-code]').first().waitFor();
        await page.locator('table tbody tr').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        // On a phone the Kind column gives way; Joined stays in view.
        const joinedHeader = page.getByRole('columnheader', { name: /Joined/ });
        const box = await joinedHeader.boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(390);
        await screenshot(page, 'members-phone');
        await screenshot(page, 'members-phone-full', { fullPage: true });

        const burger = page.getByRole('button', { name: 'Open the menu' });
        await burger.click();
        const menu = page.getByRole('navigation', { name: 'Main (menu)' });
        await menu.getByRole('link', { name: 'Home' }).waitFor({ state: 'visible' });
        await screenshot(page, 'menu-phone');
        await menu.getByRole('link', { name: 'Home' }).click();
        await page.waitForURL(`${app.baseUrl}/`);
        await menu.getByRole('link', { name: 'Home' }).waitFor({ state: 'hidden' });
      },
      { width: 390, height: 844 },
    );
  });

  it('the server CSP is in force: an inline script is refused, and this watcher would fail the test', async () => {
    const watched = await openPage(browser, app.baseUrl);
    try {
      const { page, watcher } = watched;
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(watcher.problems()).toEqual([]);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
      });
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
      const problems = watcher.problems();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/console error: .*Content Security Policy/);
    } finally {
      await watched.context.close();
    }
  });
});
