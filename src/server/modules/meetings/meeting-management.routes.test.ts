import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { buildDelegation, buildMeeting, buildMember, buildPerson } from '../../test/factories.js';
import {
  createTestApp,
  databaseSnapshot,
  engines,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';

const NOW = '2030-06-15T12:00:00Z';

/** Managing a meeting after it is made: its status and reason, invitations withdrawn, remarks changed. */
describe.each(engines)('managing meetings on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let focalPoint: TestUser;

  const as = (user: { cookie: string } | null, extra: Record<string, string> = {}) => ({
    ...(user ? { cookie: user.cookie } : {}),
    ...extra,
  });
  const audit = async (entityType: string, entityId: string) =>
    (
      await ctx.app.inject({
        url: `/api/v1/audit?entityType=${entityType}&entityId=${entityId}`,
        headers: as(secretariat),
      })
    ).json().items;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock(NOW) });
    secretariat = await signedInUser(ctx, 'secretariat');
    focalPoint = await signedInUser(ctx, 'focal_point', { member: (await buildMember(ctx)).code });
  });
  afterAll(() => ctx?.close());

  const patch = (id: string, version: number, payload: Record<string, unknown>, user: TestUser = secretariat) =>
    ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${id}`,
      headers: as(user, { 'if-match': `"${version}"` }),
      payload,
    });

  it('refuses to cancel a meeting without a reason, and changes nothing', async () => {
    const meeting = await buildMeeting(ctx);
    const before = await databaseSnapshot(ctx.database);
    for (const payload of [{ status: 'cancelled' }, { status: 'cancelled', statusReason: null }]) {
      const res = await patch(meeting.id, 1, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'statusReason', code: 'required' })]);
    }
    const blank = await patch(meeting.id, 1, { status: 'cancelled', statusReason: '   ' });
    expect(blank.statusCode).toBe(400);
    const tooLong = await patch(meeting.id, 1, { status: 'cancelled', statusReason: 'x'.repeat(501) });
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ path: 'statusReason', code: 'too_long' })]);
    expect(await databaseSnapshot(ctx.database)).toEqual(before);
    // Made cancelled, too, it needs one.
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: as(secretariat),
      payload: {
        kind: 'working_group',
        title: 'Never held',
        timeZone: 'UTC',
        startDate: '2030-07-01',
        endDate: '2030-07-01',
        status: 'cancelled',
      },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0]).toMatchObject({ path: 'statusReason', code: 'required' });
  });

  it('cancels with a reason (shown and audited), marks held, and a new status clears the old reason', async () => {
    const meeting = await buildMeeting(ctx);
    const cancelled = await patch(meeting.id, 1, { status: 'cancelled', statusReason: 'The host asked to postpone.' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusReason: 'The host asked to postpone.' });
    const page = (await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}` })).json();
    expect(page.statusReason).toBe('The host asked to postpone.');
    const [event] = await audit('meeting', meeting.id);
    expect(event).toMatchObject({
      action: 'meeting.updated',
      before: { status: 'planned', statusReason: null },
      after: { status: 'cancelled', statusReason: 'The host asked to postpone.' },
    });
    // A change of another field keeps the reason.
    const retitled = await patch(meeting.id, 2, { title: 'Postponed meeting' });
    expect(retitled.json()).toMatchObject({ status: 'cancelled', statusReason: 'The host asked to postpone.' });
    // Planned again, then held: the cancellation's reason goes.
    const replanned = await patch(meeting.id, 3, { status: 'planned' });
    expect(replanned.json()).toMatchObject({ status: 'planned', statusReason: null });
    const held = await patch(meeting.id, 4, { status: 'held' });
    expect(held.json()).toMatchObject({ status: 'held', statusReason: null, version: 5 });
    // Not the focal point's to do.
    expect((await patch(meeting.id, 5, { status: 'cancelled', statusReason: 'x' }, focalPoint)).statusCode).toBe(403);
  });

  it('lets a meeting cancelled before reasons were kept be changed without giving one', async () => {
    const meeting = await buildMeeting(ctx, { status: 'cancelled', statusReason: 'Rained out.' });
    // The factory's meeting was created cancelled with its reason; one without a reason is only an old row.
    await ctx.database.db.execute(sql`update meetings set status_reason = null where id = ${meeting.id}`);
    const res = await patch(meeting.id, 1, { title: 'Renamed' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', statusReason: null, title: 'Renamed' });
    // Clearing the reason of a cancelled meeting is refused.
    const cleared = await patch(meeting.id, 2, { statusReason: null });
    expect(cleared.statusCode).toBe(400);
  });

  it('sets the chairs', async () => {
    const meeting = await buildMeeting(ctx);
    const [a, b] = [await buildPerson(ctx), await buildPerson(ctx)];
    const res = await patch(meeting.id, 1, { chairIds: [b.id, a.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().chairs.map((c: { id: string }) => c.id)).toEqual([b.id, a.id]);
  });

  it('withdraws an invitation while the delegation names nobody; refuses once it names someone', async () => {
    const meeting = await buildMeeting(ctx);
    const empty = await buildDelegation(ctx, { meeting: meeting.id });
    const named = await buildDelegation(ctx, { meeting: meeting.id, named: { head: { name: 'Named Head' } } });
    const url = (code: string) => `/api/v1/meetings/${meeting.id}/invitations/${code}`;

    expect((await ctx.app.inject({ method: 'DELETE', url: url(empty.memberCode) })).statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ method: 'DELETE', url: url(empty.memberCode), headers: as(focalPoint) })).statusCode,
    ).toBe(403);

    const before = await databaseSnapshot(ctx.database);
    const refused = await ctx.app.inject({ method: 'DELETE', url: url(named.memberCode), headers: as(secretariat) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', reason: 'delegation_has_people' });
    expect(await databaseSnapshot(ctx.database)).toEqual(before);

    // The page is read (and cached) first: the withdrawal must drop it.
    expect((await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}` })).json().delegations).toHaveLength(2);
    const ok = await ctx.app.inject({ method: 'DELETE', url: url(empty.memberCode), headers: as(secretariat) });
    expect(ok.statusCode).toBe(204);
    const page = (await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}` })).json();
    expect(page.delegations.map((d: { memberCode: string }) => d.memberCode)).toEqual([named.memberCode]);
    const events = (
      await ctx.app.inject({ url: '/api/v1/audit?entityType=delegation&limit=5', headers: as(secretariat) })
    ).json().items;
    expect(events[0]).toMatchObject({
      action: 'delegation.uninvited',
      before: { memberCode: empty.memberCode, meetingId: meeting.id },
      after: null,
    });

    // Not invited (any more), an unknown meeting, a hidden one: 404.
    expect(
      (await ctx.app.inject({ method: 'DELETE', url: url(empty.memberCode), headers: as(secretariat) })).statusCode,
    ).toBe(404);
    expect(
      (
        await ctx.app.inject({
          method: 'DELETE',
          url: `/api/v1/meetings/00000000-0000-4000-8000-000000000000/invitations/${named.memberCode}`,
          headers: as(secretariat),
        })
      ).statusCode,
    ).toBe(404);
    const hidden = await buildMeeting(ctx, { visibility: 'restricted' });
    const hiddenInvitation = await buildDelegation(ctx, { meeting: hidden.id });
    expect(
      (
        await ctx.app.inject({
          method: 'DELETE',
          url: `/api/v1/meetings/${hidden.id}/invitations/${hiddenInvitation.memberCode}`,
          headers: as(focalPoint),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('changes and deletes remarks (secretariat), with If-Match, audited', async () => {
    const meeting = await buildMeeting(ctx);
    const speaker = await buildPerson(ctx);
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/remarks`,
      headers: as(secretariat),
      payload: { personId: speaker.id, context: 'Opening', quotes: [{ text: 'First.' }, { text: 'Second.' }] },
    });
    const remark = created.json().remarks[0];
    expect(remark.version).toBe(1);
    const url = `/api/v1/meetings/${meeting.id}/remarks/${remark.id}`;

    expect((await ctx.app.inject({ method: 'PATCH', url, payload: { context: 'x' } })).statusCode).toBe(401);
    expect(
      (
        await ctx.app.inject({
          method: 'PATCH',
          url,
          headers: as(focalPoint, { 'if-match': '"1"' }),
          payload: { context: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'PATCH', url, headers: as(secretariat), payload: { context: 'x' } })).statusCode,
    ).toBe(428);
    const bad = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(secretariat, { 'if-match': '"1"' }),
      payload: { quotes: [{ text: '' }], personId: speaker.id },
    });
    expect(bad.statusCode).toBe(400);

    const changed = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(secretariat, { 'if-match': '"1"' }),
      payload: { context: 'Closing', quotes: [{ text: 'Only this.', context: 'at the press conference' }] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().remarks[0]).toMatchObject({
      id: remark.id,
      person: { id: speaker.id },
      context: 'Closing',
      quotes: [{ text: 'Only this.', context: 'at the press conference' }],
      version: 2,
    });
    const stale = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(secretariat, { 'if-match': '"1"' }),
      payload: { context: 'lost' },
    });
    expect(stale.statusCode).toBe(409);
    const [updated] = await audit('remark', remark.id);
    expect(updated).toMatchObject({
      action: 'remark.updated',
      before: { context: 'Opening', quotes: [{ text: 'First.' }, { text: 'Second.' }] },
      after: { context: 'Closing', quotes: [{ text: 'Only this.' }] },
    });
    // What is not sent stays: quotes alone leave the context as it is.
    const quotesOnly = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(secretariat, { 'if-match': '"2"' }),
      payload: { quotes: [{ text: 'Only this.', context: 'at the press conference' }] },
    });
    expect(quotesOnly.json().remarks[0]).toMatchObject({ context: 'Closing', version: 3 });

    // A remark of another meeting is not found through this one.
    const other = await buildMeeting(ctx);
    const elsewhere = `/api/v1/meetings/${other.id}/remarks/${remark.id}`;
    expect((await ctx.app.inject({ method: 'DELETE', url: elsewhere, headers: as(secretariat) })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'DELETE', url, headers: as(focalPoint) })).statusCode).toBe(403);
    const deleted = await ctx.app.inject({ method: 'DELETE', url, headers: as(secretariat) });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().remarks).toEqual([]);
    const [gone] = await audit('remark', remark.id);
    expect(gone).toMatchObject({ action: 'remark.deleted', before: { context: 'Closing' }, after: null });
    expect((await ctx.app.inject({ method: 'DELETE', url, headers: as(secretariat) })).statusCode).toBe(404);
  });
});
