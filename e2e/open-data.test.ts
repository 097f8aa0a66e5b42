import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditHead } from '../src/shared/audit.js';
import type { Language } from '../src/shared/i18n.js';
import type { OpenDataCatalog } from '../src/shared/open-data.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp } from './support/browser.js';

// The journalist's journey to the open data: the footer's link to the public data page, each
// dataset with its downloads and columns, in English and in Arabic (right to left); a CSV link
// followed and the file read; the members list's own "Download CSV". Axe on the page, both languages.

let app: RunningApp;
let browser: Browser;
const BLOCKING = new Set(['serious', 'critical']);
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  // The demo coalition loaded on PGlite and a browser started: slow on a busy machine.
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

describe.each(['en', 'ar'] as Language[])('the open data page in %s', (language) => {
  it('is reached from the footer, lists every dataset with its columns, and passes axe', async () => {
    const { context, page, watcher } = await openPage(browser, app.baseUrl);
    try {
      await page.goto(`/?lang=${language}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const footer = page.locator('footer.site-footer');
      await footer.getByRole('link', { name: language === 'en' ? 'Open data' : 'البيانات المفتوحة' }).click();
      await page.waitForURL(/\/open-data$/);
      await page
        .getByRole('heading', { level: 1, name: language === 'en' ? 'Open data' : 'البيانات المفتوحة' })
        .waitFor();
      expect(await footer.getByRole('link', { name: /OpenAPI/ }).getAttribute('href')).toBe('/api/docs');
      const catalog: OpenDataCatalog = (await app.ctx.app.inject({ url: '/api/v1/open-data' })).json();
      for (const dataset of catalog.datasets) {
        const section = page.locator(`section[aria-labelledby="dataset-${dataset.name}"]`);
        await expect(section.locator('a[href$=".csv"]').getAttribute('href')).resolves.toBe(dataset.csv);
        await expect(section.locator('a[href$=".json"]').getAttribute('href')).resolves.toBe(dataset.json);
        expect(await section.locator('tbody tr').count()).toBe(dataset.columns.length);
      }
      // The audit trail's head, to note: the hash the API gives, and the link to ask for it later.
      const head: AuditHead = (await app.ctx.app.inject({ url: '/api/v1/audit/head' })).json();
      const fingerprint = page.getByTestId('audit-head');
      await expect.poll(() => fingerprint.textContent()).toContain(head.hash);
      expect(await page.locator(`a[href="/api/v1/audit/chain/${head.seq}"]`).count()).toBe(1);
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await page.waitForLoadState('networkidle');
      await screenshot(page, `open-data-${language}`);
      await screenshot(page, `open-data-${language}-full`, { fullPage: true });
      const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
      const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
      expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      // Following the members' CSV link downloads the file the API lists, parsed back row for row.
      const link = page.locator('section[aria-labelledby="dataset-members"] a[href$=".csv"]');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('entente-members.csv');
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const csv = Buffer.concat(chunks).toString('utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
      const members = (await app.ctx.app.inject({ url: '/api/v1/members' })).json().items as { code: string }[];
      expect(rows.map((r) => r.code)).toEqual(members.map((m) => m.code));
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

it('the members list offers its CSV', async () => {
  const { context, page, watcher } = await openPage(browser, app.baseUrl);
  try {
    await page.goto('/members?lang=en');
    const link = page.getByRole('link', { name: 'Download CSV' });
    expect(await link.getAttribute('href')).toBe('/api/v1/open-data/members.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('entente-members.csv');
    await screenshot(page, 'members-download-csv-en');
    expect(watcher.problems()).toEqual([]);
  } finally {
    await context.close();
  }
});
