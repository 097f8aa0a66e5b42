import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/server/lib/clock.js';
import {
  buildAdoptedStatement,
  buildMeeting,
  buildProcedure,
  buildStatement,
  buildUser,
  type TestUser,
} from '../src/server/test/factories.js';
import type { Language } from '../src/shared/i18n.js';
import type { Statement } from '../src/shared/statements.js';
import {
  launchBrowser,
  openPage,
  PageWatcher,
  type RunningApp,
  screenshot,
  startApp,
  type WatchedPage,
} from './support/browser.js';
import { fill, TEXTS } from './support/catalogs.js';

// The secretariat's other hands on a statement, through the pages, in English and in Arabic:
// it corrects a draft's title and adds a French one, meets a colleague's change made meanwhile in
// another tab (409) and reloads, withdraws a draft; changes only what an adopted statement lets
// change; withdraws a running silence procedure; records a statement adopted at a meeting. The
// app's clock is fixed (and the browser's set to it): nothing here waits on a deadline.

const NOW = '2030-06-10T09:00:00Z';
let app: RunningApp;
let browser: Browser;
const secretariats: Partial<Record<Language, TestUser>> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ clock: fixedClock(NOW) }), launchBrowser()]);
  for (const language of ['en', 'ar'] as Language[]) {
    const user = await buildUser(app.ctx, { role: 'secretariat', name: `Secretariat ${language}` });
    const res = await app.ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/language',
      headers: { cookie: user.cookie },
      payload: { language },
    });
    expect(res.statusCode).toBe(204);
    secretariats[language] = user;
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

