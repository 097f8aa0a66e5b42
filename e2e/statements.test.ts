import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type SettableClock } from '../src/server/lib/clock.js';
import { buildStatement, buildUser, signIn, type TestUser } from '../src/server/test/factories.js';
import type { Language } from '../src/shared/i18n.js';
import type { Statement } from '../src/shared/statements.js';
import { launchBrowser, openPage, type RunningApp, screenshot, startApp, type WatchedPage } from './support/browser.js';
import { fill, TEXTS } from './support/catalogs.js';

// A full round of a statement by silence procedure, in English and in Arabic, through the pages:
// (1) the secretariat writes a statement and circulates it; (2) France's focal point breaks
// silence, proposing wording for a paragraph; (3) the secretariat adds a revised version, reads
// the diff, and circulates it again; (4) the deadline passes (the app's clock and the browser's
// move past it) and the statement is adopted; (5) the public page lists the members that kept
// silence. The app's clock is injected and the browser's is set to the same instant.

let app: RunningApp;
let browser: Browser;
let clock: SettableClock;
const users: Partial<Record<Language, { secretariat: TestUser; france: TestUser }>> = {};

const CIRCULATED = ['FRA', 'GBR', 'JOR'];

interface Round {
  language: Language;
  /** The app's clock as the round starts: each round later than the last, as a clock only goes on. */
  start: string;
  title: string;
  paragraphs: [string, string, string];
  /** Paragraph 2 as France proposes it, and as the revised version has it. */
  proposed: string;
  reason: string;
  /** The deadlines typed, on Brussels' wall clock: the first round's, a short one (warned), the second round's. */
  deadline1: string;
  shortDeadline: string;
  deadline2: string;
}

const ROUNDS: Round[] = [
  {
    language: 'en',
    start: '2030-06-10T09:00:00Z',
    title: 'Joint statement on foreign terrorist fighters',
    paragraphs: [
      'The partners of the coalition met in Brussels.',
      'We will stem the flow of foreign terrorist fighters.',
      'We will meet again in the spring.',
    ],
    proposed: 'We will stem the flow of foreign terrorist fighters and support their families.',
    reason: 'Paris wants families named in paragraph 2.',
    deadline1: '2030-06-12T17:00',
    shortDeadline: '2030-06-11T08:00',
    deadline2: '2030-06-14T17:00',
  },
  {
    language: 'ar',
    start: '2030-07-10T09:00:00Z',
    title: 'بيان مشترك بشأن المقاتلين الإرهابيين الأجانب',
    paragraphs: [
      'اجتمع شركاء التحالف في بروكسل.',
      'سنوقف تدفق المقاتلين الإرهابيين الأجانب.',
      'سنجتمع مجددًا في الربيع.',
    ],
    proposed: 'سنوقف تدفق المقاتلين الإرهابيين الأجانب وندعم أسرهم.',
    reason: 'تريد باريس ذكر الأسر في الفقرة 2.',
    deadline1: '2030-07-12T17:00',
    shortDeadline: '2030-07-11T08:00',
    deadline2: '2030-07-14T17:00',
  },
];

