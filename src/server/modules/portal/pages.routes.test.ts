import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_COOKIE } from '../../../shared/i18n.js';
import type { Meeting } from '../../../shared/meetings.js';
import type { Member } from '../../../shared/members.js';
import type { Pledge } from '../../../shared/pledges.js';
import type { Indicator } from '../../../shared/progress.js';
import type { Statement } from '../../../shared/statements.js';
import { sources } from '../../db/schema/index.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import {
  buildAdoptedStatement,
  buildMeeting,
  buildMember,
  buildStatement,
  signedInUser,
} from '../../test/factories.js';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { buildPledge } from '../../test/pledge-factories.js';
import { buildIndicator, buildLineOfEffort } from '../../test/progress-factories.js';
import { LINES_TAG } from '../progress/tags.js';
import { escapeHtml } from './head.js';

const ORIGIN = 'https://entente.example.org';

/** The page's `<title>`, and the content of a meta tag by its name or property, as a link preview reads them. */
const decode = (text: string | undefined) => text?.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
const titleOf = (html: string) => decode(/<title>([^<]*)<\/title>/.exec(html)?.[1]);
const metaOf = (html: string, key: string) =>
  decode(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1]);
const canonicalOf = (html: string) => decode(/<link rel="canonical" href="([^"]*)"/.exec(html)?.[1]);
const htmlTagOf = (html: string) => /<html[^>]*>/.exec(html)?.[0];

