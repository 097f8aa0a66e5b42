import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/meetings.js';
import { fixedClock } from '../../lib/clock.js';
import { buildDelegation, buildMeeting, buildMember, buildPerson, buildUser } from '../../test/factories.js';
import {
  createTestApp,
  databaseSnapshot,
  engines,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';

const NOW = '2030-06-15T09:00:00Z';

/** Who sits on a delegation, role by name, wherever the answer shows people. */
const seatsIn = (meeting: Meeting) =>
  meeting.delegations.flatMap((d) => d.delegates.map((s) => `${d.memberCode}:${s.role}:${s.person.name}`));

describe.each(engines)('people: no duplicates, merges, who is public, on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;

  const as = (user: { cookie: string } | null, extra: Record<string, string> = {}) => ({
    ...(user ? { cookie: user.cookie } : {}),
    ...extra,
  });

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock(NOW) });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
  });
  afterAll(() => ctx?.close());

  const peopleOf = async (member: string, user: { cookie: string } | null = secretariat) =>
    (await ctx.app.inject({ url: `/api/v1/people?member=${member}`, headers: as(user) })).json().items as {
      id: string;
      name: string;
    }[];

  /** Names `member`'s delegation to `meetingId` as its focal point would. */
  const name = async (meetingId: string, member: string, body: object, user: { cookie: string } = secretariat) => {
    const url = `/api/v1/meetings/${meetingId}/delegations/${member}`;
    const current = await ctx.app.inject({ url, headers: as(user) });
    return ctx.app.inject({
      method: 'PUT',
      url,
      headers: as(user, { 'if-match': `"${current.json().version}"` }),
      payload: { level: null, head: null, ...body },
    });
  };

  describe('a new name that matches a known person', () => {
    it.each([
      ['  jane  EXAMPLE', 'Jane Example'],
      ['José Martínez', 'Jose Martinez'],
      ['Jose', 'José'],
    ])('refuses %j when %j is on record, offering that person, and changes nothing', async (typed, known) => {
      const member = (await buildMember(ctx)).code;
      const person = await buildPerson(ctx, { member, name: known });
      const { meetingId } = await buildDelegation(ctx, { member });
      const focal = await buildUser(ctx, { role: 'focal_point', member });
      const before = await databaseSnapshot(ctx.database);
      const res = await name(meetingId, member, { head: { name: typed } }, focal);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({
          path: 'head.name',
          code: 'person_exists',
          params: { personId: person.id, name: known },
        }),
      ]);
      expect(await databaseSnapshot(ctx.database)).toEqual(before);
      // Choosing the person offered works.
      const chosen = await name(meetingId, member, { head: { personId: person.id } }, focal);
      expect(chosen.statusCode).toBe(200);
      expect(chosen.json().head).toMatchObject({ id: person.id, name: known });
    });

    it('refuses one newcomer named on two seats of one request; distinct newcomers are each added once', async () => {
      const member = (await buildMember(ctx)).code;
      const { meetingId } = await buildDelegation(ctx, { member });
      const twice = await name(meetingId, member, {
        head: { name: 'Ana Newcomer' },
        alternates: [{ name: 'ana  newcomer' }],
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().errors).toEqual([
        expect.objectContaining({ path: 'alternates.0.name', code: 'person_twice' }),
      ]);
      expect(await peopleOf(member)).toEqual([]);

      const ok = await name(meetingId, member, { head: { name: 'Ana Newcomer' }, alternates: [{ name: 'Bo Other' }] });
      expect(ok.statusCode).toBe(200);
      // Saving again with the same people by id adds no one: the page lists each once.
      const again = await name(meetingId, member, {
        head: { personId: ok.json().head.id },
        alternates: [{ personId: ok.json().delegates[1].person.id }],
      });
      expect(again.statusCode).toBe(200);
      expect((await peopleOf(member)).map((p) => p.name)).toEqual(['Ana Newcomer', 'Bo Other']);
    });
  });

  describe('POST /people/:id/merge', () => {
    const merge = (id: string, into: unknown, user: { cookie: string } | null = secretariat) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/people/${id}/merge`, headers: as(user), payload: { into } });

    it('moves seats, remarks and chairs to the person kept, deletes the other, audits one event naming both', async () => {
      const member = (await buildMember(ctx)).code;
      const kept = await buildPerson(ctx, { member, name: 'Jane Example' });
      const twin = await buildPerson(ctx, { member, name: 'Jane  Exemple' });
      const other = await buildPerson(ctx, { member });
      const chaired = await buildMeeting(ctx, { chairIds: [twin.id, other.id] });
      const { meetingId } = await buildDelegation(ctx, {
        member,
        named: { head: { personId: other.id }, advisers: [{ personId: twin.id }] },
      });
      const remark = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/remarks`,
        headers: as(secretariat),
        payload: { personId: twin.id, quotes: [{ text: 'Together.' }] },
      });
      expect(remark.statusCode).toBe(201);

      const res = await merge(twin.id, kept.id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        into: expect.objectContaining({ id: kept.id, name: 'Jane Example', memberCode: member }),
        merged: twin.id,
        moved: { seats: 1, remarks: 1, chairs: 1 },
      });
      const page: Meeting = (
        await ctx.app.inject({ url: `/api/v1/meetings/${meetingId}`, headers: as(secretariat) })
      ).json();
      expect(seatsIn(page)).toEqual([`${member}:head:${other.name}`, `${member}:adviser:Jane Example`]);
      expect(page.remarks.map((r) => r.person.id)).toEqual([kept.id]);
      const chairs = (await ctx.app.inject({ url: `/api/v1/meetings/${chaired.id}`, headers: as(secretariat) })).json()
        .chairs;
      expect(chairs.map((c: { id: string }) => c.id)).toEqual([kept.id, other.id]);
      expect((await peopleOf(member)).map((p) => p.id).sort()).toEqual([kept.id, other.id].sort());

      const trail = await ctx.app.inject({
        url: `/api/v1/audit?entityType=person&entityId=${twin.id}`,
        headers: as(secretariat),
      });
      const merged = trail.json().items.filter((e: { action: string }) => e.action === 'person.merged');
      expect(merged).toEqual([
        expect.objectContaining({
          actorEmail: secretariat.email,
          before: {
            merged: expect.objectContaining({ id: twin.id, name: 'Jane  Exemple' }),
            into: expect.objectContaining({ id: kept.id }),
          },
          after: expect.objectContaining({ moved: { seats: 1, remarks: 1, chairs: 1 } }),
        }),
      ]);
      // Gone: merging it again answers 404.
      expect((await merge(twin.id, kept.id)).statusCode).toBe(404);
    });

    it('keeps one chair when both chaired the same meeting', async () => {
      const member = (await buildMember(ctx)).code;
      const kept = await buildPerson(ctx, { member });
      const twin = await buildPerson(ctx, { member });
      const meeting = await buildMeeting(ctx, { chairIds: [kept.id, twin.id] });
      const res = await merge(twin.id, kept.id);
      expect(res.statusCode).toBe(200);
      expect(res.json().moved.chairs).toBe(0);
      const chairs = (await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}`, headers: as(secretariat) })).json()
        .chairs;
      expect(chairs.map((c: { id: string }) => c.id)).toEqual([kept.id]);
    });

    it('refuses (409) two people on one delegation, and changes nothing', async () => {
      const member = (await buildMember(ctx)).code;
      const head = await buildPerson(ctx, { member, name: 'Adviser 1' });
      const twin = await buildPerson(ctx, { member, name: 'Adviser  1 ' });
      await buildDelegation(ctx, { member, named: { head: { personId: head.id }, advisers: [{ personId: twin.id }] } });
      const before = await databaseSnapshot(ctx.database);
      const res = await merge(twin.id, head.id);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'conflict',
        reason: 'people_on_one_delegation',
        params: { meetings: 1 },
      });
      expect(await databaseSnapshot(ctx.database)).toEqual(before);
    });

    it('answers 401, 403 for everyone but the secretariat, 400 field by field, 404 for no such person', async () => {
      const member = (await buildMember(ctx)).code;
      const a = await buildPerson(ctx, { member });
      const b = await buildPerson(ctx, { member });
      const elsewhere = await buildPerson(ctx);
      expect((await merge(a.id, b.id, null)).statusCode).toBe(401);
      for (const user of [observer, await buildUser(ctx, { role: 'focal_point', member })]) {
        expect((await merge(a.id, b.id, user)).statusCode).toBe(403);
      }
      const bad = async (into: unknown, id = a.id) => (await merge(id, into)).json().errors;
      expect(await bad('nope')).toEqual([expect.objectContaining({ path: 'into', code: 'invalid_format' })]);
      expect(await bad(a.id)).toEqual([expect.objectContaining({ path: 'into', code: 'merge_into_itself' })]);
      expect(await bad(elsewhere.id)).toEqual([
        expect.objectContaining({ path: 'into', code: 'person_of_other_member' }),
      ]);
      expect(await bad('00000000-0000-4000-8000-000000000001')).toEqual([
        expect.objectContaining({ path: 'into', code: 'unknown_person' }),
      ]);
      expect((await merge('00000000-0000-4000-8000-000000000001', a.id)).statusCode).toBe(404);
      const extra = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/people/${a.id}/merge`,
        headers: as(secretariat),
        payload: { into: b.id, also: 1 },
      });
      expect(extra.json().errors).toEqual([expect.objectContaining({ code: 'unknown_field' })]);
      // Nothing was merged by any refusal.
      expect((await peopleOf(member)).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    });
  });

  describe('who is public', () => {
    it('leaves alternates and advisers out of the public meeting page, its 304 and the public people list', async () => {
      const member = (await buildMember(ctx)).code;
      const meeting = await buildMeeting(ctx, { seatQuota: '1+3' });
      const { delegation } = await buildDelegation(ctx, {
        meeting: meeting.id,
        member,
        named: {
          head: { name: 'Head Public' },
          alternates: [{ name: 'Alternate Private' }],
          advisers: [{ name: 'Adviser Private' }, { name: 'Adviser Speaker' }],
        },
      });
      const speaker = delegation.delegates.find((d) => d.person.name === 'Adviser Speaker')?.person.id;
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/remarks`,
        headers: as(secretariat),
        payload: { personId: speaker, quotes: [] },
      });
      const url = `/api/v1/meetings/${meeting.id}`;
      // Signed in first, so that the full page is in the cache when the public asks.
      const full = await ctx.app.inject({ url, headers: as(observer) });
      expect(seatsIn(full.json())).toEqual([
        `${member}:head:Head Public`,
        `${member}:alternate:Alternate Private`,
        `${member}:adviser:Adviser Private`,
        `${member}:adviser:Adviser Speaker`,
      ]);
      for (let i = 0; i < 2; i++) {
        const anonymous = await ctx.app.inject({ url });
        expect(anonymous.statusCode).toBe(200);
        expect(seatsIn(anonymous.json())).toEqual([`${member}:head:Head Public`]);
        expect(anonymous.body).not.toContain('Private');
        expect(anonymous.headers.etag).not.toBe(full.headers.etag);
        const again = await ctx.app.inject({ url, headers: { 'if-none-match': String(anonymous.headers.etag) } });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe('');
      }
      // The public's ETag is not the coalition's: a signed-in reader holding it gets the full page.
      const anonymousTag = String((await ctx.app.inject({ url })).headers.etag);
      const upgraded = await ctx.app.inject({ url, headers: as(observer, { 'if-none-match': anonymousTag }) });
      expect(upgraded.statusCode).toBe(200);
      expect(upgraded.body).toContain('Alternate Private');
      // One delegation alone, read by the public: the same.
      const one = await ctx.app.inject({ url: `${url}/delegations/${member}` });
      expect(one.body).not.toContain('Private');

      // The register: a speaker is public though an adviser; the others only to signed-in users.
      expect((await peopleOf(member, null)).map((p) => p.name)).toEqual(['Adviser Speaker', 'Head Public']);
      expect((await peopleOf(member, observer)).map((p) => p.name)).toEqual([
        'Adviser Private',
        'Adviser Speaker',
        'Alternate Private',
        'Head Public',
      ]);
      expect((await ctx.app.inject({ url: '/api/v1/people' })).body).not.toContain('Private');
    });
  });
});