beforeAll(async () => {
  clock = fixedClock(ROUNDS[0]?.start as string);
  [app, browser] = await Promise.all([startApp({ clock }), launchBrowser()]);
  for (const language of ['en', 'ar'] as Language[]) {
    const secretariat = await buildUser(app.ctx, { role: 'secretariat', name: `Secretariat ${language}` });
    const france = await buildUser(app.ctx, { role: 'focal_point', member: 'FRA', name: `Claire Martin ${language}` });
    for (const user of [secretariat, france]) {
      const res = await app.ctx.app.inject({
        method: 'PUT',
        url: '/api/v1/auth/me/language',
        headers: { cookie: user.cookie },
        payload: { language },
      });
      expect(res.statusCode).toBe(204);
    }
    users[language] = { secretariat, france };
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.ctx.close();
});

/**
 * A session of `user` begun now, by the app's clock: one begun before the clock moved days on has
 * sat idle past its limit and is over, as it would be.
 */
const freshCookie = (user: TestUser) => signIn(app.ctx.app, user.email, user.password);

/** A page as `user` (or nobody), signed in afresh, its browser clock at the app's. */
async function withPage(run: (p: WatchedPage) => Promise<void>, user?: TestUser): Promise<void> {
  const watched = await openPage(browser, app.baseUrl, { width: 1280, height: 900 }, { timezoneId: 'Europe/Paris' });
  await watched.context.clock.setFixedTime(clock.now());
  if (user) {
    const [name, value] = (await freshCookie(user)).split('=') as [string, string];
    await watched.context.addCookies([{ name, value, url: app.baseUrl }]);
  }
  try {
    await run(watched);
    expect(watched.watcher.problems()).toEqual([]);
  } finally {
    await watched.context.close();
  }
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

/**
 * WCAG 2.1 AA as axe checks it, on the whole signed-in page (the workspace and the header with its
 * account menu): no serious or critical violation.
 */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`)).toEqual([]);
}

async function readStatement(id: string, user: TestUser): Promise<Statement> {
  const res = await app.ctx.app.inject({
    url: `/api/v1/statements/${id}`,
    headers: { cookie: await freshCookie(user) },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The secretariat circulates the newest version to the three members, the deadline on Brussels' clock. */
async function circulate(page: Page, round: Round, deadline: string, short?: string): Promise<void> {
  const s = TEXTS[round.language].statements;
  await page.getByRole('button', { name: s.circulate.open, exact: true }).click();
  const form = page.locator('form[aria-labelledby="circulate-heading"]');
  await label(form, s.circulate.timeZone).fill('Europe/Brussels');
  await page.keyboard.press('Escape');
  if (short) {
    // Under 24 hours: a warning, not a refusal.
    await label(form, s.circulate.deadline).fill(short);
    await form.locator('[data-short-deadline]').waitFor();
    expect(await form.locator('[data-short-deadline]').textContent()).toBe(s.circulate.shortDeadline);
    await screenshot(page, `statements-${round.language}-short-deadline-warning`);
  }
  await label(form, s.circulate.deadline).fill(deadline);
  await expect.poll(() => form.locator('[data-short-deadline]').count()).toBe(0);
  await form.getByRole('checkbox', { name: s.circulate.allMembers }).uncheck();
  const members = label(form, s.circulate.members);
  for (const code of CIRCULATED) {
    await members.click();
    await members.fill(code);
    await page.getByRole('option', { name: new RegExp(`\\(${code}\\)`) }).click();
  }
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: s.circulate.submit, exact: true }).click();
  await page.getByText(s.circulate.done).waitFor();
}

describe.each(ROUNDS)('a statement adopted by silence, in $language', (round) => {
  const { language } = round;
  const s = TEXTS[language].statements;
  const e = TEXTS[language].enums;
  let statementId = '';
  const text = round.paragraphs.join('\n\n');

  beforeAll(() => clock.set(round.start));

  it('(1) the secretariat writes the statement and circulates it under silence procedure', async () => {
    const { secretariat } = users[language] as { secretariat: TestUser };
    await withPage(async ({ page }) => {
      await page.goto('/secretariat/statements/new');
      await page.waitForFunction((dir) => document.documentElement.dir === dir, language === 'ar' ? 'rtl' : 'ltr');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(s.new.title);
      const form = page.locator('main form');
      await label(form, s.new.language).selectOption(language);
      await label(form, s.new.visibility).selectOption('public');
      await label(form, s.new.titleField).fill(round.title);
      await label(form, s.new.text).fill(text);
      await label(form, s.versions.note).fill('v1');
      await form.getByRole('button', { name: s.new.submit, exact: true }).click();
      await page.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
      statementId = page.url().split('/').pop() as string;
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(round.title);
      // Version 1, its paragraphs numbered 1 to 3.
      await expect.poll(() => page.locator('.statement-paragraph').count()).toBe(3);
      expect(await page.locator('[data-paragraph="2"] .statement-paragraph-number').textContent()).toBe('2');
      expect(await page.locator('[data-paragraph="2"]').textContent()).toContain(round.paragraphs[1]);

      await circulate(page, round, round.deadline1, round.shortDeadline);
      const panel = page.locator('[data-procedure]').first();
      await expect
        .poll(() => panel.locator('[data-procedure-status]').getAttribute('data-procedure-status'))
        .toBe('open');
      // The countdown: 2 days and 6 hours to 17:00 in Brussels (Arabic says "two days" in a word).
      await expect.poll(() => panel.locator('[data-countdown]').textContent()).toMatch(/6/);
      await expect.poll(() => panel.locator('[data-member]').count()).toBe(3);
      expect(await panel.locator('[data-member="FRA"]').textContent()).toContain(s.responses.silent);
      await closeToasts(page);
      await screenshot(page, `statements-${language}-1-circulated`, { fullPage: true });
    }, secretariat);
    const statement = await readStatement(statementId, secretariat);
    expect(statement.status).toBe('in_procedure');
    expect(statement.procedures).toHaveLength(1);
    // 17:00 in Brussels in June is 15:00 UTC.
    expect(statement.procedures[0]?.deadline).toBe(`${round.deadline1.slice(0, 10)}T15:00:00.000Z`);
    expect(statement.procedures[0]?.timeZone).toBe('Europe/Brussels');
  });

  it("(2) France's focal point finds it on the desk and breaks silence, proposing wording for paragraph 2", async () => {
    const { france } = users[language] as { france: TestUser };
    await withPage(async ({ page }) => {
      await page.goto('/desk');
      const row = page.locator('[data-to-act] tr[data-procedure]');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(round.title);
      expect(await row.textContent()).toContain(s.toAct.silent);
      await screenshot(page, `statements-${language}-2-desk`, { fullPage: true });
      await row.getByRole('link', { name: round.title }).click();
      await page.waitForURL(`**/statements/${statementId}`);

      const form = page.locator('form[aria-labelledby="respond-heading"]');
      await label(form, s.respond.reason).fill(round.reason);
      await label(form, s.respond.paragraph).selectOption('2');
      await label(form, fill(s.respond.proposedText, { number: 2 })).fill(round.proposed);
      const member = language === 'ar' ? 'فرنسا' : 'France';
      await form.getByRole('button', { name: fill(s.respond.break, { member }) }).click();
      await page.getByText(fill(s.respond.broken, { member })).waitFor();
      const panel = page.locator('[data-procedure]').first();
      await expect
        .poll(() => panel.locator('[data-procedure-status]').getAttribute('data-procedure-status'))
        .toBe('broken');
      const franceRow = panel.locator('[data-member="FRA"]');
      await expect.poll(() => franceRow.textContent()).toContain(s.responses.broke);
      expect(await franceRow.textContent()).toContain(round.proposed);
      await closeToasts(page);
      await screenshot(page, `statements-${language}-2-broken`, { fullPage: true });
      await expectAccessible(page);
    }, france);
    expect((await readStatement(statementId, france)).status).toBe('draft');
  });

  it('(3) the secretariat adds a revised version, reads the diff inline and side by side, and circulates it again', async () => {
    const { secretariat } = users[language] as { secretariat: TestUser };
    await withPage(async ({ page }) => {
      await page.goto(`/statements/${statementId}`);
      await page.getByRole('button', { name: s.versions.add, exact: true }).click();
      const form = page.locator('form[aria-labelledby="add-version-heading"]');
      // The form starts from the version shown: the wording France proposed replaces paragraph 2.
      await expect.poll(() => label(form, s.versions.text).inputValue()).toBe(text);
      await label(form, s.versions.text).fill([round.paragraphs[0], round.proposed, round.paragraphs[2]].join('\n\n'));
      await label(form, s.versions.note).fill('v2');
      await form.getByRole('button', { name: s.versions.submit, exact: true }).click();
      await page.getByText(fill(s.versions.added, { number: 2 })).waitFor();

      // Inline: the added words underlined and said, nothing removed (France added to the sentence).
      const diff = page.locator('[data-diff="inline"]');
      await diff.waitFor();
      const added = await diff.locator('ins.diff-added').allTextContents();
      expect(added.join(' ')).toContain(s.diff.addedStart.trim());
      expect(
        await diff
          .locator('ins.diff-added')
          .first()
          .evaluate((el) => getComputedStyle(el).textDecorationLine),
      ).toBe('underline');
      await closeToasts(page);
      await screenshot(page, `statements-${language}-3-diff-inline`, { fullPage: true });
      // Side by side: one row a paragraph, the added words on the newer side only.
      await page.getByText(s.diff.sideBySide, { exact: true }).click();
      const rows = page.locator('[data-diff="side-by-side"] .diff-row');
      await expect.poll(() => rows.count()).toBe(3);
      expect(await rows.nth(1).locator('> div').first().locator('ins').count()).toBe(0);
      expect(await rows.nth(1).locator('> div').last().locator('ins').count()).toBeGreaterThan(0);
      await screenshot(page, `statements-${language}-3-diff-side-by-side`, { fullPage: true });
      await expectAccessible(page);

      await circulate(page, round, round.deadline2);
      const latest = page.locator('[data-procedure]').first();
      await expect
        .poll(() => latest.locator('[data-procedure-status]').getAttribute('data-procedure-status'))
        .toBe('open');
      expect(await latest.locator('h3').textContent()).toContain(e.procedureKind.silence);
      await closeToasts(page);
      await screenshot(page, `statements-${language}-3-circulated-again`, { fullPage: true });

      // The secretariat's desk lists it among the statements in procedure, with its countdown.
      await page.goto('/desk');
      const row = page.locator(`[data-in-procedure] tr[data-statement="${statementId}"]`);
      await row.waitFor();
      // 4 days and 6 hours to 17:00 in Brussels.
      expect(await row.locator('[data-countdown]').textContent()).toMatch(/4.*6/);
      await screenshot(page, `statements-${language}-3-secretariat-desk`, { fullPage: true });
    }, secretariat);
    const statement = await readStatement(statementId, secretariat);
    // Both rounds opened at one instant of the test's clock: ordered by the version circulated.
    const rounds = [...statement.procedures].sort((a, b) => a.textVersion - b.textVersion);
    expect(rounds.map((p) => [p.textVersion, p.status])).toEqual([
      [1, 'broken'],
      [2, 'open'],
    ]);
  });

  it('(4) the deadline passes with no break: the page open on it shows the statement adopted, with its decision', async () => {
    const { secretariat } = users[language] as { secretariat: TestUser };
    const deadline = Date.parse(`${round.deadline2}:00Z`) - 2 * 3_600_000; // 17:00 in Brussels in summer
    clock.set(new Date(deadline - 30_000));
    await withPage(async ({ page, context }) => {
      await page.goto(`/statements/${statementId}`);
      const latest = page.locator('[data-procedure]').first();
      await latest.locator('[data-countdown]').waitFor();
      await expect.poll(() => latest.locator('[data-countdown]').textContent()).toMatch(/30/);
      await screenshot(page, `statements-${language}-4-last-seconds`);
      // The app's clock and the browser's past the deadline: at zero the page reads it again, and
      // the server (whose clock decides) has adopted it on that read, no sweeper needed.
      const after = new Date(deadline + 60_000);
      clock.set(after);
      await context.clock.setFixedTime(after);
      await expect
        .poll(() => latest.locator('[data-procedure-status]').getAttribute('data-procedure-status'))
        .toBe('adopted');
      await expect.poll(() => page.locator('[data-decision]').count()).toBe(1);
      const decision = (await page.locator('[data-decision]').getAttribute('data-decision')) as string;
      expect(decision).toMatch(/^2030\/\d+$/);
      expect(await page.locator('[data-decision]').textContent()).toContain(decision);
      await screenshot(page, `statements-${language}-4-adopted`, { fullPage: true });
    }, secretariat);
    const statement = await readStatement(statementId, secretariat);
    expect(statement.status).toBe('adopted');
    expect(statement.adoption?.textVersion).toBe(2);
  });

  it('(5) the public page shows the adopted text, numbered, the members that kept silence, and the position France attached', async () => {
    const { france } = users[language] as { france: TestUser };
    await withPage(async ({ page }) => {
      await page.goto(`/statements/${statementId}`);
      await page.getByRole('button', { name: s.positions.add, exact: true }).click();
      const form = page.locator('form[aria-labelledby="position-heading"]');
      await label(form, s.positions.kind).selectOption('explanation_of_position');
      await label(form, s.positions.text).fill(round.reason);
      await form.getByRole('button', { name: s.positions.submit, exact: true }).click();
      await page.getByText(s.positions.added).waitFor();
    }, france);
    await withPage(async ({ page }) => {
      await page.goto(`/statements/${statementId}?lang=${language}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(round.title);
      await page.getByRole('heading', { name: s.adopted.silent }).waitFor();
      const silent = page.locator('[data-adopted-members] [data-member]');
      await expect.poll(() => silent.count()).toBe(3);
      expect(await silent.evaluateAll((els) => els.map((el) => el.getAttribute('data-member')))).toEqual(
        expect.arrayContaining(CIRCULATED),
      );
      expect(await page.locator('[data-paragraph="2"]').textContent()).toContain(round.proposed);
      const position = page.locator('[data-position-member="FRA"]');
      expect(await position.textContent()).toContain(e.positionKind.explanation_of_position);
      expect(await position.textContent()).toContain(round.reason);
      // The workspace is not the public's: no versions, no procedures.
      expect(await page.locator('#versions-heading').count()).toBe(0);
      expect(await page.locator('[data-procedure]').count()).toBe(0);
      // The text in its language's direction: paragraph numbers on the start side.
      const dir = await page.locator('.statement-text').getAttribute('dir');
      expect(dir).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await screenshot(page, `statements-${language}-5-public`, { fullPage: true });
      // On a phone it fits the screen: nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `statements-${language}-5-public-phone`, { fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      // It is listed among the statements, and in the decision register.
      await page.goto('/statements');
      await page.locator(`tr[data-statement="${statementId}"]`).waitFor();
      await page.goto('/decisions');
      await expect.poll(() => page.getByRole('link', { name: round.title }).count()).toBe(1);
      await screenshot(page, `statements-${language}-5-decisions`, { fullPage: true });
    });
  });
});

