import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/statements.js';
import { auditEvents } from '../../db/schema/audit.js';
import { notifications, outbox } from '../../db/schema/notifications.js';
import { decisions } from '../../db/schema/statements.js';
import { fixedClock } from '../../lib/clock.js';
import {
  buildMeeting,
  buildMember,
  buildProcedure,
  buildStatement,
  buildTextVersion,
  buildUser,
  type TestUser,
} from '../../test/factories.js';
import { createTestApp, databaseSnapshot, engines, parseProblem, type TestContext } from '../../test/harness.js';
import { dayIn } from './settle.js';

/** The instant every test starts at; deadlines are days after it. */
const T0 = '2030-01-10T09:00:00.000Z';
const HOUR = 3600_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const DEADLINE = at(72 * HOUR);

type Focal = TestUser & { memberCode: string };

describe('dayIn', () => {
  it.each([
    ['2030-01-10T23:30:00Z', 'Europe/Brussels', '2030-01-11'],
    ['2030-01-10T23:30:00Z', 'UTC', '2030-01-10'],
    ['2030-01-11T03:00:00Z', 'America/New_York', '2030-01-10'],
    ['2014-12-31T23:30:00Z', 'Asia/Baghdad', '2015-01-01'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(dayIn(new Date(instant), zone)).toBe(day);
  });
});

describe.each(engines)('procedures on %s', (engine) => {
  let ctx: TestContext;
  const clock = fixedClock(T0);
  let secretariat: TestUser;
  let observer: TestUser;

  beforeAll(async () => {
    // Sessions that outlast the days the clock is moved forward by.
    ctx = await createTestApp(engine, {
      seed: false,
      clock,
      session: { idleMinutes: 60 * 24 * 30, absoluteHours: 24 * 90 },
    });
    secretariat = await buildUser(ctx, { role: 'secretariat' });
    observer = await buildUser(ctx, { role: 'observer' });
  });
  afterAll(() => ctx?.close());
  beforeEach(() => clock.set(T0));

  const as = (user: TestUser | null) => (user ? { cookie: user.cookie } : {});
  const get = (url: string, user: TestUser | null = secretariat) => ctx.app.inject({ url, headers: as(user) });
  const post = (url: string, payload: unknown, user: TestUser | null, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...as(user), ...headers } });
  const respond = (id: string, user: TestUser | null, payload: Record<string, unknown>) =>
    post(`/api/v1/procedures/${id}/responses`, payload, user);
  const problemOf = (res: { body: string }) => parseProblem(res.body);
  const fieldsOf = (res: { body: string }) => problemOf(res).errors?.map((e) => [e.path, e.code]);

  /** A focal point of a new member. */
  const focalPoint = async (): Promise<Focal> => (await buildUser(ctx, { role: 'focal_point' })) as Focal;

  /** A silence (or endorsement) procedure on a new draft circulated to the members of new focal points. */
  async function circulated(
    options: { kind?: 'silence' | 'endorsement'; focal?: number; deadline?: string } = {},
  ): Promise<{ procedure: Procedure; focal: Focal[] }> {
    const focal: Focal[] = [];
    for (let i = 0; i < (options.focal ?? 2); i++) focal.push(await focalPoint());
    const procedure = await buildProcedure(ctx, {
      kind: options.kind ?? 'silence',
      deadline: options.deadline ?? DEADLINE,
      members: focal.map((f) => f.memberCode),
    });
    return { procedure, focal };
  }

  /** Audit events of an entity with this action. */
  const auditOf = (entityId: string, action: string) =>
    ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));

  /** A user's notifications of a kind about a procedure. */
  const noticesOf = async (userId: string, kind: string, procedureId: string) =>
    (await ctx.database.db.select().from(notifications).where(eq(notifications.userId, userId))).filter(
      (n) => n.kind === kind && n.params.procedureId === procedureId,
    );

  const outboxOf = async (notificationIds: string[]) =>
    (await ctx.database.db.select().from(outbox)).filter((m) => notificationIds.includes(m.notificationId ?? ''));

  describe('POST /statements/{id}/procedures', () => {
    const url = (id: string) => `/api/v1/statements/${id}/procedures`;

    it('circulates a draft: 201 open with its members, the statement in procedure, audited, each focal point told', async () => {
      const focal = await focalPoint();
      const statement = await buildStatement(ctx, { text: 'One.\n\nTwo.' });
      const res = await post(
        url(statement.id),
        { kind: 'silence', textVersion: 1, deadline: '2030-01-13T17:00:00+01:00', members: [focal.memberCode] },
        secretariat,
      );
      expect(res.statusCode, res.body).toBe(201);
      const procedure: Procedure = res.json();
      expect(res.headers.location).toBe(`/api/v1/procedures/${procedure.id}`);
      expect(procedure).toMatchObject({
        statementId: statement.id,
        kind: 'silence',
        status: 'open',
        textVersion: 1,
        deadline: '2030-01-13T16:00:00.000Z',
        timeZone: 'UTC',
        openedAt: T0,
        endedAt: null,
        statementTitle: statement.title,
      });
      expect(procedure.members).toEqual([
        { member: expect.objectContaining({ code: focal.memberCode }), response: null, history: [] },
      ]);
      const after = (await get(`/api/v1/statements/${statement.id}`)).json();
      expect(after).toMatchObject({ status: 'in_procedure', version: statement.version + 1 });

      const [opened, ...more] = await auditOf(procedure.id, 'procedure.opened');
      expect(more).toEqual([]);
      expect(opened).toMatchObject({
        actorId: secretariat.id,
        entityType: 'procedure',
        after: expect.objectContaining({ status: 'open', members: [focal.memberCode], textVersion: 1 }),
      });
      const told = await noticesOf(focal.id, 'procedure_circulated', procedure.id);
      expect(told).toHaveLength(1);
      expect(told[0].params).toMatchObject({ memberCode: focal.memberCode, procedureKind: 'silence' });
      expect(await outboxOf(told.map((n) => n.id))).toEqual([expect.objectContaining({ recipient: focal.email })]);
    });

    it('accepts any deadline after now, even a minute away; the zone defaults to the meeting’s', async () => {
      const meeting = await buildMeeting(ctx, { timeZone: 'Asia/Baghdad' });
      const statement = await buildStatement(ctx, { text: 'One.', meetingId: meeting.id });
      const member = await buildMember(ctx);
      const res = await post(
        url(statement.id),
        { kind: 'endorsement', textVersion: 1, deadline: at(60_000), members: [member.code] },
        secretariat,
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ timeZone: 'Asia/Baghdad', deadline: at(60_000) });
    });

    it('circulates to every current member by default, not to former ones', async () => {
      const current = await buildMember(ctx);
      const former = await buildMember(ctx, { status: 'former' });
      const statement = await buildStatement(ctx, { text: 'One.' });
      const res = await post(url(statement.id), { kind: 'silence', textVersion: 1, deadline: DEADLINE }, secretariat);
      expect(res.statusCode, res.body).toBe(201);
      const codes = (res.json() as Procedure).members.map((m) => m.member.code);
      expect(codes).toContain(current.code);
      expect(codes).not.toContain(former.code);
    });

    it('answers 401 signed out, 400 with the fields, 404 for what is hidden, 403 for others, changing nothing', async () => {
      const member = await buildMember(ctx);
      const statement = await buildStatement(ctx, { text: 'One.' });
      const good = { kind: 'silence', textVersion: 1, deadline: DEADLINE, members: [member.code] };
      const outsider = await focalPoint();
      const before = await databaseSnapshot(ctx.database);

      expect((await post(url(statement.id), good, null)).statusCode).toBe(401);

      const bad = await post(url(statement.id), { ...good, kind: 'vote', deadline: 'tomorrow' }, secretariat);
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(
        expect.arrayContaining([
          ['kind', 'invalid_value'],
          ['deadline', 'invalid_format'],
        ]),
      );
      const refused = await post(
        url(statement.id),
        { ...good, textVersion: 7, deadline: at(-1000), members: [member.code, 'ZZZ9'] },
        secretariat,
      );
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).errors).toEqual([
        expect.objectContaining({ path: 'textVersion', code: 'unknown_text_version', params: { number: 7 } }),
        expect.objectContaining({ path: 'deadline', code: 'deadline_not_future' }),
        expect.objectContaining({ path: 'members.1', code: 'unknown_member', params: { code: 'ZZZ9' } }),
      ]);
      // The deadline is compared with the database's clock: "now" itself is not after now.
      const now = await post(url(statement.id), { ...good, deadline: T0 }, secretariat);
      expect(fieldsOf(now)).toEqual([['deadline', 'deadline_not_future']]);

      expect((await post(url('00000000-0000-4000-8000-000000000000'), good, secretariat)).statusCode).toBe(404);
      // A draft is the secretariat's until circulated: hidden from observers and focal points.
      expect((await post(url(statement.id), good, observer)).statusCode).toBe(404);
      expect((await post(url(statement.id), good, outsider)).statusCode).toBe(404);
      expect(await databaseSnapshot(ctx.database)).toEqual(before);
    });

    it('refuses a statement not in draft (409), a version circulated before (409), and a member a restricted one does not list (400)', async () => {
      const { procedure, focal } = await circulated();
      const again = await post(
        url(procedure.statementId),
        { kind: 'silence', textVersion: 1, deadline: DEADLINE, members: [focal[0].memberCode] },
        secretariat,
      );
      expect(again.statusCode).toBe(409);
      expect(problemOf(again)).toMatchObject({ reason: 'statement_not_draft', params: { status: 'in_procedure' } });

      // Broken: a draft again, but version 1 was circulated; a new round circulates a new version.
      const broken = await respond(procedure.id, focal[0], {
        memberCode: focal[0].memberCode,
        response: 'break',
        reason: 'No.',
      });
      expect(broken.statusCode, broken.body).toBe(201);
      const same = await post(
        url(procedure.statementId),
        { kind: 'silence', textVersion: 1, deadline: DEADLINE, members: [focal[0].memberCode] },
        secretariat,
      );
      expect(same.statusCode).toBe(409);
      expect(problemOf(same)).toMatchObject({ reason: 'version_circulated' });
      // The focal point of a member circulated before sees the draft, but only the secretariat circulates.
      const mine = await post(
        url(procedure.statementId),
        { kind: 'silence', textVersion: 2, deadline: DEADLINE, members: [focal[0].memberCode] },
        focal[0],
      );
      expect(mine.statusCode).toBe(403);
      await buildTextVersion(ctx, procedure.statementId);
      const next = await post(
        url(procedure.statementId),
        { kind: 'silence', textVersion: 2, deadline: DEADLINE, members: [focal[0].memberCode] },
        secretariat,
      );
      expect(next.statusCode, next.body).toBe(201);

      const listed = await buildMember(ctx);
      const other = await buildMember(ctx);
      const restricted = await buildStatement(ctx, {
        text: 'One.',
        visibility: 'restricted',
        restrictedTo: [listed.code],
      });
      const res = await post(
        url(restricted.id),
        { kind: 'silence', textVersion: 1, deadline: DEADLINE, members: [listed.code, other.code] },
        secretariat,
      );
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).errors).toEqual([
        expect.objectContaining({ path: 'members.1', code: 'member_not_listed', params: { code: other.code } }),
      ]);
      // By default, a restricted statement goes to the members it lists.
      const byDefault = await post(
        url(restricted.id),
        { kind: 'silence', textVersion: 1, deadline: DEADLINE },
        secretariat,
      );
      expect(byDefault.statusCode, byDefault.body).toBe(201);
      expect((byDefault.json() as Procedure).members.map((m) => m.member.code)).toEqual([listed.code]);
    });
  });

  describe('GET /procedures, /procedures/{id}, /procedures/to-act', () => {
    it('shows a procedure to the secretariat and to circulated focal points only', async () => {
      const { procedure, focal } = await circulated();
      const outsider = await focalPoint();
      expect((await get(`/api/v1/procedures/${procedure.id}`)).statusCode).toBe(200);
      const seen = await get(`/api/v1/procedures/${procedure.id}`, focal[1]);
      expect(seen.statusCode).toBe(200);
      expect((seen.json() as Procedure).members.map((m) => m.member.code).sort()).toEqual(
        focal.map((f) => f.memberCode).sort(),
      );
      for (const user of [null, observer, outsider]) {
        const res = await get(`/api/v1/procedures/${procedure.id}`, user);
        expect(res.statusCode).toBe(404);
        expect(problemOf(res).code).toBe('not_found');
      }
      expect((await get('/api/v1/procedures/not-a-uuid')).statusCode).toBe(400);

      const list = (user: TestUser | null) =>
        get(`/api/v1/procedures?statementId=${procedure.statementId}`, user).then((r) => r.json().items);
      expect(await list(secretariat)).toEqual([expect.objectContaining({ id: procedure.id, status: 'open' })]);
      expect(await list(focal[0])).toHaveLength(1);
      expect(await list(outsider)).toEqual([]);
      expect(await list(null)).toEqual([]);
      expect((await get('/api/v1/procedures?status=done')).statusCode).toBe(400);
    });

    it("lists a focal point's open procedures, soonest deadline first, with their member's latest response", async () => {
      const focal = await focalPoint();
      const later = await buildProcedure(ctx, {
        deadline: at(96 * HOUR),
        members: [focal.memberCode],
        kind: 'endorsement',
      });
      const sooner = await buildProcedure(ctx, { deadline: at(30 * HOUR), members: [focal.memberCode] });
      await respond(later.id, focal, { memberCode: focal.memberCode, response: 'endorse' });
      const res = await get('/api/v1/procedures/to-act', focal);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([
        expect.objectContaining({ id: sooner.id, memberCode: focal.memberCode, response: null }),
        expect.objectContaining({
          id: later.id,
          memberCode: focal.memberCode,
          response: expect.objectContaining({ response: 'endorse' }),
        }),
      ]);
      const all = (await get('/api/v1/procedures/to-act', secretariat)).json().items.map((i: { id: string }) => i.id);
      expect(all).toEqual(expect.arrayContaining([sooner.id, later.id]));
      expect((await get('/api/v1/procedures/to-act', observer)).json()).toEqual({ items: [] });
      expect((await get('/api/v1/procedures/to-act', null)).statusCode).toBe(401);
    });
  });

  describe('POST /procedures/{id}/responses', () => {
    it('breaks silence: 201 broken at once, the statement a draft again, audited, the secretariat told', async () => {
      const { procedure, focal } = await circulated();
      clock.set(at(HOUR));
      const res = await respond(procedure.id, focal[0], {
        memberCode: focal[0].memberCode,
        response: 'break',
        reason: 'Paragraph 2 goes too far.',
        paragraph: 2,
        proposedText: 'They agree to meet again.',
      });
      expect(res.statusCode, res.body).toBe(201);
      const broken: Procedure = res.json();
      expect(broken).toMatchObject({ status: 'broken', endedAt: at(HOUR), version: procedure.version + 1 });
      const mine = broken.members.find((m) => m.member.code === focal[0].memberCode);
      expect(mine?.response).toMatchObject({ response: 'break', paragraph: 2, reason: 'Paragraph 2 goes too far.' });
      expect(mine?.response?.byName).toBeTruthy();
      expect((await get(`/api/v1/statements/${procedure.statementId}`)).json().status).toBe('draft');

      expect(await auditOf(procedure.id, 'procedure.response')).toEqual([
        expect.objectContaining({
          actorId: focal[0].id,
          after: expect.objectContaining({ memberCode: focal[0].memberCode, response: 'break', paragraph: 2 }),
        }),
      ]);
      expect(await auditOf(procedure.id, 'procedure.broken')).toEqual([
        expect.objectContaining({ actorId: focal[0].id, after: expect.objectContaining({ status: 'broken' }) }),
      ]);
      const told = await noticesOf(secretariat.id, 'procedure_broken', procedure.id);
      expect(told.map((n) => n.params.memberCode)).toEqual([focal[0].memberCode]);
      expect(await outboxOf(told.map((n) => n.id))).toEqual([
        expect.objectContaining({ recipient: secretariat.email }),
      ]);

      // Ended: nobody responds any more.
      const late = await respond(procedure.id, focal[1], {
        memberCode: focal[1].memberCode,
        response: 'break',
        reason: 'Too.',
      });
      expect(late.statusCode).toBe(409);
      expect(problemOf(late)).toMatchObject({ reason: 'procedure_ended', params: { status: 'broken' } });
    });

    it('answers 401, 400 with the fields, 404 when hidden or not circulated, 403 for anyone but the member’s focal point, changing nothing', async () => {
      const { procedure, focal } = await circulated();
      const url = `/api/v1/procedures/${procedure.id}/responses`;
      const mine = { memberCode: focal[0].memberCode };
      const outsider = await focalPoint();
      const before = await databaseSnapshot(ctx.database);

      expect((await post(url, { ...mine, response: 'break', reason: 'x' }, null)).statusCode).toBe(401);
      expect(fieldsOf(await post(url, { ...mine, response: 'object' }, focal[0]))).toEqual([
        ['response', 'invalid_value'],
      ]);
      const checks: [Record<string, unknown>, [string, string][]][] = [
        [{ response: 'break' }, [['reason', 'required']]],
        [{ response: 'endorse' }, [['response', 'response_not_of_kind']]],
        [{ response: 'break', reason: 'x', proposedText: 'Better.' }, [['paragraph', 'paragraph_required']]],
        [{ response: 'break', reason: 'x', paragraph: 3 }, [['paragraph', 'unknown_paragraph']]],
      ];
      for (const [body, fields] of checks) {
        const res = await post(url, { ...mine, ...body }, focal[0]);
        expect({ body, status: res.statusCode, fields: fieldsOf(res) }).toEqual({ body, status: 400, fields });
      }
      const paragraph = await post(url, { ...mine, response: 'break', reason: 'x', paragraph: 3 }, focal[0]);
      expect(problemOf(paragraph).errors?.[0].params).toEqual({ count: 2 });
      expect(fieldsOf(await post(url, { memberCode: 'ZZZ9', response: 'break', reason: 'x' }, focal[0]))).toEqual([
        ['memberCode', 'unknown_member'],
      ]);

      const breakFor = (memberCode: string) => ({ memberCode, response: 'break', reason: 'x' });
      expect((await post(url, breakFor(outsider.memberCode), outsider)).statusCode).toBe(404);
      expect((await post(url, breakFor(focal[0].memberCode), observer)).statusCode).toBe(404);
      expect((await post(url, breakFor(focal[1].memberCode), focal[0])).statusCode).toBe(403);
      expect((await post(url, breakFor(focal[0].memberCode), secretariat)).statusCode).toBe(403);
      expect(
        (
          await post(
            '/api/v1/procedures/00000000-0000-4000-8000-000000000000/responses',
            breakFor(focal[0].memberCode),
            focal[0],
          )
        ).statusCode,
      ).toBe(404);
      expect(await databaseSnapshot(ctx.database)).toEqual(before);
    });

    it('answers 404 for a member the procedure was not circulated to, though it saw an earlier round', async () => {
      const { procedure, focal } = await circulated();
      await respond(procedure.id, focal[1], { memberCode: focal[1].memberCode, response: 'break', reason: 'No.' });
      await buildTextVersion(ctx, procedure.statementId);
      const second = await buildProcedure(ctx, {
        statement: procedure.statementId,
        textVersion: 2,
        deadline: DEADLINE,
        members: [focal[0].memberCode],
      });
      const res = await respond(second.id, focal[1], {
        memberCode: focal[1].memberCode,
        response: 'break',
        reason: 'Still no.',
      });
      expect(res.statusCode).toBe(404);
      expect((await get(`/api/v1/procedures/${second.id}`, focal[1])).statusCode).toBe(200);
    });

    it('keeps every endorsement; the latest counts; a reader who had the procedure gets it afresh', async () => {
      const { procedure, focal } = await circulated({ kind: 'endorsement' });
      const seen = await get(`/api/v1/procedures/${procedure.id}`);
      const endorse = (reason: string) =>
        respond(procedure.id, focal[0], { memberCode: focal[0].memberCode, response: 'endorse', reason });
      expect((await endorse('Gladly.')).statusCode).toBe(201);
      clock.set(at(HOUR));
      const res = await endorse('Still.');
      expect(res.statusCode).toBe(201);
      const mine = (res.json() as Procedure).members.find((m) => m.member.code === focal[0].memberCode);
      expect(mine?.history.map((h) => h.reason)).toEqual(['Gladly.', 'Still.']);
      expect(mine?.response?.reason).toBe('Still.');
      expect(await auditOf(procedure.id, 'procedure.response')).toHaveLength(2);
      expect(res.json()).toMatchObject({ status: 'open', version: procedure.version });
      const again = await ctx.app.inject({
        url: `/api/v1/procedures/${procedure.id}`,
        headers: { cookie: secretariat.cookie, 'if-none-match': seen.headers.etag as string },
      });
      expect(again.statusCode).toBe(200);
    });
  });

  describe('the deadline, by the database clock', () => {
    it('adopts a silence at its deadline on the next read, once: the decision numbered, the silent members listed', async () => {
      const { procedure, focal } = await circulated({ deadline: '2030-01-12T23:30:00Z' });
      clock.set('2030-01-12T23:30:01Z');
      // No sweeper: the read itself applies it.
      const res = await get(`/api/v1/procedures/${procedure.id}`, focal[0]);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'adopted', endedAt: '2030-01-12T23:30:00.000Z' });

      const statement = (await get(`/api/v1/statements/${procedure.statementId}`)).json();
      expect(statement).toMatchObject({ status: 'adopted', adoptedOn: '2030-01-12' });
      expect(statement.adoption).toMatchObject({
        method: 'silence',
        textVersion: 1,
        adoptedAt: '2030-01-12T23:30:00.000Z',
        procedureId: procedure.id,
      });
      expect(statement.adoption.members.map((m: { code: string }) => m.code).sort()).toEqual(
        focal.map((f) => f.memberCode).sort(),
      );
      expect(statement.decisionNumber).toMatch(/^2030\/\d+$/);

      // More reads, and a sweep, apply nothing more.
      await get(`/api/v1/procedures/${procedure.id}`);
      await get('/api/v1/procedures');
      await get('/api/v1/procedures/to-act', focal[1]);
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await auditOf(procedure.id, 'procedure.adopted')).toEqual([
        expect.objectContaining({
          actorId: null,
          after: expect.objectContaining({ status: 'adopted', decisionNumber: statement.decisionNumber }),
        }),
      ]);
      const made = await ctx.database.db.select().from(decisions).where(eq(decisions.procedureId, procedure.id));
      expect(made).toHaveLength(1);
      expect(await auditOf(made[0].id, 'decision.created')).toHaveLength(1);
      const told = await noticesOf(secretariat.id, 'procedure_adopted', procedure.id);
      expect(told.map((n) => n.params.decisionNumber)).toEqual([statement.decisionNumber]);
      expect(await outboxOf(told.map((n) => n.id))).toHaveLength(1);
    });

    it('shows the public the adopted statement on its first read after the deadline, then from the cache', async () => {
      const { procedure } = await circulated();
      const page = `/api/v1/statements/${procedure.statementId}`;
      expect((await get(page, null)).statusCode).toBe(404);
      clock.set(DEADLINE);
      const first = await get(page, null);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        status: 'adopted',
        adoption: { method: 'silence', procedureId: procedure.id },
      });
      const again = await get(page, null);
      expect(again.json()).toEqual(first.json());
      expect(await auditOf(procedure.id, 'procedure.adopted')).toHaveLength(1);
    });

    it('dates the decision in the procedure’s zone', async () => {
      const focal = await focalPoint();
      const procedure = await buildProcedure(ctx, {
        deadline: '2030-01-12T23:30:00Z',
        timeZone: 'Europe/Brussels',
        members: [focal.memberCode],
      });
      clock.set('2030-01-13T00:00:00Z');
      const statement = (await get(`/api/v1/statements/${procedure.statementId}`)).json();
      expect(statement).toMatchObject({ status: 'adopted', adoptedOn: '2030-01-13' });
    });

    it('refuses a break after the deadline with 409, changing nothing, though no read has applied it yet', async () => {
      const { procedure, focal } = await circulated();
      clock.set(DEADLINE);
      // A session's use is noted at most once a minute: noted now, before the snapshot.
      await get('/api/v1/auth/me', focal[0]);
      const before = await databaseSnapshot(ctx.database);
      const res = await respond(procedure.id, focal[0], {
        memberCode: focal[0].memberCode,
        response: 'break',
        reason: 'Late.',
      });
      expect(res.statusCode).toBe(409);
      expect(problemOf(res)).toMatchObject({ reason: 'procedure_ended', params: { status: 'adopted' } });
      expect(await databaseSnapshot(ctx.database)).toEqual(before);
      expect((await get(`/api/v1/procedures/${procedure.id}`)).json().status).toBe('adopted');
    });

    it('accepts a break in the deadline’s last instant; a sweep at the deadline then finds nothing to adopt', async () => {
      const { procedure, focal } = await circulated();
      clock.set(at(72 * HOUR - 1));
      const res = await respond(procedure.id, focal[0], {
        memberCode: focal[0].memberCode,
        response: 'break',
        reason: 'Just in time.',
      });
      expect(res.statusCode).toBe(201);
      clock.set(DEADLINE);
      await ctx.app.procedureSweeper.sweepOnce();
      expect((await get(`/api/v1/procedures/${procedure.id}`)).json().status).toBe('broken');
      expect(await auditOf(procedure.id, 'procedure.adopted')).toEqual([]);
    });

    it('closes an endorsement at its deadline: adopted with the endorsing members, or a draft again when none endorsed', async () => {
      const { procedure, focal } = await circulated({ kind: 'endorsement' });
      const none = await circulated({ kind: 'endorsement' });
      await respond(procedure.id, focal[1], { memberCode: focal[1].memberCode, response: 'endorse' });
      clock.set(at(80 * HOUR));
      expect((await get(`/api/v1/procedures/${procedure.id}`)).json()).toMatchObject({
        status: 'closed',
        endedAt: DEADLINE,
      });
      const adopted = (await get(`/api/v1/statements/${procedure.statementId}`)).json();
      expect(adopted.adoption).toMatchObject({ method: 'endorsement' });
      expect(adopted.adoption.members.map((m: { code: string }) => m.code)).toEqual([focal[1].memberCode]);
      expect(await auditOf(procedure.id, 'procedure.closed')).toHaveLength(1);

      expect((await get(`/api/v1/procedures/${none.procedure.id}`)).json().status).toBe('closed');
      expect((await get(`/api/v1/statements/${none.procedure.statementId}`)).json()).toMatchObject({
        status: 'draft',
        adoption: null,
      });
      expect(
        await ctx.database.db.select().from(decisions).where(eq(decisions.procedureId, none.procedure.id)),
      ).toEqual([]);
      expect(await auditOf(none.procedure.id, 'procedure.closed')).toEqual([
        expect.objectContaining({ after: expect.objectContaining({ decisionNumber: null, endorsingMembers: 0 }) }),
      ]);
    });

    if (engine === 'postgresql') {
      it('lets a break whose transaction holds the row before the deadline win over a sweep and a read after it', async () => {
        const { procedure, focal } = await circulated();
        // A third transaction holds the statement's row: the break takes the procedure's row, then waits on it.
        const client = new pg.Client({ connectionString: ctx.testDb.url as string });
        await client.connect();
        try {
          await client.query('begin');
          await client.query('select id from statements where id = $1 for update', [procedure.statementId]);
          clock.set(at(72 * HOUR - 1000));
          const breaking = respond(procedure.id, focal[0], {
            memberCode: focal[0].memberCode,
            response: 'break',
            reason: 'In time.',
          });
          await waitForLockWaiters(client, 1);
          // Now past the deadline: a sweep passes over the held row; a read waits for it.
          clock.set(at(72 * HOUR + 1000));
          expect(await ctx.app.procedureSweeper.sweepOnce()).toMatchObject({ settled: 0 });
          const reading = get(`/api/v1/procedures/${procedure.id}`);
          await waitForLockWaiters(client, 2);
          await client.query('commit');
          expect((await breaking).statusCode).toBe(201);
          expect((await reading).json().status).toBe('broken');
        } finally {
          await client.end();
        }
        await ctx.app.procedureSweeper.sweepOnce();
        expect((await get(`/api/v1/statements/${procedure.statementId}`)).json().status).toBe('draft');
        expect(await auditOf(procedure.id, 'procedure.adopted')).toEqual([]);
        expect(await auditOf(procedure.id, 'procedure.broken')).toHaveLength(1);
      });
    }
  });

  describe('POST /procedures/{id}/extend and /withdraw', () => {
    const extend = (id: string, user: TestUser | null, version: number | null, payload: unknown) =>
      post(`/api/v1/procedures/${id}/extend`, payload, user, version === null ? {} : { 'if-match': `"${version}"` });
    const withdraw = (id: string, user: TestUser | null, version: number | null, payload: unknown) =>
      post(`/api/v1/procedures/${id}/withdraw`, payload, user, version === null ? {} : { 'if-match': `"${version}"` });

    it('extends an open procedure before its deadline (If-Match), audited with its reason', async () => {
      const { procedure, focal } = await circulated();
      const later = at(96 * HOUR);
      const before = await databaseSnapshot(ctx.database);
      expect((await extend(procedure.id, null, 1, { deadline: later, reason: 'x' })).statusCode).toBe(401);
      expect((await extend(procedure.id, secretariat, null, { deadline: later, reason: 'x' })).statusCode).toBe(428);
      expect(fieldsOf(await extend(procedure.id, secretariat, 1, { deadline: later, reason: '' }))).toEqual([
        ['reason', 'required'],
      ]);
      const sooner = await extend(procedure.id, secretariat, 1, { deadline: at(48 * HOUR), reason: 'x' });
      expect(problemOf(sooner).errors).toEqual([
        expect.objectContaining({ path: 'deadline', code: 'deadline_not_later', params: { deadline: DEADLINE } }),
      ]);
      expect((await extend(procedure.id, observer, 1, { deadline: later, reason: 'x' })).statusCode).toBe(404);
      expect((await extend(procedure.id, focal[0], 1, { deadline: later, reason: 'x' })).statusCode).toBe(403);
      const stale = await extend(procedure.id, secretariat, 7, { deadline: later, reason: 'x' });
      expect(problemOf(stale).code).toBe('version_mismatch');
      expect(await databaseSnapshot(ctx.database)).toEqual(before);

      const res = await extend(procedure.id, secretariat, 1, { deadline: later, reason: 'Capitals need a weekend.' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'open',
        deadline: later,
        reason: 'Capitals need a weekend.',
        version: 2,
      });
      expect(await auditOf(procedure.id, 'procedure.extended')).toEqual([
        expect.objectContaining({
          actorId: secretariat.id,
          before: expect.objectContaining({ deadline: DEADLINE }),
          after: expect.objectContaining({ deadline: later, reason: 'Capitals need a weekend.' }),
        }),
      ]);
      // The old deadline passes: still open.
      clock.set(at(80 * HOUR));
      expect((await get(`/api/v1/procedures/${procedure.id}`)).json().status).toBe('open');
    });

    it('withdraws an open procedure before its deadline: the statement a draft again; then 409', async () => {
      const { procedure } = await circulated();
      expect((await withdraw(procedure.id, null, 1, { reason: 'x' })).statusCode).toBe(401);
      expect((await withdraw(procedure.id, secretariat, null, { reason: 'x' })).statusCode).toBe(428);
      clock.set(at(HOUR));
      const res = await withdraw(procedure.id, secretariat, 1, { reason: 'Overtaken by events.' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'withdrawn', endedAt: at(HOUR), reason: 'Overtaken by events.' });
      expect((await get(`/api/v1/statements/${procedure.statementId}`)).json().status).toBe('draft');
      expect(await auditOf(procedure.id, 'procedure.withdrawn')).toEqual([
        expect.objectContaining({ actorId: secretariat.id, after: expect.objectContaining({ status: 'withdrawn' }) }),
      ]);
      const again = await withdraw(procedure.id, secretariat, 2, { reason: 'Twice.' });
      expect(again.statusCode).toBe(409);
      expect(problemOf(again)).toMatchObject({ reason: 'procedure_ended', params: { status: 'withdrawn' } });
    });

    it('refuses to extend or withdraw once the deadline has passed, changing nothing', async () => {
      const { procedure } = await circulated();
      clock.set(DEADLINE);
      await get('/api/v1/auth/me', secretariat);
      const before = await databaseSnapshot(ctx.database);
      for (const res of [
        await extend(procedure.id, secretariat, 1, { deadline: at(200 * HOUR), reason: 'Too late.' }),
        await withdraw(procedure.id, secretariat, 1, { reason: 'Too late.' }),
      ]) {
        expect(res.statusCode).toBe(409);
        expect(problemOf(res)).toMatchObject({ reason: 'procedure_ended', params: { status: 'adopted' } });
      }
      expect(await databaseSnapshot(ctx.database)).toEqual(before);
    });
  });

  describe('reminders', () => {
    const remindersOf = async (user: TestUser, procedureId: string) =>
      (await noticesOf(user.id, 'procedure_reminder', procedureId)).map((n) => n.params.hoursLeft);

    it('reminds the members that have not acted 48 h and 6 h before the deadline, once each', async () => {
      const { procedure, focal } = await circulated({ kind: 'endorsement', deadline: at(120 * HOUR) });
      await respond(procedure.id, focal[1], { memberCode: focal[1].memberCode, response: 'endorse' });
      clock.set(at(71 * HOUR));
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await remindersOf(focal[0], procedure.id)).toEqual([]);
      clock.set(at(73 * HOUR));
      await ctx.app.procedureSweeper.sweepOnce();
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await remindersOf(focal[0], procedure.id)).toEqual([48]);
      clock.set(at(115 * HOUR));
      await ctx.app.procedureSweeper.sweepOnce();
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await remindersOf(focal[0], procedure.id)).toEqual([48, 6]);
      // The member that endorsed is not reminded.
      expect(await remindersOf(focal[1], procedure.id)).toEqual([]);
      const told = await noticesOf(focal[0].id, 'procedure_reminder', procedure.id);
      expect(await outboxOf(told.map((n) => n.id))).toHaveLength(2);
    });

    it('sends no 48-hour reminder for a procedure opened less than 48 hours before its deadline, and one reminder when the sweeper comes late', async () => {
      const short = await circulated({ deadline: at(30 * HOUR), focal: 1 });
      const late = await circulated({ deadline: at(100 * HOUR), focal: 1 });
      clock.set(at(25 * HOUR));
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await remindersOf(short.focal[0], short.procedure.id)).toEqual([6]);
      // The sweeper did not run between 52 h and 94 h: one reminder, the 6-hour one.
      clock.set(at(95 * HOUR));
      await ctx.app.procedureSweeper.sweepOnce();
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await remindersOf(late.focal[0], late.procedure.id)).toEqual([6]);
    });

    it('re-arms the reminders when the deadline is extended far enough', async () => {
      const { procedure, focal } = await circulated({ deadline: at(100 * HOUR), focal: 1 });
      clock.set(at(53 * HOUR));
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await remindersOf(focal[0], procedure.id)).toEqual([48]);
      const res = await post(
        `/api/v1/procedures/${procedure.id}/extend`,
        { deadline: at(200 * HOUR), reason: 'More time.' },
        secretariat,
        { 'if-match': '"1"' },
      );
      expect(res.statusCode, res.body).toBe(200);
      clock.set(at(153 * HOUR));
      await ctx.app.procedureSweeper.sweepOnce();
      expect(await remindersOf(focal[0], procedure.id)).toEqual([48, 48]);
    });
  });

  /** Waits until `count` backends of this database wait for a lock. */
  async function waitForLockWaiters(client: pg.Client, count: number): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      if (rows[0].n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no ${count} transaction(s) waiting for a lock`);
  }
});