/** A page signed in as `user`, its browser clock at the app's; nothing may go wrong unannounced. */
async function withPage(user: TestUser, run: (p: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, { width: 1280, height: 900 }, { timezoneId: 'Europe/Paris' });
  await watched.context.clock.setFixedTime(NOW);
  // The session cookie, as a `cookie` header carries it: name=value.
  const at = user.cookie.indexOf('=');
  await watched.context.addCookies([
    { name: user.cookie.slice(0, at), value: user.cookie.slice(at + 1), url: app.baseUrl },
  ]);
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

async function readStatement(id: string): Promise<Statement> {
  const user = secretariats.en as TestUser;
  const res = await app.ctx.app.inject({ url: `/api/v1/statements/${id}`, headers: { cookie: user.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by its label, with or without the required mark. */
const label = (scope: Page | Locator, text: string) => scope.getByLabel(new RegExp(`^${escapeRegExp(text)}( \\*)?$`));

/** Closes the toasts, so that a screenshot shows the page under them. */
async function closeToasts(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>('.mantine-Notification-root button')) b.click();
  });
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0);
}

/** WCAG 2.1 AA as axe checks it, on the page's main part or an open dialog: no serious or critical violation. */
async function expectAccessible(page: Page, part = 'main'): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include(part)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`)).toEqual([]);
}

/** The page in the reader's language and its direction. */
async function inLanguage(page: Page, language: Language): Promise<void> {
  await page.waitForFunction((dir) => document.documentElement.dir === dir, language === 'ar' ? 'rtl' : 'ltr');
}

/** The bodies of the PATCHes the page sends to a statement, as sent. */
function patchesOf(page: Page): object[] {
  const bodies: object[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'PATCH' && /\/api\/v1\/statements\/[0-9a-f-]{36}$/.test(request.url())) {
      bodies.push(request.postDataJSON());
    }
  });
  return bodies;
}

const TITLES = {
  en: { typo: 'Joint statment on stabilisation', fixed: 'Joint statement on stabilisation' },
  ar: { typo: 'بيان مشترك بشأن الاستقرارر', fixed: 'بيان مشترك بشأن الاستقرار' },
} as const;
const FRENCH = 'Déclaration commune sur la stabilisation';
/** A statement's text, in its own language. */
const BODY = { en: 'The partners support stabilisation.', ar: 'يدعم الشركاء تحقيق الاستقرار.' } as const;

describe.each(['en', 'ar'] as const)('the secretariat edits and withdraws statements, in %s', (language) => {
  const s = TEXTS[language].statements;
  const e = TEXTS[language].enums;
  const forms = TEXTS[language].forms;
  const user = () => secretariats[language] as TestUser;
  const titleIn = (other: Language) => fill(s.new.titleIn, { language: e.language[other] });

  it("corrects a draft's title and adds its French title, sending only what changed with the version read", async () => {
    const draft = await buildStatement(app.ctx, {
      title: TITLES[language].typo,
      language,
      visibility: 'coalition',
      text: BODY[language],
    });
    await withPage(user(), async ({ page, watcher }) => {
      const patches = patchesOf(page);
      await page.goto(`/statements/${draft.id}`);
      await inLanguage(page, language);
      const actions = page.getByRole('group', { name: s.actions.label });
      await actions.getByRole('link', { name: s.actions.edit, exact: true }).click();
      await page.waitForURL(`**/secretariat/statements/${draft.id}/edit`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(s.edit.title);
      const form = page.locator('main form');
      await expect.poll(() => label(form, s.new.titleField).inputValue()).toBe(TITLES[language].typo);
      // A draft: everything may change, nothing is locked.
      expect(await form.locator('[data-adopted-locked]').count()).toBe(0);
      expect(await form.locator('input:disabled, select:disabled').count()).toBe(0);
      // A title left blank: the server's refusal shows on the field, and nothing is saved.
      watcher.expect(400, 'PATCH', /\/api\/v1\/statements\//);
      await label(form, s.new.titleField).fill('');
      await form.getByRole('button', { name: s.edit.submit, exact: true }).click();
      await expect.poll(() => label(form, s.new.titleField).getAttribute('aria-invalid')).toBe('true');
      expect((await readStatement(draft.id)).version).toBe(draft.version);
      patches.length = 0;
      await label(form, s.new.titleField).fill(TITLES[language].fixed);
      await label(form, titleIn('fr')).fill(FRENCH);
      await screenshot(page, `statements-edit-${language}-1-draft-form`, { fullPage: true });
      await form.getByRole('button', { name: s.edit.submit, exact: true }).click();
      await page.getByText(s.edit.saved).waitFor();
      await page.waitForURL(`**/statements/${draft.id}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(TITLES[language].fixed);
      await closeToasts(page);
      await screenshot(page, `statements-edit-${language}-1-draft-saved`, { fullPage: true });
      expect(patches).toEqual([{ title: TITLES[language].fixed, translations: { fr: { title: FRENCH } } }]);
    });
    const saved = await readStatement(draft.id);
    expect(saved).toMatchObject({
      title: TITLES[language].fixed,
      translations: { fr: { title: FRENCH } },
      visibility: 'coalition',
      version: draft.version + 1,
    });
  });

  it('meets the change a colleague saved in another tab meanwhile (409), reloads it, and saves on top of it', async () => {
    const draft = await buildStatement(app.ctx, { title: TITLES[language].fixed, language, visibility: 'public' });
    await withPage(user(), async ({ page, context, watcher }) => {
      const other = await context.newPage();
      const otherWatcher = new PageWatcher(other);
      for (const tab of [page, other]) {
        await tab.goto(`/secretariat/statements/${draft.id}/edit`);
        await expect.poll(() => label(tab.locator('main form'), s.new.titleField).inputValue()).toBe(draft.title);
      }
      // The other tab saves first: the statement becomes coalition-only.
      const otherForm = other.locator('main form');
      await label(otherForm, s.new.visibility).selectOption('coalition');
      await otherForm.getByRole('button', { name: s.edit.submit, exact: true }).click();
      await other.waitForURL(`**/statements/${draft.id}`);
      expect(otherWatcher.problems()).toEqual([]);

      // This tab, filled from the version before, is refused and says so; nothing of it is saved.
      // (In front again: Chromium slows the timers of a tab behind another.)
      await page.bringToFront();
      watcher.expect(409, 'PATCH', /\/api\/v1\/statements\//);
      const form = page.locator('main form');
      await label(form, titleIn('fr')).fill(FRENCH);
      await form.getByRole('button', { name: s.edit.submit, exact: true }).click();
      const conflict = form.getByRole('alert').filter({ hasText: forms.conflict.statement.title });
      await conflict.waitFor();
      expect((await readStatement(draft.id)).translations).toEqual({});
      await screenshot(page, `statements-edit-${language}-2-conflict`, { fullPage: true });
      // Reloading shows the colleague's change and drops what was typed.
      await conflict.getByRole('button', { name: forms.conflict.statement.reload, exact: true }).click();
      await expect.poll(() => conflict.count()).toBe(0);
      expect(await label(form, s.new.visibility).inputValue()).toBe('coalition');
      expect(await label(form, titleIn('fr')).inputValue()).toBe('');
      await label(form, titleIn('fr')).fill(FRENCH);
      await form.getByRole('button', { name: s.edit.submit, exact: true }).click();
      await page.getByText(s.edit.saved).waitFor();
    });
    expect(await readStatement(draft.id)).toMatchObject({
      visibility: 'coalition',
      translations: { fr: { title: FRENCH } },
      version: draft.version + 2,
    });
  });

  it('withdraws a draft, once confirmed; the page then shows it withdrawn, with nothing left to do', async () => {
    const draft = await buildStatement(app.ctx, { title: TITLES[language].fixed, language, text: BODY[language] });
    await withPage(user(), async ({ page, watcher }) => {
      await page.goto(`/statements/${draft.id}`);
      await inLanguage(page, language);
      const actions = page.getByRole('group', { name: s.actions.label });
      await actions.getByRole('button', { name: s.withdrawDraft.open, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: s.withdrawDraft.title });
      await dialog.waitFor();
      // Keeping it changes nothing.
      await dialog.getByRole('button', { name: s.withdrawDraft.keep, exact: true }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect((await readStatement(draft.id)).status).toBe('draft');

      await actions.getByRole('button', { name: s.withdrawDraft.open, exact: true }).click();
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(s.withdrawDraft.text);
      await screenshot(page, `statements-edit-${language}-3-withdraw-dialog`);
      await expectAccessible(page, '[role="dialog"]');
      // A colleague changes the draft meanwhile: withdrawing what the page showed is refused, and offers to reload.
      const colleague = await app.ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/statements/${draft.id}`,
        headers: { cookie: user().cookie, 'if-match': `"${draft.version}"` },
        payload: { kind: 'communique' },
      });
      expect(colleague.statusCode).toBe(200);
      watcher.expect(409, 'PATCH', /\/api\/v1\/statements\//);
      await dialog.getByRole('button', { name: s.withdrawDraft.submit, exact: true }).click();
      const conflict = dialog.getByRole('alert').filter({ hasText: forms.conflict.statement.title });
      await conflict.waitFor();
      expect((await readStatement(draft.id)).status).toBe('draft');
      await screenshot(page, `statements-edit-${language}-3-withdraw-conflict`);
      await conflict.getByRole('button', { name: forms.conflict.statement.reload, exact: true }).click();
      await expect.poll(() => conflict.count()).toBe(0);
      expect(await page.getByText(e.statementKind.communique, { exact: true }).count()).toBe(1);
      await dialog.getByRole('button', { name: s.withdrawDraft.submit, exact: true }).click();
      await page.getByText(s.withdrawDraft.done).waitFor();
      await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('withdrawn');
      expect(await page.locator('[data-withdrawn]').textContent()).toBe(s.statement.withdrawn);
      // No action is left: no edit, no withdrawal, no circulation, no new version.
      expect(await page.getByRole('group', { name: s.actions.label }).count()).toBe(0);
      expect(await page.getByRole('button', { name: s.circulate.open, exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: s.versions.add, exact: true }).count()).toBe(0);
      await closeToasts(page);
      await screenshot(page, `statements-edit-${language}-3-withdrawn`, { fullPage: true });
    });
    expect((await readStatement(draft.id)).status).toBe('withdrawn');
  });

  it('changes an adopted statement only where the server lets it: its translations and its readers', async () => {
    const adopted = await buildAdoptedStatement(app.ctx, {
      title: TITLES[language].fixed,
      language,
      text: BODY[language],
    });
    await withPage(user(), async ({ page }) => {
      const patches = patchesOf(page);
      await page.goto(`/statements/${adopted.id}`);
      await inLanguage(page, language);
      const actions = page.getByRole('group', { name: s.actions.label });
      // Adopted: it may be edited, not withdrawn.
      expect(await actions.getByRole('button', { name: s.withdrawDraft.open }).count()).toBe(0);
      await actions.getByRole('link', { name: s.actions.edit, exact: true }).click();
      const form = page.locator('main form');
      await form.locator('[data-adopted-locked]').waitFor();
      expect(await form.locator('[data-adopted-locked]').textContent()).toBe(s.edit.adoptedLocked);
      for (const locked of [s.new.kind, s.new.language, s.new.titleField, s.new.meeting]) {
        expect(await label(form, locked).isDisabled(), locked).toBe(true);
      }
      expect(await label(form, s.new.visibility).isDisabled()).toBe(false);
      const translation = language === 'ar' ? 'en' : 'ar';
      const translated = language === 'ar' ? 'Joint statement on stabilisation' : 'بيان مشترك بشأن الاستقرار';
      await label(form, titleIn(translation)).fill(translated);
      await label(form, s.new.visibility).selectOption('coalition');
      await screenshot(page, `statements-edit-${language}-4-adopted-form`, { fullPage: true });
      await expectAccessible(page);
      await form.getByRole('button', { name: s.edit.submit, exact: true }).click();
      await page.getByText(s.edit.saved).waitFor();
      expect(patches).toEqual([{ visibility: 'coalition', translations: { [translation]: { title: translated } } }]);
    });
    const saved = await readStatement(adopted.id);
    expect(saved).toMatchObject({ status: 'adopted', visibility: 'coalition', title: TITLES[language].fixed });
  });

  it('withdraws a running silence procedure with a reason: the statement is a draft again', async () => {
    const statement = await buildStatement(app.ctx, { title: TITLES[language].fixed, language, text: BODY[language] });
    await buildProcedure(app.ctx, {
      statement: statement.id,
      textVersion: 1,
      deadline: '2030-06-14T15:00:00Z',
      members: ['FRA', 'GBR'],
      timeZone: 'Europe/Brussels',
    });
    const reason = language === 'ar' ? 'ستُعرض المسألة على الاجتماع الوزاري.' : 'The ministers will take it up instead.';
    await withPage(user(), async ({ page, watcher }) => {
      await page.goto(`/statements/${statement.id}`);
      await inLanguage(page, language);
      // In procedure: nothing of the statement may change, and its edit page says why.
      expect(await page.getByRole('group', { name: s.actions.label }).count()).toBe(0);
      await page.goto(`/secretariat/statements/${statement.id}/edit`);
      await page.locator('[data-not-editable="in_procedure"]').waitFor();
      expect(await page.locator('[data-not-editable]').textContent()).toContain(s.edit.inProcedure);
      expect(await page.locator('main form').count()).toBe(0);
      await page.getByRole('link', { name: s.edit.back, exact: true }).click();
      await page.waitForURL(`**/statements/${statement.id}`);
      const panel = page.locator('[data-procedure]').first();
      await expect
        .poll(() => panel.locator('[data-procedure-status]').getAttribute('data-procedure-status'))
        .toBe('open');
      await panel.getByRole('button', { name: s.procedure.withdraw.open, exact: true }).click();
      const form = panel.locator('form');
      expect(await form.textContent()).toContain(s.procedure.withdraw.text);
      // The reason is required: the server says so on the field, and nothing is withdrawn.
      watcher.expect(400, 'POST', /\/api\/v1\/procedures\/[0-9a-f-]{36}\/withdraw$/);
      await form.getByRole('button', { name: s.procedure.withdraw.submit, exact: true }).click();
      await expect.poll(() => label(form, s.procedure.withdraw.reason).getAttribute('aria-invalid')).toBe('true');
      await label(form, s.procedure.withdraw.reason).fill(reason);
      await screenshot(page, `statements-edit-${language}-5-withdraw-procedure`, { fullPage: true });
      await form.getByRole('button', { name: s.procedure.withdraw.submit, exact: true }).click();
      await page.getByText(s.procedure.withdraw.done).waitFor();
      await expect
        .poll(() => panel.locator('[data-procedure-status]').getAttribute('data-procedure-status'))
        .toBe('withdrawn');
      expect(await panel.textContent()).toContain(reason);
      await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('draft');
      // A draft again: the secretariat may edit it, withdraw it, or circulate it again.
      await page.getByRole('group', { name: s.actions.label }).waitFor();
      await closeToasts(page);
      await screenshot(page, `statements-edit-${language}-5-procedure-withdrawn`, { fullPage: true });
    });
    const saved = await readStatement(statement.id);
    expect(saved.status).toBe('draft');
    expect(saved.procedures.map((p) => [p.status, p.reason])).toEqual([['withdrawn', reason]]);
  });

  it('records a statement adopted by consensus at its meeting: it gets a decision', async () => {
    const meeting = await buildMeeting(app.ctx, { startDate: '2030-06-03', endDate: '2030-06-04' });
    const statement = await buildStatement(app.ctx, {
      title: TITLES[language].fixed,
      language,
      meetingId: meeting.id,
      text: BODY[language],
    });
    await withPage(user(), async ({ page }) => {
      await page.goto(`/statements/${statement.id}`);
      await inLanguage(page, language);
      await page.getByRole('button', { name: s.adopt.open, exact: true }).click();
      const form = page.locator('form[aria-labelledby="adopt-heading"]');
      expect(await label(form, s.adopt.version).inputValue()).toBe('1');
      // The statement's own meeting, chosen once the meetings are read.
      await expect.poll(() => label(form, s.adopt.meeting).inputValue()).toBe(meeting.id);
      await screenshot(page, `statements-edit-${language}-6-adopt-form`, { fullPage: true });
      await form.getByRole('button', { name: s.adopt.submit, exact: true }).click();
      await page.getByText(s.adopt.done).waitFor();
      await expect.poll(() => page.locator('[data-decision]').count()).toBe(1);
      const number = (await page.locator('[data-decision]').getAttribute('data-decision')) as string;
      expect(number).toMatch(/^2030\/\d+$/);
      expect(await page.locator('[data-decision]').textContent()).toContain(e.decisionMethod.meeting_consensus);
      expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('adopted');
      await closeToasts(page);
      await screenshot(page, `statements-edit-${language}-6-adopted`, { fullPage: true });
    });
    const saved = await readStatement(statement.id);
    expect(saved.status).toBe('adopted');
    // The meeting's last day, as the form's hint says when the day is left empty.
    expect(saved.adoption).toMatchObject({ method: 'meeting_consensus', textVersion: 1, adoptedOn: '2030-06-04' });
  });
});