describe('an endorsement, extended, in French', () => {
  const s = TEXTS.fr.statements;
  const e = TEXTS.fr.enums;
  let statementId = '';
  let secretariat: TestUser;
  let france: TestUser;

  beforeAll(async () => {
    clock.set('2030-08-10T09:00:00Z');
    secretariat = await buildUser(app.ctx, { role: 'secretariat', name: 'Secrétariat' });
    france = await buildUser(app.ctx, { role: 'focal_point', member: 'FRA', name: 'Claire Martin fr' });
    for (const user of [secretariat, france]) {
      const res = await app.ctx.app.inject({
        method: 'PUT',
        url: '/api/v1/auth/me/language',
        headers: { cookie: user.cookie },
        payload: { language: 'fr' },
      });
      expect(res.statusCode).toBe(204);
    }
    const statement = await buildStatement(app.ctx, {
      title: 'Déclaration sur la stabilisation',
      language: 'fr',
      text: 'Les partenaires soutiennent la stabilisation des zones libérées.',
    });
    statementId = statement.id;
  });

  it('the secretariat opens it for endorsement, then extends its deadline with a reason', async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/statements/${statementId}`);
      await page.getByRole('button', { name: s.circulate.open, exact: true }).click();
      const form = page.locator('form[aria-labelledby="circulate-heading"]');
      await form.getByText(e.procedureKind.endorsement, { exact: true }).click();
      await label(form, s.circulate.timeZone).fill('Europe/Paris');
      await page.keyboard.press('Escape');
      await label(form, s.circulate.deadline).fill('2030-08-13T12:00');
      await form.getByRole('checkbox', { name: s.circulate.allMembers }).uncheck();
      const members = label(form, s.circulate.members);
      for (const code of ['FRA', 'GBR']) {
        await members.click();
        await members.fill(code);
        await page.getByRole('option', { name: new RegExp(`\\(${code}\\)`) }).click();
      }
      await page.keyboard.press('Escape');
      await form.getByRole('button', { name: s.circulate.submit, exact: true }).click();
      await page.getByText(s.circulate.done).waitFor();
      const panel = page.locator('[data-procedure]').first();
      await expect.poll(() => panel.locator('[data-member="GBR"]').textContent()).toContain(s.responses.notEndorsed);

      await panel.getByRole('button', { name: s.procedure.extend.open, exact: true }).click();
      const extend = panel.locator('form');
      // The form starts from the deadline as it is, on the procedure's zone's clock.
      expect(await label(extend, fill(s.procedure.extend.deadline, { zone: 'Europe/Paris' })).inputValue()).toBe(
        '2030-08-13T12:00',
      );
      await label(extend, fill(s.procedure.extend.deadline, { zone: 'Europe/Paris' })).fill('2030-08-15T12:00');
      await label(extend, s.procedure.extend.reason).fill('Les capitales demandent deux jours de plus.');
      await extend.getByRole('button', { name: s.procedure.extend.submit, exact: true }).click();
      await page.getByText(s.procedure.extend.done).waitFor();
      await expect.poll(() => panel.textContent()).toContain('Les capitales demandent deux jours de plus.');
      await closeToasts(page);
      await screenshot(page, 'statements-fr-endorsement-extended', { fullPage: true });
    }, secretariat);
    const statement = await readStatement(statementId, secretariat);
    // Noon in Paris in August is 10:00 UTC.
    expect(statement.procedures[0]?.deadline).toBe('2030-08-15T10:00:00.000Z');
  });

  it("France's focal point endorses it; at the deadline the published text lists France alone", async () => {
    await withPage(async ({ page }) => {
      await page.goto(`/statements/${statementId}`);
      await page.getByRole('button', { name: fill(s.respond.endorse, { member: 'France' }) }).click();
      await page.getByText(fill(s.respond.endorsed, { member: 'France' })).waitFor();
      const panel = page.locator('[data-procedure]').first();
      await expect.poll(() => panel.locator('[data-member="FRA"]').textContent()).toContain(s.responses.endorsed);
      expect(await page.getByText(fill(s.respond.endorsedAlready, { member: 'France' })).count()).toBe(1);
    }, france);
    clock.set('2030-08-15T10:01:00Z');
    await withPage(async ({ page }) => {
      await page.goto(`/statements/${statementId}?lang=fr`);
      await page.getByRole('heading', { name: s.adopted.endorsing }).waitFor();
      const endorsing = page.locator('[data-adopted-members] [data-member]');
      expect(await endorsing.evaluateAll((els) => els.map((el) => el.getAttribute('data-member')))).toEqual(['FRA']);
      await screenshot(page, 'statements-fr-endorsement-published', { fullPage: true });
    });
    // France attaches a reservation, then thinks better of it and removes it.
    await withPage(async ({ page }) => {
      await page.goto(`/statements/${statementId}`);
      await page.getByRole('button', { name: s.positions.add, exact: true }).click();
      const form = page.locator('form[aria-labelledby="position-heading"]');
      await label(form, s.positions.text).fill('La France réserve sa position sur les zones libérées.');
      await form.getByRole('button', { name: s.positions.submit, exact: true }).click();
      const position = page.locator('[data-position-member="FRA"]');
      await position.waitFor();
      expect(await position.textContent()).toContain(e.positionKind.reservation);
      await position.getByRole('button', { name: s.positions.remove, exact: true }).click();
      await position.getByRole('button', { name: s.positions.confirmYes, exact: true }).click();
      await page.getByText(fill(s.positions.removed, { member: 'France' })).waitFor();
      await expect.poll(() => page.locator('[data-position-member]').count()).toBe(0);
    }, france);
    expect((await readStatement(statementId, france)).positions).toEqual([]);
  });
});

describe('the decision register', () => {
  it('the secretariat adds a follow-up to the Brussels decision, owned by a working group, then marks it in progress', async () => {
    const s = TEXTS.en.statements;
    const secretariat = users.en?.secretariat as TestUser;
    let decisionNumber = '';
    await withPage(async ({ page }) => {
      await page.goto('/decisions');
      const brussels = page.locator('article[data-decision="2014/1"]');
      await brussels.waitFor();
      decisionNumber = (await brussels.getAttribute('data-decision')) as string;
      const before = await brussels.locator('tr[data-follow-up]').count();
      await brussels.getByRole('button', { name: s.decisions.followUps.add, exact: true }).click();
      const form = brussels.locator('form');
      await label(form, s.decisions.followUps.text).fill('Report on the counter-messaging cell.');
      await form.getByText(s.decisions.followUps.byGroup, { exact: true }).click();
      await label(form, s.decisions.followUps.owner).fill('Counter-messaging working group');
      await label(form, s.decisions.followUps.due).fill('2015-03-31');
      await form.getByRole('button', { name: s.decisions.followUps.submit, exact: true }).click();
      await page.getByText(s.decisions.followUps.added).waitFor();
      const rows = brussels.locator('tr[data-follow-up]');
      await expect.poll(() => rows.count()).toBe(before + 1);
      const row = rows.filter({ hasText: 'Report on the counter-messaging cell.' });
      expect(await row.textContent()).toContain('31 March 2015');
      await row
        .getByRole('combobox', {
          name: fill(s.decisions.followUps.changeStatus, { text: 'Report on the counter-messaging cell.' }),
        })
        .selectOption('in_progress');
      await expect.poll(() => row.getByRole('combobox').inputValue()).toBe('in_progress');
      await closeToasts(page);
      await screenshot(page, 'statements-en-decision-register', { fullPage: true });
    }, secretariat);
    const res = await app.ctx.app.inject({
      url: '/api/v1/decisions',
      headers: { cookie: await freshCookie(secretariat) },
    });
    const decision = res.json().items.find((d: { number: string }) => d.number === decisionNumber);
    const followUp = decision.followUps.find(
      (f: { text: string }) => f.text === 'Report on the counter-messaging cell.',
    );
    expect(followUp).toMatchObject({ status: 'in_progress', dueOn: '2015-03-31', owner: { kind: 'working_group' } });
  });
});