describe.each(engines)('pages with their head on %s', (engine) => {
  let ctx: TestContext;
  let webDist: string;
  let member: Member;
  let meeting: Meeting;
  let statement: Statement;
  let line: { key: string; names: { en: string } };
  let indicator: Indicator;
  let pledge: Pledge;
  /** Titles of records the public may not see: none may appear in any page's head. */
  const leaks: string[] = [];
  const hidden: string[] = [];
  let staff: string;

  beforeAll(async () => {
    // The web app's own template, as the build leaves it (the head is what the server writes).
    webDist = mkdtempSync(join(tmpdir(), 'entente-pages-'));
    writeFileSync(join(webDist, 'index.html'), readFileSync('src/web/index.html'));
    ctx = await createTestApp(engine, { seed: false, webDist, publicUrl: ORIGIN });
    const token = randomUUID();
    member = await buildMember(ctx, {
      names: { en: `Belgium ${token}`, fr: `Belgique ${token}`, ar: `بلجيكا ${token}` },
      joinedOn: '2014-09-22',
    });
    meeting = await buildMeeting(ctx, {
      title: `Ministerial ${token}`,
      titleTranslations: { ar: `الاجتماع الوزاري ${token}` },
      city: 'Brussels',
      startDate: '2014-12-03',
    });
    statement = await buildAdoptedStatement(ctx, {
      title: `Joint statement ${token}`,
      translations: { ar: { title: `بيان مشترك ${token}` } },
      adoptedOn: '2014-12-03',
    });
    line = await buildLineOfEffort(ctx);
    ctx.app.cache.invalidate(LINES_TAG);
    indicator = await buildIndicator(ctx, { lineOfEffort: line.key });
    pledge = await buildPledge(ctx, { memberCode: member.code, lineOfEffort: line.key });

    for (const visibility of ['coalition', 'restricted'] as const) {
      const restrictedTo = visibility === 'restricted' ? [member.code] : [];
      const m = await buildMeeting(ctx, { title: `Leak-meeting-${randomUUID()}`, visibility, restrictedTo });
      const s = await buildAdoptedStatement(ctx, {
        title: `Leak-statement-${randomUUID()}`,
        visibility,
        restrictedTo,
        meetingId: (await buildMeeting(ctx)).id,
      });
      const draft = await buildStatement(ctx, { title: `Leak-draft-${randomUUID()}`, visibility, restrictedTo });
      const i = await buildIndicator(ctx, {
        lineOfEffort: line.key,
        visibility: 'coalition',
        names: { en: `Leak-indicator-${randomUUID()}`, fr: 'x', ar: 'x' },
      });
      const [source] = await ctx.database.db
        .insert(sources)
        .values({
          kind: 'press',
          title: `Leak-source-${randomUUID()}`,
          publisher: `Leak-publisher-${randomUUID()}`,
          visibility,
        })
        .returning();
      leaks.push(m.title, s.title, draft.title, i.names.en, source?.title ?? '', source?.publisher ?? '');
      hidden.push(`/meetings/${m.id}`, `/statements/${s.id}`, `/statements/${draft.id}`, `/indicators/${i.key}`);
    }
    staff = (await signedInUser(ctx, 'secretariat')).cookie;
    // Some thirty records through the API: on a shared machine this takes more than the default minute.
  }, 300_000);

  afterAll(async () => {
    await ctx?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

  it("gives each record's page its title, description, canonical address and preview tags", async () => {
    const pages = [
      { url: `/members/${member.code}`, title: member.names.en, date: '22 September 2014' },
      { url: `/meetings/${meeting.id}`, title: meeting.title, date: '3 December 2014' },
      { url: `/statements/${statement.id}`, title: statement.title, date: '3 December 2014' },
      { url: `/lines-of-effort/${line.key}`, title: line.names.en },
      { url: `/indicators/${indicator.key}`, title: indicator.names.en },
      { url: `/pledges/${pledge.id}`, title: `Pledge of ${member.names.en}` },
    ];
    for (const page of pages) {
      const res = await get(page.url);
      expect(res.statusCode, page.url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(titleOf(res.body), page.url).toBe(`${page.title} · Entente`);
      expect(metaOf(res.body, 'og:title')).toBe(page.title);
      expect(metaOf(res.body, 'twitter:title')).toBe(page.title);
      expect(metaOf(res.body, 'og:type')).toBe('article');
      expect(metaOf(res.body, 'og:site_name')).toBe('Entente');
      expect(metaOf(res.body, 'og:locale')).toBe('en_GB');
      expect(canonicalOf(res.body)).toBe(`${ORIGIN}${page.url}`);
      expect(metaOf(res.body, 'og:url')).toBe(`${ORIGIN}${page.url}`);
      const description = metaOf(res.body, 'description') ?? '';
      expect(description.length).toBeGreaterThan(10);
      expect(metaOf(res.body, 'og:description')).toBe(description);
      if (page.date) expect(description).toContain(page.date);
      // The template's own title and description are replaced, not repeated.
      expect(res.body.match(/<title>/g)).toHaveLength(1);
      expect(res.body.match(/<meta name="description"/g)).toHaveLength(1);
      // The rest of the template is kept: the app still loads, where the page's preview stands
      // until then (its title and description, for a reader whose script has not run yet).
      const preview = /<div id="root">([\s\S]*?)<\/div><\/div><\/div>\s*</.exec(res.body)?.[1] ?? '';
      expect(preview).toContain(
        `<div class="page-preview-title">${escapeHtml(titleOf(res.body)?.replace(/ · Entente$/, '') ?? '')}</div>`,
      );
      expect(preview).toContain(`<p>${escapeHtml(description)}</p>`);
      expect(res.body).toContain('<script type="module"');
      expect(htmlTagOf(res.body)).toBe('<html lang="en" dir="ltr" data-mantine-color-scheme="light">');
    }
  });

  it('gives the home and each list a generic title, and keeps a list’s filters in its address', async () => {
    const lists: [string, string][] = [
      ['/', 'Entente'],
      ['/members', 'Members · Entente'],
      ['/meetings', 'Meetings · Entente'],
      ['/statements', 'Statements · Entente'],
      ['/decisions', 'Decisions · Entente'],
      ['/lines-of-effort', 'Lines of effort · Entente'],
      ['/pledges', 'Pledges · Entente'],
      ['/sources', 'Sources and press · Entente'],
      ['/open-data', 'Open data · Entente'],
      ['/search', 'Search · Entente'],
    ];
    for (const [url, title] of lists) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(titleOf(res.body), url).toBe(title);
      expect(metaOf(res.body, 'og:type')).toBe('website');
      expect(canonicalOf(res.body)).toBe(`${ORIGIN}${url}`);
    }
    const filtered = await get('/meetings?year=2014&kind=ministerial&lang=fr');
    expect(canonicalOf(filtered.body)).toBe(`${ORIGIN}/meetings?year=2014&kind=ministerial`);
    expect(titleOf(filtered.body)).toBe('Réunions · Entente');
  });

  it('never writes a restricted or coalition-only record into any head, and answers 404 for it signed out', async () => {
    const everyPage = [
      '/',
      '/members',
      '/meetings',
      '/statements',
      '/decisions',
      '/lines-of-effort',
      '/pledges',
      '/sources',
      '/open-data',
      '/search?q=Leak',
      `/members/${member.code}`,
      `/meetings/${meeting.id}`,
      `/statements/${statement.id}`,
      `/lines-of-effort/${line.key}`,
      `/indicators/${indicator.key}`,
      `/pledges/${pledge.id}`,
      '/desk',
      ...hidden,
    ];
    for (const url of everyPage) {
      for (const lang of ['en', 'fr', 'ar']) {
        for (const headers of [{}, { cookie: staff }] as Record<string, string>[]) {
          const res = await get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, headers);
          for (const leak of leaks) expect(res.body, `${url} ${lang}`).not.toContain(leak);
        }
      }
    }
    for (const url of hidden) {
      const signedOut = await get(url);
      expect(signedOut.statusCode, url).toBe(404);
      // The site's head, nothing of the record: no canonical address, not to be indexed.
      expect(titleOf(signedOut.body)).toBe('Entente');
      expect(canonicalOf(signedOut.body)).toBeUndefined();
      expect(metaOf(signedOut.body, 'robots')).toBe('noindex');
      expect(signedOut.body).toContain('<div class="page-preview-main"><div class="page-preview-title">Entente</div>');
      // With a session the app may show it (it asks the API as them): the page loads, the head stays the site's.
      const signedIn = await get(url, { cookie: staff });
      expect(signedIn.statusCode, url).toBe(200);
      expect(titleOf(signedIn.body)).toBe('Entente');
      const anyCookie = await get(url, { cookie: `${SESSION_COOKIE}=whatever` });
      expect(anyCookie.statusCode).toBe(200);
    }
  });

  it('answers 404 signed out for a record that does not exist or an address that names none', async () => {
    for (const url of [
      `/meetings/${randomUUID()}`,
      '/meetings/not-an-id',
      `/statements/${randomUUID()}`,
      `/pledges/${randomUUID()}`,
      '/members/NOPE1',
      '/members/%3Cscript%3E',
      '/lines-of-effort/no-such-line',
      '/indicators/no_such_indicator',
      '/indicators/%22%3E',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(titleOf(res.body)).toBe('Entente');
    }
  });

  it("writes the head in the reader's language: ?lang=, then the cookie, then Accept-Language", async () => {
    const ar = await get(`/meetings/${meeting.id}?lang=ar`);
    expect(htmlTagOf(ar.body)).toBe('<html lang="ar" dir="rtl" data-mantine-color-scheme="light">');
    expect(metaOf(ar.body, 'og:title')).toBe(meeting.titleTranslations.ar);
    expect(metaOf(ar.body, 'og:locale')).toBe('ar_AR');
    // The address is the page's, whatever the language it was asked in.
    expect(canonicalOf(ar.body)).toBe(`${ORIGIN}/meetings/${meeting.id}`);
    expect(ar.body).toContain(`<link rel="alternate" hreflang="ar" href="${ORIGIN}/meetings/${meeting.id}?lang=ar" />`);

    const statementAr = await get(`/statements/${statement.id}?lang=ar`);
    expect(metaOf(statementAr.body, 'og:title')).toBe(statement.translations.ar?.title);
    const memberAr = await get(`/members/${member.code}?lang=ar`);
    expect(titleOf(memberAr.body)).toBe(`${member.names.ar} · Entente`);
    expect(metaOf(memberAr.body, 'description')).toContain('عضو في التحالف');
    // Where no translation exists the original is shown.
    const meetingFr = await get(`/meetings/${meeting.id}?lang=fr`);
    expect(metaOf(meetingFr.body, 'og:title')).toBe(meeting.title);
    expect(metaOf(meetingFr.body, 'description')).toContain('3 décembre 2014');

    const byCookie = await get('/members', { cookie: `${LANGUAGE_COOKIE}=fr` });
    expect(htmlTagOf(byCookie.body)).toContain('lang="fr" dir="ltr"');
    expect(titleOf(byCookie.body)).toBe('Membres · Entente');
    const byHeader = await get('/members', { 'accept-language': 'de-DE, ar;q=0.8, en;q=0.5' });
    expect(titleOf(byHeader.body)).toBe('الأعضاء · Entente');
    const paramWins = await get('/members?lang=en', { cookie: `${LANGUAGE_COOKIE}=ar`, 'accept-language': 'fr' });
    expect(titleOf(paramWins.body)).toBe('Members · Entente');
    expect(paramWins.headers.vary).toContain('accept-language');
    expect(paramWins.headers.vary).toContain('cookie');
    // The workspace's pages too: the reader's language and direction before any script runs.
    const desk = await get('/desk?lang=ar');
    expect(htmlTagOf(desk.body)).toContain('lang="ar" dir="rtl"');
    expect(metaOf(desk.body, 'robots')).toBe('noindex');
  });

  it('escapes what a record says', async () => {
    const nasty = `Esc "<script>&' ${randomUUID()}`;
    const m = await buildMeeting(ctx, { title: nasty, city: `"><img src=x onerror=alert(1)>` });
    const res = await get(`/meetings/${m.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('"<script>');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain(`<title>Esc &#34;&#60;script&#62;&#38;&#39; ${nasty.slice(-36)} · Entente</title>`);
    expect(res.body).toContain(
      `<meta property="og:title" content="Esc &#34;&#60;script&#62;&#38;&#39; ${nasty.slice(-36)}" />`,
    );
    expect(metaOf(res.body, 'og:title')).toBe(nasty);
    expect(metaOf(res.body, 'description')).toContain('"><img src=x onerror=alert(1)>');
    const query = await get('/meetings?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(query.body).not.toContain('<script>alert');
    expect(canonicalOf(query.body)).toBe(`${ORIGIN}/meetings?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E`);
  });

  it('compresses the page as the API does, and answers 304 to a reader who has it', async () => {
    const plain = await get(`/statements/${statement.id}`);
    const br = await get(`/statements/${statement.id}`, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.headers['cache-control']).toBe('no-cache');
    const again = await get(`/statements/${statement.id}`, { 'if-none-match': String(plain.headers.etag) });
    expect(again.statusCode).toBe(304);
    // HEAD answers as GET does, without the body.
    const head = await ctx.app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('reads the template again when the build changes it', async () => {
    const before = await get('/');
    expect(before.body).not.toContain('rebuilt');
    const html = readFileSync(join(webDist, 'index.html'), 'utf8').replace(
      '<div id="root">',
      '<div id="root" data-x="rebuilt">',
    );
    writeFileSync(join(webDist, 'index.html'), html);
    const after = await get('/');
    expect(after.body).toContain('data-x="rebuilt"');
    expect(titleOf(after.body)).toBe('Entente');
  });
});
