import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, MemberStatementList, Statement, StatementList } from '../../../shared/statements.js';
import { fixedClock } from '../../lib/clock.js';
import {
  buildAdoptedStatement,
  buildMeeting,
  buildProcedure,
  buildStatement,
  buildTextVersion,
  buildUser,
  type TestUser,
} from '../../test/factories.js';
import { createTestApp, engines, parseProblem, type TestContext } from '../../test/harness.js';
import { standingOf } from './member-record.js';

const T0 = '2030-01-10T09:00:00.000Z';
const DEADLINE = '2030-01-13T09:00:00.000Z';
const AFTER = '2030-01-14T09:00:00.000Z';

type Focal = TestUser & { memberCode: string };

describe('standingOf', () => {
  it.each([
    ['silence', { recorded: true, broke: false }, 'kept_silence'],
    ['endorsement', { recorded: true, broke: false }, 'endorsed'],
    ['meeting_consensus', { recorded: true, broke: false }, 'endorsed'],
    ['silence', { recorded: false, broke: true }, 'broke_silence'],
    ['meeting_consensus', { recorded: false, broke: true }, 'broke_silence'],
    ['endorsement', { recorded: false, broke: false }, 'not_endorsed'],
  ] as const)('%s, %o: %s', (method, mark, standing) => {
    expect(standingOf(method, mark)).toBe(standing);
  });
});

describe.each(engines)("a member's adopted statements on %s", (engine) => {
  let ctx: TestContext;
  const clock = fixedClock(T0);
  let a: Focal;
  let b: Focal;
  let c: Focal;
  let observer: TestUser;
  const leak = `Leak-${randomUUID()}`;
  const ids = { silence: '', endorsement: '', coalition: '', open: '' };

  beforeAll(async () => {
    ctx = await createTestApp(engine, {
      seed: false,
      clock,
      session: { idleMinutes: 60 * 24 * 30, absoluteHours: 24 * 90 },
    });
    const focal = async () => (await buildUser(ctx, { role: 'focal_point' })) as Focal;
    [a, b, c] = [await focal(), await focal(), await focal()];
    observer = await buildUser(ctx, { role: 'observer' });
    const respond = async (procedureId: string, who: Focal, response: 'break' | 'endorse') => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/procedures/${procedureId}/responses`,
        headers: { cookie: who.cookie },
        payload: { memberCode: who.memberCode, response, ...(response === 'break' ? { reason: 'No.' } : {}) },
      });
      expect(res.statusCode, res.body).toBe(201);
    };

    // B breaks the first silence; the second round goes to A alone and is kept.
    const first = await buildProcedure(ctx, { deadline: DEADLINE, members: [a.memberCode, b.memberCode] });
    ids.silence = first.statementId;
    await respond(first.id, b, 'break');
    const second = await buildTextVersion(ctx, first.statementId);
    await buildProcedure(ctx, {
      deadline: DEADLINE,
      statement: first.statementId,
      textVersion: second.number,
      members: [a.memberCode],
    });
    // An endorsement: A endorses, C lets it pass.
    const endorsement = await buildProcedure(ctx, {
      kind: 'endorsement',
      deadline: DEADLINE,
      members: [a.memberCode, c.memberCode],
    });
    ids.endorsement = endorsement.statementId;
    await respond(endorsement.id, a, 'endorse');
    // A coalition statement kept by A: never shown to the public.
    const coalition = await buildStatement(ctx, { visibility: 'coalition', title: leak });
    const kept = await buildProcedure(ctx, { deadline: DEADLINE, statement: coalition.id, members: [a.memberCode] });
    ids.coalition = kept.statementId;
    clock.set(AFTER);
    // Circulated after the others ended: still open, so in no list.
    const open = await buildStatement(ctx, { title: `Open ${leak}` });
    ids.open = (
      await buildProcedure(ctx, { deadline: '2030-02-01T09:00:00Z', statement: open.id, members: [a.memberCode] })
    ).statementId;
    // Many writes through the API: on a busy machine, more than the default minute.
  }, 180_000);
  afterAll(() => ctx?.close());

  const get = (url: string, user?: TestUser) => ctx.app.inject({ url, headers: user ? { cookie: user.cookie } : {} });
  const standings = async (code: string, user?: TestUser) => {
    const res = await get(`/api/v1/members/${code}/statements`, user);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as MemberStatementList;
    return { body: res.body, byId: new Map(body.items.map((i) => [i.statement.id, i.standing])) };
  };

  it('400 for a malformed code, 404 for one nobody has', async () => {
    const bad = await get('/api/v1/members/not%20a%20code/statements');
    expect(bad.statusCode).toBe(400);
    const missing = await get('/api/v1/members/ZZ9/statements');
    expect(missing.statusCode).toBe(404);
    expect(parseProblem(missing.body).status).toBe(404);
  });

  it('signed out: the public adopted statements circulated to the member, with where it stood; nothing else', async () => {
    const ofA = await standings(a.memberCode);
    expect(ofA.byId.get(ids.silence)).toBe('kept_silence');
    expect(ofA.byId.get(ids.endorsement)).toBe('endorsed');
    expect(ofA.byId.has(ids.coalition)).toBe(false);
    expect(ofA.byId.has(ids.open)).toBe(false);
    expect(ofA.body).not.toContain(leak);

    const ofB = await standings(b.memberCode);
    expect([...ofB.byId]).toEqual([[ids.silence, 'broke_silence']]);
    const ofC = await standings(c.memberCode);
    expect([...ofC.byId]).toEqual([[ids.endorsement, 'not_endorsed']]);
  });

  it('signed in: coalition statements too', async () => {
    const ofA = await standings(a.memberCode, observer);
    expect(ofA.byId.get(ids.coalition)).toBe('kept_silence');
    expect(ofA.byId.has(ids.open)).toBe(false);
  });

  it('a public statement adopted at a coalition meeting names no meeting to the public; signed in, it does', async () => {
    const meeting = await buildMeeting(ctx, {
      title: `Meeting ${leak}`,
      visibility: 'coalition',
      startDate: '2030-01-12',
    });
    const statement = await buildAdoptedStatement(ctx, { meetingId: meeting.id });
    const page = (await get(`/api/v1/statements/${statement.id}`)).json() as Statement;
    expect(page.meetingId).toBeNull();
    const list = (await get('/api/v1/statements?status=adopted')).json() as StatementList;
    expect(list.items.find((s) => s.id === statement.id)?.meetingId).toBeNull();
    const decisions = (await get('/api/v1/decisions')).json() as { items: Decision[] };
    expect(decisions.items.find((d) => d.statementId === statement.id)?.meetingId).toBeNull();
    const seen = (await get(`/api/v1/statements/${statement.id}`, observer)).json() as Statement;
    expect(seen.meetingId).toBe(meeting.id);
  });
});
