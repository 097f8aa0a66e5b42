import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/server/lib/clock.js';
import { buildUser, type TestUser } from '../src/server/test/factories.js';
import { buildImportIndicator, buildImportPeriod } from '../src/server/test/progress-factories.js';
import type { Language } from '../src/shared/i18n.js';
import arForms from '../src/web/locales/ar/forms.json' with { type: 'json' };
import arImports from '../src/web/locales/ar/imports.json' with { type: 'json' };
import enForms from '../src/web/locales/en/forms.json' with { type: 'json' };
import enImports from '../src/web/locales/en/imports.json' with { type: 'json' };
import { launchBrowser, openPage, type RunningApp, screenshot, startApp } from './support/browser.js';

// The secretariat's import, through the page, in English and in Arabic: downloads the template
// (an export), uploads a file with a bad row and reads its line and reason in its language,
// fixes the row and imports the file.

const NOW = '2030-06-10T09:00:00Z';
const TEXT = { en: { imports: enImports, forms: enForms }, ar: { imports: arImports, forms: arForms } };
let app: RunningApp;
let browser: Browser;
const secretariats: Partial<Record<Language, TestUser>> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: fixedClock(NOW) }), launchBrowser()]);
  for (const language of ['en', 'ar'] as Language[]) {
    const user = await buildUser(app.ctx, { role: 'secretariat', name: `Secretariat ${language}` });
    await app.ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/language',
      headers: { cookie: user.cookie },
      payload: { language },
    });
    secretariats[language] = user;
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

describe.each(['en', 'ar'] as const)('imports in %s', (language) => {
  it('downloads the template, sees the bad row, fixes it and imports', async () => {
    const t = TEXT[language];
    const period = await buildImportPeriod(app.ctx);
    const indicator = await buildImportIndicator(app.ctx);
    const user = secretariats[language] as TestUser;
    const { page, context, watcher } = await openPage(browser, app.baseUrl, { width: 1280, height: 900 });
    const at = user.cookie.indexOf('=');
    await context.addCookies([{ name: user.cookie.slice(0, at), value: user.cookie.slice(at + 1), url: app.baseUrl }]);
    try {
      // The file with a bad row is refused: that 400 is the point.
      watcher.expect(400, 'POST', /^\/api\/v1\/imports$/);
      // Each upload held back a second, as on a slow link: the page asks for the import's
      // progress before the server has the import, and that must not be an error.
      await page.route(`${app.baseUrl}/api/v1/imports`, async (route) => {
        if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await page.goto(`${app.baseUrl}/imports`);
      await page.getByRole('heading', { level: 1, name: t.imports.title }).waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

      const csvLink = page.getByRole('link', { name: t.imports.export.csv.replace('{{kind}}', t.imports.kind.values) });
      const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
      const template = readFileSync((await download.path()) as string, 'utf8');
      expect(template.split('\r\n')[0].replace('\uFEFF', '')).toBe(
        'period,member,indicator,category,value,note,status',
      );

      const rows = (value: string) =>
        `${template.split('\r\n')[0]}\n${period.period},USA,${indicator.key},,4,,\n${period.period},FRA,${indicator.key},,${value},,\n`;
      const input = page.locator('input[type="file"]');
      await input.setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('twelve')) });
      await page.getByRole('button', { name: t.imports.import.submit, exact: true }).click();
      const table = page.getByRole('table', { name: t.imports.failed.table });
      await table.waitFor();
      await expect(table.getByRole('row').nth(1).textContent()).resolves.toContain('3');
      await expect(table.textContent()).resolves.toContain(t.forms.field.not_a_number);
      await screenshot(page, `imports-${language}-1-bad-row`, { fullPage: true });

      await input.setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('12.5')) });
      await page.getByRole('button', { name: t.imports.import.submit, exact: true }).click();
      await page.getByText(t.imports.done.title, { exact: true }).waitFor();
      await screenshot(page, `imports-${language}-2-done`, { fullPage: true });
      expect(watcher.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
