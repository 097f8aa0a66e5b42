import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFERRED_ATTENDANCE_NOTE } from '../../../shared/attendance.js';
import { people } from '../../db/schema/members.js';
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

/** Late on 15 June 2030 in UTC: already the 16th in Brussels, still the 15th in New York. */
const NOW = '2030-06-15T23:30:00Z';

describe.each(engines)('meetings routes on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let brusselsId: string;

  const as = (user: { cookie: string } | null, extra: Record<string, string> = {}) => ({
    ...(user ? { cookie: user.cookie } : {}),
    ...extra,
  });

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock(NOW) });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    // The demo's Brussels ministerial: read here, changed by no test.
    const list = (await ctx.app.inject({ url: '/api/v1/meetings' })).json().items;
    brusselsId = list.find((m: { startDate: string }) => m.startDate === '2014-12-03').id;
  });
  afterAll(() => ctx?.close());

  /** A focal point of a new member (or of `member`). */
  const focalPoint = (member?: string) => buildUser(ctx, { role: 'focal_point', member });

  const invite = (id: string, memberCodes: string[], user: { cookie: string } | null = secretariat) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${id}/invitations`,
      headers: as(user),
      payload: { memberCodes },
    });

  it('has the Brussels ministerial complete: host, chair, venue, 60 delegations, al-Abadi for Iraq, the quotes', async () => {
    const res = await ctx.app.inject({ url: `/api/v1/meetings/${brusselsId}` });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({
      hostCode: 'USA',
      city: 'Brussels',
      kind: 'ministerial',
      status: 'held',
      timeZone: 'Europe/Brussels',
    });
    expect(m.venue).toContain('NATO Headquarters');
    expect(m.chairs.map((c: { name: string }) => c.name)).toEqual(['John Kerry']);
    expect(m.delegations).toHaveLength(60);
    expect(m.delegations[0]).toMatchObject({ memberCode: 'USA', level: 'minister', head: { name: 'John Kerry' } });
    expect(m.delegations.find((d: { memberCode: string }) => d.memberCode === 'IRQ')).toMatchObject({
      level: 'head_of_state_or_government',
      head: { name: 'Haider al-Abadi' },
      attendance: 'present',
    });
    // Partners who joined later were not there; unknown facts stay empty.
    expect(m.delegations.map((d: { memberCode: string }) => d.memberCode)).not.toContain('MYS');
    expect(m.delegations.find((d: { memberCode: string }) => d.memberCode === 'ALB')).toMatchObject({
      head: null,
      level: null,
      attendance: 'unknown',
    });
    expect(m.startTime).toBeNull();
    const quotes = m.remarks.flatMap((r: { quotes: { text: string }[] }) => r.quotes.map((q) => q.text));
    expect(quotes).toHaveLength(3);
    expect(quotes[2]).toContain('shared faith in one another');
  });

  it('orders delegations host first, then states, then organisations, in the working language', async () => {
    const order = (await ctx.app.inject({ url: `/api/v1/meetings/${brusselsId}/protocol-order` })).json();
    const codes = order.items.map((i: { memberCode: string }) => i.memberCode);
    expect(codes[0]).toBe('USA');
    expect(order.items[0].isHost).toBe(true);
    expect(codes.slice(-2)).toEqual(['LAS', 'EU']); // Arab League, European Union
    expect(codes.slice(1, 4)).toEqual(['ALB', 'AUS', 'AUT']);
    // The rule is a code the interface words in the reader's language; its parameter is the working language.
    expect(order).toMatchObject({ rule: 'host_then_states_then_organizations', language: 'en' });

    // In French, "Allemagne" (DEU) comes before "Australie" (AUS): the demo's real names are the point.
    const meeting = await buildMeeting(ctx, {
      workingLanguage: 'fr',
      hostCode: 'FRA',
      invite: ['AUS', 'DEU', 'EU', 'FRA', 'USA', 'LAS'],
    });
    const fr = (await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}/protocol-order` })).json();
    expect(fr.items.map((i: { memberCode: string }) => i.memberCode)).toEqual([
      'FRA',
      'DEU',
      'AUS',
      'USA',
      'LAS',
      'EU',
    ]);
    expect(fr.items[1].name).toBe('Allemagne');
    expect(fr).toMatchObject({ rule: 'host_then_states_then_organizations', language: 'fr' });
  });

  it('keeps 10:00 Brussels time as 10:00 Brussels time in the API and the .ics file', async () => {
    const brussels = { city: 'Brussels', venue: 'Egmont Palace', startTime: '10:00', endTime: '12:30' };
    const meeting = await buildMeeting(ctx, {
      ...brussels,
      title: 'Senior officials, Brussels',
      startDate: '2027-03-10',
    });
    expect(meeting).toMatchObject({
      startTime: '10:00',
      startsAt: '2027-03-10T10:00:00+01:00',
      endsAt: '2027-03-10T12:30:00+01:00',
    });
    const again = (await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}` })).json();
    expect(again.startsAt).toBe('2027-03-10T10:00:00+01:00');
    const summer = await buildMeeting(ctx, { ...brussels, startDate: '2027-07-01' });
    expect(summer.startsAt).toBe('2027-07-01T10:00:00+02:00');

    const ics = await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}/calendar.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const component = new ICAL.Component(ICAL.parse(ics.body));
    const vevent = component.getFirstSubcomponent('vevent');
    expect(vevent).not.toBeNull();
    const event = new ICAL.Event(vevent as ICAL.Component);
    expect(event.uid).toBe(`${meeting.id}@entente`);
    expect(event.summary).toBe('Senior officials, Brussels');
    expect(event.location).toBe('Egmont Palace, Brussels');
    const dtstart = vevent?.getFirstProperty('dtstart');
    expect(dtstart?.getParameter('tzid')).toBe('Europe/Brussels');
    expect(event.startDate.toString()).toBe('2027-03-10T10:00:00');
    expect(event.endDate.toString()).toBe('2027-03-10T12:30:00');
    // With the VTIMEZONE in the file, the instant is right too: 09:00 UTC.
    const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone') as ICAL.Component);
    ICAL.TimezoneService.register(zone, 'Europe/Brussels');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-10T09:00:00.000Z');
    ICAL.TimezoneService.remove('Europe/Brussels');
  });

  it('exports every visible meeting, all-day when the time is unknown, none pinned to a made-up day', async () => {
    const ics = await ctx.app.inject({ url: '/api/v1/calendar.ics' });
    const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const brussels = events.find((e) => e.uid === `${brusselsId}@entente`);
    expect(brussels?.startDate.isDate).toBe(true);
    expect(brussels?.startDate.toString()).toBe('2014-12-03');
    const list = (await ctx.app.inject({ url: '/api/v1/meetings' })).json().items;
    const monthOnly = list.filter((m: { datePrecision: string }) => m.datePrecision === 'month');
    expect(monthOnly).toHaveLength(1); // The Hague, June 2015: day unknown
    expect(events).toHaveLength(list.length - 1);
  });

  it('creates meetings: 401, 400 field by field, 403 for a focal point, 201 audited', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/meetings', payload: {} })).statusCode).toBe(401);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: as(secretariat),
      payload: {
        kind: 'ministerial',
        title: 'x',
        timeZone: 'Mars/Olympus',
        startDate: '2027-02-30',
        endDate: '2027-01-01',
        startTime: '25:00',
      },
    });
    expect(bad.statusCode).toBe(400);
    // Each with the code and the format's name the interface words it by.
    const byPath = (errors: { path: string }[]) => [...errors].sort((x, y) => x.path.localeCompare(y.path));
    expect(byPath(bad.json().errors)).toEqual([
      expect.objectContaining({ path: 'startDate', code: 'invalid_format', params: { format: 'date' } }),
      expect.objectContaining({ path: 'startTime', code: 'invalid_format', params: { format: 'time' } }),
      expect.objectContaining({ path: 'timeZone', code: 'invalid_format', params: { format: 'time_zone' } }),
    ]);
    const order = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: as(secretariat),
      payload: {
        kind: 'ministerial',
        title: 'x',
        timeZone: 'Europe/Paris',
        startDate: '2027-02-02',
        endDate: '2027-01-01',
        hostCode: 'ZZZ',
      },
    });
    expect(byPath(order.json().errors)).toEqual([
      { in: 'body', path: 'endDate', code: 'before_start', message: 'must not be before the start date' },
      {
        in: 'body',
        path: 'hostCode',
        code: 'unknown_member',
        message: 'no member has code ZZZ',
        params: { code: 'ZZZ' },
      },
    ]);
    const valid = {
      kind: 'ministerial',
      title: 'x',
      timeZone: 'Europe/Paris',
      startDate: '2027-02-02',
      endDate: '2027-02-02',
    };
    const forbidden = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: as(await focalPoint()),
      payload: valid,
    });
    expect(forbidden.statusCode).toBe(403);
    const chair = await buildPerson(ctx);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: as(secretariat),
      payload: { ...valid, chairIds: [chair.id] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().chairs).toEqual([{ id: chair.id, name: chair.name, title: null }]);
    const trail = await ctx.app.inject({
      url: `/api/v1/audit?entityType=meeting&entityId=${created.json().id}`,
      headers: as(secretariat),
    });
    // The audit records the meeting's own fields; its delegations and remarks have events of their own.
    const { delegations, remarks, ...record } = created.json();
    expect([delegations, remarks]).toEqual([[], []]);
    expect(trail.json().items).toEqual([
      expect.objectContaining({ action: 'meeting.created', actorEmail: secretariat.email, after: record }),
    ]);
  });

  it('updates with If-Match: 428, 409 when stale, 200 with a new version', async () => {
    const meeting = await buildMeeting(ctx, {
      startDate: '2027-03-10',
      startTime: '10:00',
      agenda: [{ title: 'Opening' }, { title: 'Foreign terrorist fighters', lineOfEffort: 'LOE2-ftf' }],
    });
    const url = `/api/v1/meetings/${meeting.id}`;
    expect(
      (await ctx.app.inject({ method: 'PATCH', url, headers: as(secretariat), payload: { title: 'y' } })).statusCode,
    ).toBe(428);
    const ok = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(secretariat, { 'if-match': '"1"' }),
      payload: { startTime: '09:30' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      startsAt: '2027-03-10T09:30:00+01:00',
      agenda: [{ title: 'Opening' }, { title: 'Foreign terrorist fighters' }],
    });
    const stale = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(secretariat, { 'if-match': '"1"' }),
      payload: { title: 'lost' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await ctx.app.inject({ url })).json().title).toBe(meeting.title);
    const observerTry = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(observer, { 'if-match': '"2"' }),
      payload: { title: 'x' },
    });
    expect(observerTry.statusCode).toBe(403);
  });

  it('keeps translations of a title beside the original: created, replaced and cleared with If-Match, audited', async () => {
    const titles = {
      title: 'Réunion ministérielle du petit groupe',
      workingLanguage: 'fr',
      titleTranslations: { en: 'Small group ministerial', ar: 'الاجتماع الوزاري للمجموعة المصغرة' },
    };
    // The list read once before the writes, so that its cached answer must be dropped by them.
    const listed = async (id: string) =>
      (await ctx.app.inject({ url: '/api/v1/meetings' })).json().items.find((m: { id: string }) => m.id === id);
    expect(await listed(brusselsId)).toMatchObject({ titleTranslations: {}, workingLanguage: 'en' });

    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: as(secretariat),
      payload: {
        kind: 'small_group',
        timeZone: 'Europe/Paris',
        startDate: '2027-05-04',
        endDate: '2027-05-04',
        ...titles,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...titles, version: 1 });
    const id: string = created.json().id;
    const url = `/api/v1/meetings/${id}`;
    expect((await ctx.app.inject({ url })).json()).toMatchObject(titles);
    expect(await listed(id)).toMatchObject(titles);

    const patch = (version: number, payload: object) =>
      ctx.app.inject({ method: 'PATCH', url, headers: as(secretariat, { 'if-match': `"${version}"` }), payload });

    // Sent, the translations replace the stored ones as a whole.
    const replaced = await patch(1, { titleTranslations: { en: 'Small group of the coalition, ministers' } });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      title: titles.title,
      titleTranslations: { en: 'Small group of the coalition, ministers' },
      version: 2,
    });
    expect(replaced.json().titleTranslations).not.toHaveProperty('ar');
    expect(await listed(id)).toMatchObject({ titleTranslations: { en: 'Small group of the coalition, ministers' } });
    expect((await patch(1, { titleTranslations: null })).statusCode).toBe(409);
    // Not sent, they stay as they are.
    expect((await patch(2, { city: 'Paris' })).json()).toMatchObject({
      titleTranslations: { en: 'Small group of the coalition, ministers' },
      version: 3,
    });

    // null clears them.
    const cleared = await patch(3, { titleTranslations: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ title: titles.title, titleTranslations: {}, version: 4 });
    expect((await ctx.app.inject({ url })).json().titleTranslations).toEqual({});
    expect((await listed(id)).titleTranslations).toEqual({});

    const trail = (
      await ctx.app.inject({ url: `/api/v1/audit?entityType=meeting&entityId=${id}`, headers: as(secretariat) })
    ).json().items;
    const updates = trail.filter((e: { action: string }) => e.action === 'meeting.updated');
    expect(updates).toHaveLength(3);
    expect(updates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorEmail: secretariat.email,
          before: expect.objectContaining({ titleTranslations: titles.titleTranslations, version: 1 }),
          after: expect.objectContaining({
            titleTranslations: { en: 'Small group of the coalition, ministers' },
            version: 2,
          }),
        }),
        expect.objectContaining({
          before: expect.objectContaining({ titleTranslations: { en: 'Small group of the coalition, ministers' } }),
          after: expect.objectContaining({ titleTranslations: {}, version: 4 }),
        }),
      ]),
    );
    expect(trail.find((e: { action: string }) => e.action === 'meeting.created').after).toMatchObject(titles);
  });

  it('refuses a translation in the working language, where the title is the original, and changes nothing', async () => {
    const meeting = await buildMeeting(ctx, {
      title: 'Réunion du groupe de travail',
      workingLanguage: 'fr',
      titleTranslations: { en: 'Working group meeting' },
    });
    const url = `/api/v1/meetings/${meeting.id}`;
    const before = await databaseSnapshot(ctx.database);
    const refusals = async (method: 'POST' | 'PATCH', target: string, payload: object) => {
      const res = await ctx.app.inject({
        method,
        url: target,
        headers: as(secretariat, method === 'PATCH' ? { 'if-match': `"${meeting.version}"` } : {}),
        payload,
      });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().errors;
    };

    const valid = {
      kind: 'working_group',
      title: 'Stabilisation',
      timeZone: 'UTC',
      startDate: '2027-06-01',
      endDate: '2027-06-01',
    };
    // English is the working language when none is named.
    expect(
      await refusals('POST', '/api/v1/meetings', { ...valid, titleTranslations: { en: 'Stabilisation' } }),
    ).toEqual([
      {
        in: 'body',
        path: 'titleTranslations.en',
        code: 'translation_of_original',
        message: expect.any(String),
        params: { language: 'en' },
      },
    ]);
    expect(await refusals('PATCH', url, { titleTranslations: { fr: 'Réunion', ar: 'اجتماع فريق العمل' } })).toEqual([
      expect.objectContaining({
        path: 'titleTranslations.fr',
        code: 'translation_of_original',
        params: { language: 'fr' },
      }),
    ]);
    // A change of working language to one the title already has a translation in: said on the working language.
    expect(await refusals('PATCH', url, { workingLanguage: 'en' })).toEqual([
      expect.objectContaining({ path: 'workingLanguage', code: 'translation_of_original', params: { language: 'en' } }),
    ]);
    // The schema's own refusals: a language we do not have, an empty translation, one too long.
    expect(await refusals('PATCH', url, { titleTranslations: { de: 'Arbeitsgruppe' } })).toEqual([
      expect.objectContaining({ path: 'titleTranslations.de', code: 'unknown_field' }),
    ]);
    expect(await refusals('PATCH', url, { titleTranslations: { en: '   ' } })).toEqual([
      expect.objectContaining({ path: 'titleTranslations.en', code: 'required' }),
    ]);
    expect(await refusals('PATCH', url, { titleTranslations: { ar: 'x'.repeat(301) } })).toEqual([
      expect.objectContaining({ path: 'titleTranslations.ar', code: 'too_long', params: { maximum: 300 } }),
    ]);
    expect(await databaseSnapshot(ctx.database)).toEqual(before);

    // The original changes language with its translations in one write: the English title is now the original.
    const switched = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: as(secretariat, { 'if-match': `"${meeting.version}"` }),
      payload: {
        workingLanguage: 'en',
        title: 'Working group meeting',
        titleTranslations: { fr: 'Réunion du groupe de travail' },
      },
    });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json()).toMatchObject({
      workingLanguage: 'en',
      title: 'Working group meeting',
      titleTranslations: { fr: 'Réunion du groupe de travail' },
    });
  });

  it('hides restricted meetings from everyone but the secretariat and the listed members (404)', async () => {
    const listed = await focalPoint();
    const other = await focalPoint();
    const meeting = await buildMeeting(ctx, { visibility: 'restricted', restrictedTo: [listed.memberCode as string] });
    const url = `/api/v1/meetings/${meeting.id}`;
    expect((await ctx.app.inject({ url, headers: as(listed) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url, headers: as(secretariat) })).statusCode).toBe(200);
    for (const who of [null, observer, other]) {
      const res = await ctx.app.inject({ url, headers: as(who) });
      expect(res.statusCode).toBe(404);
      const titles = (await ctx.app.inject({ url: '/api/v1/meetings', headers: as(who) }))
        .json()
        .items.map((m: { title: string }) => m.title);
      expect(titles).not.toContain(meeting.title);
      const ics = await ctx.app.inject({ url: '/api/v1/calendar.ics', headers: as(who) });
      expect(ics.body).not.toContain(meeting.title);
      for (const sub of ['attendance', 'protocol-order', 'calendar.ics', `delegations/${listed.memberCode}`]) {
        expect((await ctx.app.inject({ url: `${url}/${sub}`, headers: as(who) })).statusCode).toBe(404);
      }
    }
    const coalition = await buildMeeting(ctx, { visibility: 'coalition' });
    expect((await ctx.app.inject({ url: `/api/v1/meetings/${coalition.id}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `/api/v1/meetings/${coalition.id}`, headers: as(observer) })).statusCode).toBe(
      200,
    );
  });

  it('answers 404 to a focal point writing to a restricted meeting their member is not listed on, and changes nothing', async () => {
    const listed = await focalPoint();
    const unlisted = await focalPoint();
    const [L, U] = [listed.memberCode as string, unlisted.memberCode as string];
    // Both members invited (the secretariat may invite anyone); only L may see the meeting.
    const meeting = await buildMeeting(ctx, { visibility: 'restricted', restrictedTo: [L], invite: [L, U] });
    const person = await buildPerson(ctx);
    const writes = (id: string, fp: TestUser, member: string) => [
      {
        method: 'PUT' as const,
        url: `/api/v1/meetings/${id}/delegations/${member}`,
        headers: as(fp, { 'if-match': '"1"' }),
        payload: { level: 'minister', head: null },
      },
      {
        method: 'PUT' as const,
        url: `/api/v1/meetings/${id}/attendance/${member}`,
        headers: as(fp, { 'if-match': '"1"' }),
        payload: { attendance: 'present' },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/meetings/${id}/invitations`,
        headers: as(fp),
        payload: { memberCodes: [member] },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/meetings/${id}/remarks`,
        headers: as(fp),
        payload: { personId: person.id, quotes: [{ text: 'Hello.' }] },
      },
      {
        method: 'PATCH' as const,
        url: `/api/v1/meetings/${id}`,
        headers: as(fp, { 'if-match': '"1"' }),
        payload: { title: 'Taken over' },
      },
    ];

    const before = await databaseSnapshot(ctx.database);
    const missingId = '00000000-0000-4000-8000-000000000000';
    const hidden = writes(meeting.id, unlisted, U);
    const missing = writes(missingId, unlisted, U);
    for (const [i, request] of hidden.entries()) {
      const res = await ctx.app.inject(request);
      expect({ url: request.url, status: res.statusCode }).toEqual({ url: request.url, status: 404 });
      // Word for word what a meeting that does not exist answers: nothing leaks.
      const absent = await ctx.app.inject(missing[i]);
      expect(res.json().detail).toBe(absent.json().detail);
    }
    expect(await databaseSnapshot(ctx.database)).toEqual(before);

    // The listed member's focal point gets the answer its role gets.
    const answers = [];
    for (const request of writes(meeting.id, listed, L)) answers.push((await ctx.app.inject(request)).statusCode);
    expect(answers).toEqual([200, 403, 403, 403, 403]);
  });

  it("lets a focal point name their own member's delegation, within the quota, while planned", async () => {
    const fp = await focalPoint();
    const otherFp = await focalPoint();
    const [own, other] = [fp.memberCode as string, otherFp.memberCode as string];
    const meeting = await buildMeeting(ctx, { seatQuota: '1+2' });
    const unknown = await invite(meeting.id, [own, other, 'ZZZ']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ path: 'memberCodes.2', code: 'unknown_member', params: { code: 'ZZZ' } }),
    ]);
    const invited = await invite(meeting.id, [own, other]);
    expect(invited.json()).toEqual({ invited: [own, other], alreadyInvited: [] });
    expect((await invite(meeting.id, [own])).json()).toEqual({ invited: [], alreadyInvited: [own] });
    const url = `/api/v1/meetings/${meeting.id}/delegations/${own}`;
    const put = (user: TestUser | null, version: string | null, payload: unknown, target = url) =>
      ctx.app.inject({
        method: 'PUT',
        url: target,
        headers: as(user, version ? { 'if-match': version } : {}),
        payload: payload as object,
      });

    const delegation = {
      level: 'minister',
      head: { name: 'Laurent Fabius', title: 'Minister of Foreign Affairs' },
      alternates: [{ name: 'Ambassador A' }],
      advisers: [{ name: 'Adviser B', title: 'Counsellor' }],
    };
    expect((await put(null, '"1"', delegation)).statusCode).toBe(401);
    expect((await put(fp, null, delegation)).statusCode).toBe(428);
    expect((await put(otherFp, '"1"', delegation)).statusCode).toBe(403);
    expect((await put(observer, '"1"', delegation)).statusCode).toBe(403);
    const notInvited = (await buildMember(ctx)).code;
    expect(
      (await put(fp, '"1"', delegation, `/api/v1/meetings/${meeting.id}/delegations/${notInvited}`)).statusCode,
    ).toBe(404);

    const overQuota = await put(fp, '"1"', { ...delegation, advisers: [{ name: 'B' }, { name: 'C' }] });
    expect(overQuota.statusCode).toBe(400);
    expect(overQuota.json().detail).toContain('1+2');
    expect(overQuota.json().errors).toEqual([
      expect.objectContaining({ path: 'advisers', code: 'over_quota', params: { quota: '1+2', allowed: 2 } }),
    ]);

    const ok = await put(fp, '"1"', delegation);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      memberCode: own,
      level: 'minister',
      head: { name: 'Laurent Fabius' },
      version: 2,
    });
    expect(ok.json().delegates.map((d: { role: string }) => d.role)).toEqual(['head', 'alternate', 'adviser']);
    expect((await put(fp, '"1"', delegation)).statusCode).toBe(409);

    // Someone of another member, or one person twice, is refused.
    const fabius = ok.json().head.id;
    const twice = await put(fp, '"2"', {
      level: 'minister',
      head: { personId: fabius },
      alternates: [{ personId: fabius }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([
      expect.objectContaining({ path: 'alternates.0.personId', code: 'person_twice' }),
    ]);
    const foreigner = await buildPerson(ctx, { member: other });
    const foreign = await put(fp, '"2"', { level: 'minister', head: { personId: foreigner.id } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({
      path: 'head.personId',
      code: 'person_of_other_member',
      message: 'speaks for another member',
    });
    // Not even the secretariat can seat one member's official on another's delegation.
    const otherUrl = `/api/v1/meetings/${meeting.id}/delegations/${other}`;
    const clash = await put(secretariat, '"1"', { level: null, head: { personId: fabius } }, otherUrl);
    expect(clash.statusCode).toBe(400);

    // Once the meeting is held, the focal point can no longer change it; the secretariat can.
    const held = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${meeting.id}`,
      headers: as(secretariat, { 'if-match': `"${meeting.version}"` }),
      payload: { status: 'held' },
    });
    expect(held.statusCode).toBe(200);
    const closed = await put(fp, '"2"', { level: 'ambassador', head: { personId: fabius } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'conflict', reason: 'meeting_closed', params: { status: 'held' } });
    expect((await put(secretariat, '"2"', { level: 'ambassador', head: { personId: fabius } })).statusCode).toBe(200);
  });

  it('leaves nothing behind when a delegation fails after creating the new people it names', async () => {
    const [a, b] = [await buildMember(ctx), await buildMember(ctx)];
    const meeting = await buildMeeting(ctx, { invite: [a.code] });
    // Someone seated for B, who has since moved to A's service: the registry keeps one row per person.
    const moved = await buildPerson(ctx, { member: b.code });
    await buildDelegation(ctx, { meeting: meeting.id, member: b.code, named: { head: { personId: moved.id } } });
    await ctx.database.db.update(people).set({ memberId: a.id }).where(eq(people.id, moved.id));

    const before = await databaseSnapshot(ctx.database);
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/delegations/${a.code}`,
      headers: as(secretariat, { 'if-match': '"1"' }),
      // The head is new: the service creates that person (and audits it) before it finds that the
      // alternate already sits on B's delegation.
      payload: { level: 'minister', head: { name: 'Brand New Envoy' }, alternates: [{ personId: moved.id }] },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toContain(b.code);
    expect(res.json()).toMatchObject({ code: 'conflict', reason: 'seated_elsewhere', params: { members: b.code } });
    expect(await ctx.database.db.select().from(people).where(eq(people.name, 'Brand New Envoy'))).toEqual([]);
    expect(await databaseSnapshot(ctx.database)).toEqual(before);
  });

  it('records attendance (secretariat) and shows the roll', async () => {
    const fp = await focalPoint();
    const [x, y] = [await buildMember(ctx), await buildMember(ctx)];
    const meeting = await buildMeeting(ctx, { invite: [fp.memberCode as string, x.code, y.code] });
    const url = `/api/v1/meetings/${meeting.id}/attendance/${fp.memberCode}`;
    const put = (user: TestUser | null, version: string | null, payload: unknown) =>
      ctx.app.inject({
        method: 'PUT',
        url,
        headers: as(user, version ? { 'if-match': version } : {}),
        payload: payload as object,
      });
    expect((await put(null, '"1"', { attendance: 'present' })).statusCode).toBe(401);
    expect((await put(fp, '"1"', { attendance: 'present' })).statusCode).toBe(403);
    expect((await put(secretariat, '"1"', { attendance: 'here' })).statusCode).toBe(400);
    expect((await put(secretariat, null, { attendance: 'present' })).statusCode).toBe(428);
    const ok = await put(secretariat, '"1"', { attendance: 'present', note: 'Arrived at 10:15' });
    expect(ok.statusCode).toBe(200);
    expect((await put(secretariat, '"1"', { attendance: 'absent' })).statusCode).toBe(409);
    const roll = (await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}/attendance` })).json();
    expect(roll).toMatchObject({ present: 1, invited: 3 });
    expect(roll.items.find((i: { memberCode: string }) => i.memberCode === fp.memberCode)).toMatchObject({
      attendance: 'present',
      attendanceNote: 'Arrived at 10:15',
    });
    const audit = (await ctx.app.inject({ url: '/api/v1/audit?limit=1', headers: as(secretariat) })).json().items[0];
    expect(audit).toMatchObject({
      action: 'attendance.recorded',
      actorEmail: secretariat.email,
      before: { attendance: 'unknown' },
      after: { attendance: 'present' },
    });
  });

  describe('attendance is recorded once the meeting has begun in its own zone, or is held', () => {
    const attend = (meetingId: string, code: string, version: number, payload: object) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/meetings/${meetingId}/attendance/${code}`,
        headers: as(secretariat, { 'if-match': `"${version}"` }),
        payload,
      });

    it('refuses a meeting yet to come (409 meeting_not_started), changing nothing', async () => {
      // 23:30 UTC on 15 June: still the 15th in New York, so a meeting there from the 16th has not begun.
      const member = await buildMember(ctx);
      const meeting = await buildMeeting(ctx, {
        timeZone: 'America/New_York',
        startDate: '2030-06-16',
        endDate: '2030-06-17',
        invite: [member.code],
      });
      const before = await databaseSnapshot(ctx.database);
      const res = await attend(meeting.id, member.code, 1, { attendance: 'present' });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'conflict',
        reason: 'meeting_not_started',
        params: { startDate: '2030-06-16' },
      });
      expect(await databaseSnapshot(ctx.database)).toEqual(before);
      // Years ahead: the same.
      const far = await buildMeeting(ctx, { startDate: '2031-01-10', invite: [member.code] });
      expect((await attend(far.id, member.code, 1, { attendance: 'absent' })).json()).toMatchObject({
        reason: 'meeting_not_started',
      });
    });

    it("allows the first day in the meeting's zone, and a meeting marked held whatever its dates", async () => {
      const member = await buildMember(ctx);
      // Already the 16th in Brussels at 23:30 UTC on the 15th.
      const today = await buildMeeting(ctx, { startDate: '2030-06-16', endDate: '2030-06-16', invite: [member.code] });
      const ok = await attend(today.id, member.code, 1, { attendance: 'present' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ attendance: 'present', version: 2 });
      const held = await buildMeeting(ctx, { startDate: '2031-01-10', status: 'held', invite: [member.code] });
      const recorded = await attend(held.id, member.code, 1, { attendance: 'absent' });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json()).toMatchObject({ attendance: 'absent' });
    });

    it("replaces the seed's inferred note, which the audit trail keeps; a note of the sources stays", async () => {
      const [a, b] = [await buildMember(ctx), await buildMember(ctx)];
      const meeting = await buildMeeting(ctx, { status: 'held', invite: [a.code, b.code] });
      // The delegation as the seed leaves it: attendance unknown, inferred from the 60-partner count.
      expect(
        (await attend(meeting.id, a.code, 1, { attendance: 'unknown', note: INFERRED_ATTENDANCE_NOTE })).statusCode,
      ).toBe(200);
      const res = await attend(meeting.id, a.code, 2, { attendance: 'present' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ attendance: 'present', attendanceNote: null });
      const audit = (await ctx.app.inject({ url: '/api/v1/audit?limit=1', headers: as(secretariat) })).json().items[0];
      expect(audit).toMatchObject({
        action: 'attendance.recorded',
        before: { attendance: 'unknown', attendanceNote: INFERRED_ATTENDANCE_NOTE },
        after: { attendance: 'present', attendanceNote: null },
      });
      // Any other note (a source, the secretariat's own) is kept when none is sent.
      await attend(meeting.id, b.code, 1, { attendance: 'present', note: 'Named in the joint statement' });
      expect((await attend(meeting.id, b.code, 2, { attendance: 'absent' })).json()).toMatchObject({
        attendance: 'absent',
        attendanceNote: 'Named in the joint statement',
      });
    });
  });

  it('refuses invitations and attendance for a cancelled meeting, saying so', async () => {
    const [a, b] = [await buildMember(ctx), await buildMember(ctx)];
    const meeting = await buildMeeting(ctx, { status: 'cancelled', invite: [a.code] });
    const invited = await invite(meeting.id, [b.code]);
    expect(invited.statusCode).toBe(409);
    expect(invited.json()).toMatchObject({ code: 'conflict', reason: 'meeting_cancelled' });
    const attended = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/attendance/${a.code}`,
      headers: as(secretariat, { 'if-match': '"1"' }),
      payload: { attendance: 'present' },
    });
    expect(attended.statusCode).toBe(409);
    expect(attended.json()).toMatchObject({ code: 'conflict', reason: 'meeting_cancelled' });
  });

  it('records remarks with quotes (secretariat), shown on the meeting page', async () => {
    const meeting = await buildMeeting(ctx);
    const speaker = await buildPerson(ctx);
    const url = `/api/v1/meetings/${meeting.id}/remarks`;
    const body = { personId: speaker.id, context: 'Opening remarks', quotes: [{ text: 'We are united.' }] };
    expect(
      (await ctx.app.inject({ method: 'POST', url, headers: as(await focalPoint()), payload: body })).statusCode,
    ).toBe(403);
    const ok = await ctx.app.inject({ method: 'POST', url, headers: as(secretariat), payload: body });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().remarks[0]).toMatchObject({
      person: { name: speaker.name },
      context: 'Opening remarks',
      quotes: [{ text: 'We are united.' }],
    });
  });

  it('lists upcoming meetings soonest first and past ones latest first, by the day where each is held', async () => {
    // NOW is 15 June 23:30 UTC: 16 June in Brussels, 15 June in New York.
    const m = (title: string, startDate: string, extra: Record<string, unknown> = {}) =>
      buildMeeting(ctx, { title, startDate, ...extra });
    const brusselsToday = await m('Brussels, 16 June', '2030-06-16');
    const brusselsYesterday = await m('Brussels, 15 June', '2030-06-15');
    const newYorkToday = await m('New York, 15 June', '2030-06-15', { timeZone: 'America/New_York' });
    const nextYear = await m('Next year', '2031-01-20');
    const heldEarly = await m('Marked held', '2031-02-01', { status: 'held' });
    const ours = new Set([brusselsToday, brusselsYesterday, newYorkToday, nextYear, heldEarly].map((x) => x.id));
    const ids = async (query: string) =>
      (await ctx.app.inject({ url: `/api/v1/meetings?${query}` }))
        .json()
        .items.map((x: { id: string }) => x.id)
        .filter((id: string) => ours.has(id));

    expect(await ids('when=upcoming')).toEqual([newYorkToday.id, brusselsToday.id, nextYear.id]);
    expect(await ids('when=past')).toEqual([heldEarly.id, brusselsYesterday.id]);

    // The demo's 22 meetings are long past: latest first.
    const past = (await ctx.app.inject({ url: '/api/v1/meetings?when=past' })).json().items;
    const demo = past.filter((x: { startDate: string }) => x.startDate < '2016-01-01');
    expect(demo).toHaveLength(22);
    expect(demo[0].startDate).toBe('2015-11-04');
    expect(demo[21].startDate).toBe('2014-09-05');
  });

  it('filters by kind, and refuses a bad filter or id', async () => {
    const ministerial = await buildMeeting(ctx, { kind: 'ministerial' });
    const group = await buildMeeting(ctx, { kind: 'small_group' });
    const items = (await ctx.app.inject({ url: '/api/v1/meetings?kind=ministerial' })).json().items;
    expect(items.every((x: { kind: string }) => x.kind === 'ministerial')).toBe(true);
    const found = items.map((x: { id: string }) => x.id);
    expect(found).toContain(ministerial.id);
    expect(found).not.toContain(group.id);
    expect((await ctx.app.inject({ url: '/api/v1/meetings?when=soon' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/api/v1/meetings/not-a-uuid' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/api/v1/meetings/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
      404,
    );
  });
});
