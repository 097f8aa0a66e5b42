import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineOfEffort, WorkingGroup } from '../../../shared/progress.js';
import { indicators } from '../../db/schema/progress.js';
import { fixedClock } from '../../lib/clock.js';
import { buildAdoptedStatement, buildMeeting, buildMember, buildStatement, buildUser } from '../../test/factories.js';
import {
  createTestApp,
  engines,
  parseProblem,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';
import { buildPledge, buildPledgeEvent } from '../../test/pledge-factories.js';
import { buildLineOfEffort, buildWorkingGroup } from '../../test/progress-factories.js';

/** A day of the demo's window: every co-lead office of the seed had begun but CIFG's and the Stabilization group's. */
const NOW = '2015-02-01T12:00:00Z';

describe.each(engines)('lines of effort and working groups on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let focalPoint: TestUser;

  const as = (user: { cookie: string } | null) => (user ? { cookie: user.cookie } : {});
  const get = (url: string, user: { cookie: string } | null = null) => ctx.app.inject({ url, headers: as(user) });
  const trailOf = async (id: string) =>
    (await get(`/api/v1/audit?entityId=${id}`, secretariat)).json().items as {
      action: string;
      before: { offices: unknown[] } | null;
      after: { offices: { memberId: string | null; toOn: string | null }[] } | null;
    }[];
  const addOffice = (key: string, version: number | null, payload: unknown, user: TestUser | null = secretariat) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/working-groups/${key}/offices`,
      headers: { ...as(user), ...(version === null ? {} : { 'if-match': `"${version}"` }) },
      payload: payload as object,
    });
  const endOffice = (
    key: string,
    id: string,
    version: number | null,
    payload: unknown,
    user: TestUser | null = secretariat,
  ) =>
    ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/working-groups/${key}/offices/${id}`,
      headers: { ...as(user), ...(version === null ? {} : { 'if-match': `"${version}"` }) },
      payload: payload as object,
    });

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock(NOW) });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    focalPoint = await buildUser(ctx, { role: 'focal_point' });
  });
  afterAll(() => ctx?.close());

  describe('GET /lines-of-effort', () => {
    it("lists the demo's five lines in order, each with the members co-leading it today", async () => {
      const res = await get('/api/v1/lines-of-effort');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as LineOfEffort[];
      const demo = items.filter((l) => l.key.startsWith('LOE') && l.number <= 5);
      expect(demo.map((l) => [l.number, l.key])).toEqual([
        [1, 'LOE1-military'],
        [2, 'LOE2-ftf'],
        [3, 'LOE3-finance'],
        [4, 'LOE4-humanitarian'],
        [5, 'LOE5-messaging'],
      ]);
      expect(demo[0].names).toMatchObject({ en: expect.any(String), fr: expect.any(String), ar: expect.any(String) });
      expect(demo[0].leads.map((m) => m.code).sort()).toEqual(['IRQ', 'USA']);
      // The Stabilization group formed on 18 March 2015: on 1 February 2015 nobody co-leads that line yet.
      expect(demo[3].leads).toEqual([]);
    });
  });

  describe('GET /lines-of-effort/:key', () => {
    it('answers 404 for an unknown line and 400 for a key of no such shape', async () => {
      const missing = await get('/api/v1/lines-of-effort/LOE9-nothing');
      expect(missing.statusCode).toBe(404);
      expect(parseProblem(missing.body).status).toBe(404);
      const bad = await get('/api/v1/lines-of-effort/a%20b');
      expect(bad.statusCode).toBe(400);
      expect(parseProblem(bad.body).errors?.[0]).toMatchObject({ in: 'params', path: 'key' });
    });

    it('gathers its working groups with who led when, and the indicators the caller may see', async () => {
      const line = await buildLineOfEffort(ctx);
      const [a, b] = [await buildMember(ctx), await buildMember(ctx)];
      const group = await buildWorkingGroup(ctx, {
        line: line.key,
        offices: [
          { memberCode: a.code, fromOn: '2014-12-03', toOn: '2014-12-31' },
          { memberCode: b.code, fromOn: '2015-01-01' },
          { memberCode: a.code, role: 'participant', fromOn: '2015-01-01' },
        ],
      });
      await ctx.database.db.insert(indicators).values([
        {
          key: `public-${line.key.toLowerCase()}`,
          names: { en: 'Public' },
          unit: 'strikes',
          lineOfEffortId: line.id,
          memberAggregation: 'sum',
          timeAggregation: 'flow',
          periodType: 'month',
          visibility: 'public',
        },
        {
          key: `coalition-${line.key.toLowerCase()}`,
          names: { en: 'Coalition' },
          unit: 'people',
          lineOfEffortId: line.id,
          memberAggregation: 'max',
          timeAggregation: 'stock',
          periodType: 'quarter',
          visibility: 'coalition',
          categories: [{ key: 'oil_sales', names: { en: 'Oil sales' } }],
        },
      ]);
      const res = await get(`/api/v1/lines-of-effort/${line.key}`);
      expect(res.statusCode).toBe(200);
      const page: LineOfEffort = res.json();
      expect(page).toMatchObject({ key: line.key, pledgeTotals: null, leads: [{ code: b.code }] });
      expect(page.workingGroups.map((g) => g.key)).toEqual([group.key]);
      expect(page.workingGroups[0].offices.map((o) => [o.member?.code, o.role, o.fromOn, o.toOn, o.current])).toEqual([
        [a.code, 'co_lead', '2014-12-03', '2014-12-31', false],
        [b.code, 'co_lead', '2015-01-01', null, true],
        [a.code, 'participant', '2015-01-01', null, true],
      ]);
      expect(page.indicators.map((i) => i.key)).toEqual([`public-${line.key.toLowerCase()}`]);
      const signedIn = (await get(`/api/v1/lines-of-effort/${line.key}`, observer)).json() as LineOfEffort;
      expect(signedIn.indicators.map((i) => i.visibility).sort()).toEqual(['coalition', 'public']);
      expect(signedIn.indicators.find((i) => i.visibility === 'coalition')).toMatchObject({
        memberAggregation: 'max',
        categories: [{ key: 'oil_sales' }],
        targets: [],
      });
    });

    it('shows the pledges to it in US dollars, committed and disbursed apart', async () => {
      const line = await buildLineOfEffort(ctx);
      const pledge = await buildPledge(ctx, {
        lineOfEffort: line.key,
        amountMinor: 500_000_000_00,
        currency: 'USD',
        valueDate: '2014-10-09',
      });
      await buildPledgeEvent(ctx, pledge, { status: 'committed', on: '2014-10-10' });
      await buildPledgeEvent(ctx, pledge, { status: 'disbursed', on: '2014-11-01', amountMinor: 125_000_000_00 });
      await buildPledge(ctx, {
        lineOfEffort: line.key,
        amountMinor: 25_500_000_00,
        currency: 'USD',
        valueDate: '2014-09-23',
      });
      const page: LineOfEffort = (await get(`/api/v1/lines-of-effort/${line.key}`)).json();
      expect(page.pledgeTotals).toEqual({
        pledgedUsd: 525_500_000,
        committedUsd: 500_000_000,
        disbursedUsd: 125_000_000,
      });
    });

    it('lists the meetings on it and their statements, each only for those who may see it', async () => {
      const line = await buildLineOfEffort(ctx);
      await buildWorkingGroup(ctx, { line: line.key });
      const member = await buildMember(ctx);
      const listed = await buildUser(ctx, { role: 'focal_point', member: member.code });
      const agenda = [{ title: 'Foreign fighters', lineOfEffort: line.key }, { title: 'Other business' }];
      const open = await buildMeeting(ctx, { agenda, startDate: '2015-01-22' });
      const coalition = await buildMeeting(ctx, { agenda, visibility: 'coalition', startDate: '2015-02-10' });
      const restricted = await buildMeeting(ctx, {
        agenda,
        visibility: 'restricted',
        restrictedTo: [member.code],
        startDate: '2015-03-01',
      });
      await buildMeeting(ctx, { agenda: [{ title: 'Elsewhere' }] });
      const adopted = await buildAdoptedStatement(ctx, { meetingId: open.id, visibility: 'public' });
      const draft = await buildStatement(ctx, { meetingId: open.id, visibility: 'public' });

      const seen = async (user: TestUser | null) => {
        const page = (await get(`/api/v1/lines-of-effort/${line.key}`, user)).json() as LineOfEffort;
        return { meetings: page.meetings.map((m) => m.id), statements: page.statements.map((s) => s.id), page };
      };
      const anonymous = await seen(null);
      expect(anonymous.meetings).toEqual([open.id]);
      expect(anonymous.page.meetings[0]).toMatchObject({ startsOn: '2015-01-22', agendaItems: ['Foreign fighters'] });
      expect(anonymous.statements).toEqual([adopted.id]);
      expect((await seen(observer)).meetings).toEqual([coalition.id, open.id]);
      expect((await seen(focalPoint)).meetings).toEqual([coalition.id, open.id]);
      expect((await seen(listed)).meetings).toEqual([restricted.id, coalition.id, open.id]);
      const secretariatView = await seen(secretariat);
      expect(secretariatView.meetings).toEqual([restricted.id, coalition.id, open.id]);
      expect(secretariatView.statements.sort()).toEqual([adopted.id, draft.id].sort());
    });
  });

  describe('GET /working-groups', () => {
    it('lists every group with its offices; ?on= says who held office that day', async () => {
      const all = (await get('/api/v1/working-groups')).json().items as WorkingGroup[];
      const stabilization = all.find((g) => g.lineOfEffort === 'LOE4-humanitarian');
      expect(stabilization?.formedOn).toBe('2015-03-18');
      expect(stabilization?.offices.every((o) => o.role === 'co_lead' && !o.current)).toBe(true);
      const later = (await get(`/api/v1/working-groups?on=2015-06-01`)).json().items as WorkingGroup[];
      const stabilizationLater = later.find((g) => g.id === stabilization?.id);
      expect(stabilizationLater?.offices.every((o) => o.current)).toBe(true);
      const smallGroup = all.find((g) => g.lineOfEffort === null);
      expect(smallGroup?.offices.some((o) => o.member === null && o.note)).toBe(true);
    });

    it('filters by line of effort: 400 for a line nobody has or a day of no such shape', async () => {
      const res = await get('/api/v1/working-groups?lineOfEffort=LOE2-ftf');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(2);
      const unknown = await get('/api/v1/working-groups?lineOfEffort=LOE9-nothing');
      expect(unknown.statusCode).toBe(400);
      expect(parseProblem(unknown.body).errors).toEqual([
        expect.objectContaining({ in: 'query', path: 'lineOfEffort', code: 'unknown_line_of_effort' }),
      ]);
      const badDay = await get('/api/v1/working-groups?on=2015-02-30');
      expect(badDay.statusCode).toBe(400);
      expect(parseProblem(badDay.body).errors?.[0]).toMatchObject({ path: 'on' });
    });

    it('gives one group by key, with ?on=; 404 for a key nobody has', async () => {
      const group = await buildWorkingGroup(ctx);
      const res = await get(`/api/v1/working-groups/${group.key}?on=2014-01-01`);
      expect(res.statusCode).toBe(200);
      expect(res.json().offices[0].current).toBe(false);
      expect((await get(`/api/v1/working-groups/${group.key}`)).json().offices[0].current).toBe(true);
      expect((await get('/api/v1/working-groups/no-such-group')).statusCode).toBe(404);
    });
  });

  describe('POST /working-groups/:key/offices', () => {
    it('adds a co-lead (secretariat): 201, the version bumped, audited, the line leads it', async () => {
      const group = await buildWorkingGroup(ctx);
      const member = await buildMember(ctx);
      const res = await addOffice(group.key, group.version, {
        memberCode: member.code,
        role: 'co_lead',
        fromOn: '2015-01-15',
        note: 'Took over in January.',
      });
      expect(res.statusCode).toBe(201);
      const after: WorkingGroup = res.json();
      expect(after.version).toBe(group.version + 1);
      expect(after.offices.find((o) => o.member?.code === member.code)).toMatchObject({
        role: 'co_lead',
        fromOn: '2015-01-15',
        toOn: null,
        current: true,
        note: 'Took over in January.',
      });
      const line = (await get(`/api/v1/lines-of-effort/${group.lineOfEffort}`)).json() as LineOfEffort;
      expect(line.leads.map((m) => m.code)).toContain(member.code);
      const [entry] = await trailOf(group.id);
      expect(entry.action).toBe('working_group.office_added');
      expect(entry.before?.offices).toHaveLength(group.offices.length);
      expect(entry.after?.offices).toHaveLength(group.offices.length + 1);
    });

    it('401 signed out, 403 for others, 404 for no such group, before anything is written', async () => {
      const group = await buildWorkingGroup(ctx);
      const member = await buildMember(ctx);
      const body = { memberCode: member.code, role: 'participant' };
      expect((await addOffice(group.key, group.version, body, null)).statusCode).toBe(401);
      expect((await addOffice(group.key, group.version, body, observer)).statusCode).toBe(403);
      expect((await addOffice(group.key, group.version, body, focalPoint)).statusCode).toBe(403);
      expect((await addOffice('no-such-group', 1, body)).statusCode).toBe(404);
      expect((await get(`/api/v1/working-groups/${group.key}`)).json().version).toBe(group.version);
    });

    it('400 field by field: an end before the start, an unknown member, a bad role or day', async () => {
      const group = await buildWorkingGroup(ctx);
      const refused = await addOffice(group.key, group.version, {
        memberCode: 'ZZZ9',
        role: 'co_lead',
        fromOn: '2015-03-01',
        toOn: '2015-02-01',
      });
      expect(refused.statusCode).toBe(400);
      expect(
        parseProblem(refused.body)
          .errors?.map((e) => [e.path, e.code])
          .sort(),
      ).toEqual([
        ['memberCode', 'unknown_member'],
        ['toOn', 'before_start'],
      ]);
      const bad = await addOffice(group.key, group.version, { memberCode: 'a b', role: 'chair', fromOn: '2015-02-30' });
      expect(bad.statusCode).toBe(400);
      expect(
        parseProblem(bad.body)
          .errors?.map((e) => e.path)
          .sort(),
      ).toEqual(['fromOn', 'memberCode', 'role']);
      expect((await get(`/api/v1/working-groups/${group.key}`)).json().version).toBe(group.version);
    });

    it('428 without If-Match, 409 when stale', async () => {
      const group = await buildWorkingGroup(ctx);
      const member = await buildMember(ctx);
      const body = { memberCode: member.code, role: 'participant' };
      expect((await addOffice(group.key, null, body)).statusCode).toBe(428);
      const stale = await addOffice(group.key, group.version - 1, body);
      expect(stale.statusCode).toBe(409);
      expect(parseProblem(stale.body).status).toBe(409);
    });
  });

  describe('PATCH /working-groups/:key/offices/:id', () => {
    it('ends an office (secretariat): no longer current, the version bumped, audited; null reopens it', async () => {
      const group = await buildWorkingGroup(ctx);
      const office = group.offices[0];
      const res = await endOffice(group.key, office.id, group.version, { toOn: '2015-01-31' });
      expect(res.statusCode).toBe(200);
      const ended: WorkingGroup = res.json();
      expect(ended.version).toBe(group.version + 1);
      expect(ended.offices[0]).toMatchObject({ id: office.id, toOn: '2015-01-31', current: false });
      const [entry] = await trailOf(group.id);
      expect(entry.action).toBe('working_group.office_ended');
      expect(entry.after?.offices[0].toOn).toBe('2015-01-31');
      const reopened = await endOffice(group.key, office.id, ended.version, { toOn: null });
      expect(reopened.json().offices[0]).toMatchObject({ toOn: null, current: true });
    });

    it('401, 403, 404 (no such group or office), 400 (before its start), 428, 409', async () => {
      const group = await buildWorkingGroup(ctx);
      const office = group.offices[0];
      const body = { toOn: '2015-01-31' };
      expect((await endOffice(group.key, office.id, group.version, body, null)).statusCode).toBe(401);
      expect((await endOffice(group.key, office.id, group.version, body, observer)).statusCode).toBe(403);
      expect((await endOffice(group.key, office.id, group.version, body, focalPoint)).statusCode).toBe(403);
      expect((await endOffice('no-such-group', office.id, 1, body)).statusCode).toBe(404);
      const other = await buildWorkingGroup(ctx);
      expect((await endOffice(group.key, other.offices[0].id, group.version, body)).statusCode).toBe(404);
      const early = await endOffice(group.key, office.id, group.version, { toOn: '2014-01-01' });
      expect(early.statusCode).toBe(400);
      expect(parseProblem(early.body).errors).toEqual([
        expect.objectContaining({ path: 'toOn', code: 'before_start' }),
      ]);
      const bad = await endOffice(group.key, 'not-an-id', group.version, { toOn: 'soon', more: 1 });
      expect(bad.statusCode).toBe(400);
      expect((await endOffice(group.key, office.id, null, body)).statusCode).toBe(428);
      expect((await endOffice(group.key, office.id, group.version + 1, body)).statusCode).toBe(409);
      expect((await get(`/api/v1/working-groups/${group.key}`)).json().offices[0].toOn).toBeNull();
    });
  });

  describe('meetings name a real line of effort', () => {
    it('refuses an agenda item on an unknown line, on create and on update, field by field', async () => {
      const line = await buildLineOfEffort(ctx);
      const body = {
        kind: 'working_group',
        title: 'Agenda check',
        timeZone: 'Europe/Brussels',
        startDate: '2015-03-01',
        endDate: '2015-03-01',
        agenda: [
          { title: 'Known', lineOfEffort: line.key },
          { title: 'Unknown', lineOfEffort: 'LOE9-nothing' },
        ],
      };
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: as(secretariat),
        payload: body,
      });
      expect(created.statusCode).toBe(400);
      expect(parseProblem(created.body).errors).toEqual([
        expect.objectContaining({
          path: 'agenda.1.lineOfEffort',
          code: 'unknown_line_of_effort',
          params: { key: 'LOE9-nothing' },
        }),
      ]);
      const meeting = await buildMeeting(ctx, { agenda: [{ title: 'Known', lineOfEffort: line.key }] });
      const updated = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${meeting.id}`,
        headers: { ...as(secretariat), 'if-match': `"${meeting.version}"` },
        payload: { agenda: [{ title: 'Unknown', lineOfEffort: 'nothing' }] },
      });
      expect(updated.statusCode).toBe(400);
      expect(parseProblem(updated.body).errors?.[0]).toMatchObject({
        path: 'agenda.0.lineOfEffort',
        code: 'unknown_line_of_effort',
      });
      expect(meeting.agenda[0].lineOfEffort).toBe(line.key);
    });
  });
});
