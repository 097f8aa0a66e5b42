import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/search.js';
import { sources } from '../../db/schema/sources.js';
import { fixedClock } from '../../lib/clock.js';
import {
  buildAdoptedStatement,
  buildDelegation,
  buildMeeting,
  buildMember,
  buildPerson,
  buildProcedure,
  buildStatement,
  buildUser,
  next,
} from '../../test/factories.js';
import {
  createTestApp,
  engines,
  parseProblem,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';
import { buildSource } from '../../test/source-factories.js';
import { personPublicSql } from '../meetings/meeting-people.js';
import { meetingVisibleSql } from '../meetings/meetings.policy.js';
import { sourceVisibleSql } from '../sources/sources.policy.js';
import { statementVisibleSql } from '../statements/statements.policy.js';

type Viewer = { cookie: string } | null;

/** A word no other record holds. */
const unique = () => `Zq${next()}`;

describe.each(engines)('search on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock('2027-03-01T09:00:00Z') });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
  });
  afterAll(() => ctx?.close());

  async function search(q: string, viewer: Viewer = null, extra = ''): Promise<SearchHit[]> {
    const res = await ctx.app.inject({
      url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`,
      headers: viewer ? { cookie: viewer.cookie } : {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }
  const ids = async (q: string, viewer: Viewer = null) => (await search(q, viewer)).map((h) => h.id);

  async function addSource(values: {
    title: string;
    visibility?: 'public' | 'coalition' | 'restricted';
    excerpt?: string;
  }) {
    const [row] = await ctx.database.db
      .insert(sources)
      .values({ kind: 'source', publisher: 'Test publisher', publishedOn: '2014-12-03', ...values })
      .returning({ id: sources.id });
    return row?.id as string;
  }

  it('finds the demo: "Bruxelles" and "بروكسل" the Brussels ministerial, "الْعِرَاق" and "Irak" Iraq', async () => {
    for (const q of ['Bruxelles', 'بروكسل', 'brussels']) {
      const hits = await search(q, null, '&kind=meeting');
      expect(hits[0], q).toMatchObject({ kind: 'meeting', path: expect.stringMatching(/^\/meetings\//) });
      expect(hits[0]?.date, q).toBe('2014-12-03');
    }
    for (const q of ['العراق', 'الْعِرَاق', 'Irak', 'iraq']) {
      const hits = await search(q, null, '&kind=member');
      expect(hits[0], q).toMatchObject({ kind: 'member', path: '/members/IRQ' });
      expect(
        hits[0]?.titleParts.some((p) => p.match),
        q,
      ).toBe(true);
    }
  });

  it('folds Arabic: tashkeel, tatweel, hamza on alef, alef maksura and ta marbuta', async () => {
    const tag = unique();
    const meeting = await buildMeeting(ctx, { title: `اجتماع الْعِرَاق أمن مدينة مصطفى ${tag}` });
    for (const q of [
      `العراق ${tag}`,
      `الْعِرَاق ${tag}`,
      `العـــراق ${tag}`,
      `امن ${tag}`,
      `إمن ${tag}`,
      `مدينه ${tag}`,
      `مصطفي ${tag}`,
    ]) {
      const [hit] = await search(q);
      expect(hit?.id, q).toBe(meeting.id);
    }
    const [hit] = await search(`${tag} العراق`);
    expect(hit?.titleParts).toEqual([
      { text: 'اجتماع ', match: false },
      { text: 'الْعِرَاق', match: true },
      { text: ' أمن مدينة مصطفى ', match: false },
      { text: tag, match: true },
    ]);
  });

  it('folds French accents both ways and matches the last word as a prefix', async () => {
    const tag = unique();
    const statement = await buildAdoptedStatement(ctx, { title: `Déclaration de Genève ${tag}`, language: 'fr' });
    expect(await ids(`declaration geneve ${tag}`)).toContain(statement.id);
    expect(await ids(`${tag} GENÈVE`)).toContain(statement.id);
    expect(await ids(`${tag} Gen`)).toContain(statement.id);
    expect(await ids(`${tag} Genf`)).not.toContain(statement.id);
  });

  it('ranks a title match above a mention in the text', async () => {
    const tag = unique();
    const mention = await buildAdoptedStatement(ctx, {
      title: 'On other matters',
      text: `Partners note ${tag} again.`,
    });
    const titled = await buildAdoptedStatement(ctx, { title: `The ${tag} statement` });
    const meeting = await buildMeeting(ctx, { summary: `Ministers discussed ${tag}.` });
    const hits = await search(tag);
    expect(hits.map((h) => h.id)).toEqual([titled.id, expect.any(String), expect.any(String), expect.any(String)]);
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining([mention.id, meeting.id]));
    const decision = hits.find((h) => h.kind === 'decision');
    expect(decision?.title).toBe(`The ${tag} statement`);
    const text = hits.find((h) => h.id === mention.id);
    expect(text?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual([tag]);
    expect(hits[0]?.rank).toBeGreaterThan(text?.rank ?? 1);
  });

  it('finds every kind, with its page', async () => {
    const tag = unique();
    const member = await buildMember(ctx, { names: { en: `League ${tag}`, fr: `Ligue ${tag}`, ar: `جامعة ${tag}` } });
    const person = await buildPerson(ctx, { member: member.code, name: `Amina ${tag}`, title: 'Envoy' });
    const meeting = await buildMeeting(ctx, { title: `Meeting ${tag}` });
    const statement = await buildAdoptedStatement(ctx, { title: `Statement ${tag}` });
    const source = await addSource({ title: `Report ${tag}`, excerpt: 'Oil sales and extortion.' });
    const hits = await search(tag);
    const byKind = Object.fromEntries(hits.map((h) => [h.kind, h]));
    expect(byKind.member).toMatchObject({ id: member.id, path: `/members/${member.code}`, title: `League ${tag}` });
    expect(byKind.person).toMatchObject({ id: person.id, path: `/members/${member.code}`, snippet: [] });
    expect(byKind.meeting).toMatchObject({ id: meeting.id, path: `/meetings/${meeting.id}`, date: '2030-03-12' });
    expect(byKind.statement).toMatchObject({ id: statement.id, path: `/statements/${statement.id}` });
    expect(byKind.decision?.path).toMatch(/^\/decisions#decision-/);
    expect(byKind.source).toMatchObject({ id: source, path: `/sources#${source}`, date: '2014-12-03' });
    expect((await search(tag, null, '&kind=source')).map((h) => h.kind)).toEqual(['source']);
    expect(await search(`ligue ${tag}`, null, '&kind=member')).toEqual([
      expect.objectContaining({ title: `Ligue ${tag}` }),
    ]);
    expect(await search(`Oil ${tag}`, null, '&kind=source')).toEqual([
      expect.objectContaining({
        snippet: [
          { text: 'Oil', match: true },
          { text: ' sales and extortion.', match: false },
        ],
      }),
    ]);
    expect((await search(tag, null, '&limit=2')).length).toBe(2);
  });

  it('never shows the public a coalition or restricted record of any kind; shows each to who may see it', async () => {
    const tag = unique();
    const listed = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: listed.code });
    const outsider = await buildUser(ctx, { role: 'focal_point' });
    const coalitionMeeting = await buildMeeting(ctx, { title: `Leak meeting ${tag}`, visibility: 'coalition' });
    const restrictedMeeting = await buildMeeting(ctx, {
      title: `Leak meeting ${tag}`,
      visibility: 'restricted',
      restrictedTo: [listed.code],
    });
    const coalitionStatement = await buildAdoptedStatement(ctx, {
      title: `Leak statement ${tag}`,
      visibility: 'coalition',
    });
    const restrictedStatement = await buildAdoptedStatement(ctx, {
      title: `Leak statement ${tag}`,
      visibility: 'restricted',
      restrictedTo: [listed.code],
    });
    const draft = await buildStatement(ctx, { title: `Leak draft ${tag}`, text: `Draft words ${tag}.` });
    const coalitionSource = await addSource({ title: `Leak source ${tag}`, visibility: 'coalition' });
    const restrictedSource = await addSource({ title: `Leak source ${tag}`, visibility: 'restricted' });
    // A restricted entry about the listed member is its focal points' to see, as in the register.
    const linkedSource = (
      await buildSource(ctx, {
        title: `Leak source ${tag}`,
        visibility: 'restricted',
        links: [{ subject: 'member', key: listed.code }],
      })
    ).id;
    // Someone who only ever sat as an alternate is the coalition's to know.
    const seat = await buildDelegation(ctx, {
      named: {
        level: null,
        head: { name: `Head ${unique()}` },
        alternates: [{ name: `Leak alternate ${tag}`, title: null }],
      },
    });
    const alternate = seat.delegation.delegates.find((d) => d.role === 'alternate')?.person.id as string;

    const anonymous = await search(tag);
    expect(anonymous).toEqual([]);
    expect(await search(`Leak ${tag}`, null, '&kind=decision')).toEqual([]);

    const coalitionIds = [coalitionMeeting.id, coalitionStatement.id, coalitionSource, alternate];
    const restrictedIds = [restrictedMeeting.id, restrictedStatement.id, restrictedSource, linkedSource, draft.id];
    const seenBy = async (viewer: Viewer) => {
      const hits = await search(tag, viewer, '&limit=50');
      return new Set(hits.filter((h) => h.kind !== 'decision').map((h) => h.id));
    };
    const observers = await seenBy(observer);
    expect(coalitionIds.filter((id) => !observers.has(id))).toEqual([]);
    expect(restrictedIds.filter((id) => observers.has(id))).toEqual([]);
    const outsiders = await seenBy(outsider);
    expect(restrictedIds.filter((id) => outsiders.has(id))).toEqual([]);
    // A focal point of the listed member finds the restricted meeting, statement and the entry about
    // their member (not the secretariat's unlinked restricted source, nor a draft never circulated to them).
    const focals = await seenBy(focal);
    expect([restrictedMeeting.id, restrictedStatement.id, linkedSource].filter((id) => !focals.has(id))).toEqual([]);
    expect([restrictedSource, draft.id].filter((id) => focals.has(id))).toEqual([]);
    const everything = await seenBy(secretariat);
    expect([...coalitionIds, ...restrictedIds].filter((id) => !everything.has(id))).toEqual([]);
    // Decisions follow their statement.
    const decisions = async (viewer: Viewer) => (await search(tag, viewer, '&kind=decision')).length;
    expect([
      await decisions(null),
      await decisions(observer),
      await decisions(focal),
      await decisions(secretariat),
    ]).toEqual([0, 1, 2, 2]);
  });

  it('shows a draft to the focal points of the members it was circulated to', async () => {
    const tag = unique();
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const draft = await buildStatement(ctx, { title: `Circulated ${tag}` });
    expect(await ids(tag, focal)).toEqual([]);
    await buildProcedure(ctx, { statement: draft.id, deadline: '2027-03-10T12:00:00Z', members: [member.code] });
    expect(await ids(tag, focal)).toEqual([draft.id]);
    expect(await ids(tag, observer)).toEqual([]);
  });

  it('answers an empty list for a query of only punctuation, and 400 for a bad one', async () => {
    expect(await search('&|!():* \' " <>')).toEqual([]);
    const cases: [string, string, string][] = [
      ['', 'q', 'required'],
      ['?q=', 'q', 'too_small'],
      [`?q=${'x'.repeat(201)}`, 'q', 'too_long'],
      ['?q=x&limit=0', 'limit', 'too_small'],
      ['?q=x&kind=treaty', 'kind', 'invalid_value'],
    ];
    for (const [query, path] of cases) {
      const res = await ctx.app.inject({ url: `/api/v1/search${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(
        parseProblem(res.body).errors?.map((e) => e.path),
        query,
      ).toEqual([path]);
    }
  });

  it('uses the search indexes', async () => {
    await ctx.database.db.execute(sql`set enable_seqscan = off`);
    try {
      const plan = async (query: string) =>
        (
          (await ctx.database.db.execute(sql.raw(`explain ${query}`))) as unknown as { rows: Record<string, string>[] }
        ).rows
          .map((r) => Object.values(r)[0])
          .join('\n');
      const { searchVectors: v } = await import('./search.vectors.js');
      const q = `to_tsquery('simple', entente_fold('bruxelles:*'))`;
      expect(await plan(`select id from meetings m where ${v.meeting('m.')} @@ ${q}`)).toContain('meetings_search_idx');
      expect(await plan(`select id from sources o where ${v.source('o.')} @@ ${q}`)).toContain('sources_search_idx');
      expect(await plan(`select id from members m where ${v.member('m.')} @@ ${q}`)).toContain('members_search_idx');
    } finally {
      await ctx.database.db.execute(sql`set enable_seqscan = on`);
    }
  });

  it('SQL forms of the visibility rules agree with the modules’ lists', async () => {
    const member = await buildMember(ctx);
    await buildMeeting(ctx, { visibility: 'restricted', restrictedTo: [member.code] });
    await buildMeeting(ctx, { visibility: 'coalition' });
    await buildAdoptedStatement(ctx, { visibility: 'restricted', restrictedTo: [member.code] });
    await buildProcedure(ctx, { deadline: '2027-03-10T12:00:00Z', members: [member.code] });
    const linked = [{ subject: 'member' as const, key: member.code }];
    await buildSource(ctx, { visibility: 'restricted', links: linked });
    await buildSource(ctx, { visibility: 'restricted' });
    await buildSource(ctx, { visibility: 'coalition', links: linked });
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const viewers: [Viewer, { signedIn: string; secretariat: string; memberId: string }][] = [
      [null, { signedIn: 'false', secretariat: 'false', memberId: 'null::uuid' }],
      [observer, { signedIn: 'true', secretariat: 'false', memberId: 'null::uuid' }],
      [focal, { signedIn: 'true', secretariat: 'false', memberId: `'${member.id}'::uuid` }],
      [secretariat, { signedIn: 'true', secretariat: 'true', memberId: 'null::uuid' }],
    ];
    const select = async (query: string) =>
      ((await ctx.database.db.execute(sql.raw(query))) as unknown as { rows: { id: string }[] }).rows
        .map((r) => r.id)
        .sort();
    const listed = async (url: string, viewer: Viewer) =>
      (await ctx.app.inject({ url, headers: viewer ? { cookie: viewer.cookie } : {} }))
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort();
    for (const [viewer, params] of viewers) {
      expect(await select(`select id from meetings m where ${meetingVisibleSql('m', params)}`)).toEqual(
        await listed('/api/v1/meetings', viewer),
      );
      expect(await select(`select id from statements s where ${statementVisibleSql('s', params)}`)).toEqual(
        await listed('/api/v1/statements', viewer),
      );
      expect(await select(`select id from sources o where ${sourceVisibleSql('o', params)}`)).toEqual(
        await listed('/api/v1/sources?limit=500', viewer),
      );
    }
    expect(await select(`select id from people p where ${personPublicSql('p')}`)).toEqual(
      await listed('/api/v1/people', null),
    );
  });
});
