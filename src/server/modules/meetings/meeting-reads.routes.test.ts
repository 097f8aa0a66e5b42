import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { buildDelegation, buildMeeting, buildMember, buildPerson, buildUser } from '../../test/factories.js';
import {
  createTestApp,
  engines,
  parseProblem,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';

const NOW = '2030-06-15T12:00:00Z';

/** A CSV file's rows as fields, by RFC 4180 (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the file does not end with CRLF');
  return rows;
}

describe.each(engines)('meeting reads (member delegations, CSV, list filters) on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let brusselsId: string;

  const as = (user: { cookie: string } | null) => (user ? { cookie: user.cookie } : {});
  const get = (url: string, user: { cookie: string } | null = null) => ctx.app.inject({ url, headers: as(user) });

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock(NOW) });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    const list = (await get('/api/v1/meetings')).json().items;
    brusselsId = list.find((m: { startDate: string }) => m.startDate === '2014-12-03').id;
  });
  afterAll(() => ctx?.close());

  describe('GET /members/:code/delegations', () => {
    it("lists Iraq's delegations, latest first, with al-Abadi heading it at Brussels", async () => {
      const res = await get('/api/v1/members/irq/delegations');
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      const brussels = items.find((d: { meeting: { id: string } }) => d.meeting.id === brusselsId);
      expect(brussels).toMatchObject({
        meeting: { title: expect.any(String), startDate: '2014-12-03', city: 'Brussels' },
        head: { name: 'Haider al-Abadi' },
        level: 'head_of_state_or_government',
        attendance: 'present',
      });
      const dates = items.map((d: { meeting: { startDate: string } }) => d.meeting.startDate);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('shows each caller only the meetings they may see, and never alternates or advisers', async () => {
      const member = await buildMember(ctx);
      const listed = await buildUser(ctx, { role: 'focal_point', member: member.code });
      const other = await buildUser(ctx, { role: 'focal_point' });
      const seat = async (name: string) => ({ personId: (await buildPerson(ctx, { member: member.code, name })).id });
      const named = {
        level: 'minister' as const,
        head: await seat('Head Of Delegation'),
        alternates: [await seat('Secret Alternate')],
        advisers: [await seat('Secret Adviser')],
      };
      const open = await buildMeeting(ctx, { visibility: 'public', startDate: '2030-01-10' });
      const coalition = await buildMeeting(ctx, { visibility: 'coalition', startDate: '2030-02-10' });
      const restricted = await buildMeeting(ctx, {
        visibility: 'restricted',
        restrictedTo: [member.code],
        startDate: '2030-03-10',
      });
      for (const m of [open, coalition, restricted])
        await buildDelegation(ctx, { meeting: m.id, member: member.code, named });

      const seen = async (user: TestUser | null) => {
        const res = await get(`/api/v1/members/${member.code}/delegations`, user);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain('Secret');
        expect(res.json().items.every((d: { head: { name: string } }) => d.head.name === 'Head Of Delegation')).toBe(
          true,
        );
        return res.json().items.map((d: { meeting: { id: string } }) => d.meeting.id);
      };
      expect(await seen(null)).toEqual([open.id]);
      expect(await seen(observer)).toEqual([coalition.id, open.id]);
      expect(await seen(other)).toEqual([coalition.id, open.id]);
      expect(await seen(listed)).toEqual([restricted.id, coalition.id, open.id]);
      expect(await seen(secretariat)).toEqual([restricted.id, coalition.id, open.id]);
    });

    it('shows a change of attendance at once: a delegation write drops the cached list', async () => {
      const member = await buildMember(ctx);
      const meeting = await buildMeeting(ctx, { status: 'held' });
      const { delegation } = await buildDelegation(ctx, { meeting: meeting.id, member: member.code });
      const attendance = async () =>
        (await get(`/api/v1/members/${member.code}/delegations`)).json().items[0].attendance;
      expect(await attendance()).toBe('unknown');
      const res = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/meetings/${meeting.id}/attendance/${member.code}`,
        headers: { ...as(secretariat), 'if-match': `"${delegation.version}"` },
        payload: { attendance: 'absent' },
      });
      expect(res.statusCode).toBe(200);
      expect(await attendance()).toBe('absent');
    });

    it('answers an empty list for a member never invited, 404 for an unknown code, 400 for a bad one', async () => {
      const member = await buildMember(ctx);
      expect((await get(`/api/v1/members/${member.code}/delegations`)).json()).toEqual({ items: [] });
      const unknown = await get('/api/v1/members/ZZZ9/delegations');
      expect(unknown.statusCode).toBe(404);
      expect((await get('/api/v1/members/1-bad/delegations')).statusCode).toBe(400);
    });
  });

  describe('GET /meetings/:id/delegations.csv', () => {
    it('gives Brussels in protocol order, UTF-8 with a BOM, names in the asked language, as an attachment', async () => {
      const res = await get(`/api/v1/meetings/${brusselsId}/delegations.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="2014-12-03-[a-z0-9-]+-delegations\.csv"$/,
      );
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const rows = parseCsv(res.body.slice(1));
      expect(rows[0]).toEqual(['position', 'code', 'member', 'head', 'level', 'attendance', 'note']);
      expect(rows).toHaveLength(61);
      expect(rows[1].slice(0, 4)).toEqual(['1', 'USA', 'United States', 'John Kerry']);
      const page = (await get(`/api/v1/meetings/${brusselsId}`)).json();
      expect(rows.slice(1).map((r) => r[1])).toEqual(page.delegations.map((d: { memberCode: string }) => d.memberCode));
      expect(rows.find((r) => r[1] === 'IRQ')?.slice(3, 6)).toEqual([
        'Haider al-Abadi',
        'head_of_state_or_government',
        'present',
      ]);

      const ar = parseCsv((await get(`/api/v1/meetings/${brusselsId}/delegations.csv?lang=ar`)).body.slice(1));
      const iraq = page.delegations.find((d: { memberCode: string }) => d.memberCode === 'IRQ');
      expect(ar.find((r) => r[1] === 'IRQ')?.[2]).toBe(iraq.memberNames.ar);
      expect((await get(`/api/v1/meetings/${brusselsId}/delegations.csv?lang=de`)).statusCode).toBe(400);
    });

    it('quotes commas, quotes and line breaks (RFC 4180); the public gets no alternates or advisers', async () => {
      const member = await buildMember(ctx, {
        names: { en: 'Alpha, "Beta" & Co', fr: 'Alpha, « Bêta »', ar: 'ألفا، "بيتا"' },
      });
      const meeting = await buildMeeting(ctx, { visibility: 'public', title: 'Réunion à Genève, printemps' });
      const { delegation } = await buildDelegation(ctx, {
        meeting: meeting.id,
        member: member.code,
        named: {
          level: 'minister',
          head: { name: 'Head, Of "Delegation"' },
          alternates: [{ name: 'Secret Alternate' }],
        },
      });
      const attendance = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/meetings/${meeting.id}/attendance/${member.code}`,
        headers: { ...as(secretariat), 'if-match': `"${delegation.version}"` },
        payload: { attendance: 'present', note: 'Arrived late,\r\nleft "early"\nbefore lunch' },
      });
      expect(attendance.statusCode).toBe(200);

      const url = `/api/v1/meetings/${meeting.id}/delegations.csv`;
      const publicFile = await get(url);
      expect(publicFile.headers['content-disposition']).toBe(
        'attachment; filename="2030-03-12-reunion-a-geneve-printemps-delegations.csv"',
      );
      expect(publicFile.body).toContain('"Alpha, ""Beta"" & Co"');
      expect(publicFile.body).not.toContain('Secret');
      expect(parseCsv(publicFile.body.slice(1))).toEqual([
        ['position', 'code', 'member', 'head', 'level', 'attendance', 'note'],
        [
          '1',
          member.code,
          'Alpha, "Beta" & Co',
          'Head, Of "Delegation"',
          'minister',
          'present',
          'Arrived late,\r\nleft "early"\nbefore lunch',
        ],
      ]);

      for (const user of [observer, secretariat]) {
        const rows = parseCsv((await get(url, user)).body.slice(1));
        expect(rows[0]).toEqual([
          'position',
          'code',
          'member',
          'head',
          'level',
          'attendance',
          'note',
          'alternates',
          'advisers',
        ]);
        expect(rows[1].slice(7)).toEqual(['Secret Alternate', '']);
      }
    });

    it('answers 404 to whoever may not see the meeting, as the page does', async () => {
      const member = await buildMember(ctx);
      const listed = await buildUser(ctx, { role: 'focal_point', member: member.code });
      const restricted = await buildMeeting(ctx, { visibility: 'restricted', restrictedTo: [member.code] });
      const coalition = await buildMeeting(ctx, { visibility: 'coalition' });
      const csv = (id: string, user: TestUser | null) => get(`/api/v1/meetings/${id}/delegations.csv`, user);
      for (const who of [null, observer]) expect((await csv(restricted.id, who)).statusCode).toBe(404);
      for (const who of [listed, secretariat]) expect((await csv(restricted.id, who)).statusCode).toBe(200);
      expect((await csv(coalition.id, null)).statusCode).toBe(404);
      expect((await csv(coalition.id, observer)).statusCode).toBe(200);
      expect((await csv('00000000-0000-4000-8000-000000000000', secretariat)).statusCode).toBe(404);
      expect((await get('/api/v1/meetings/not-an-id/delegations.csv')).statusCode).toBe(400);
    });
  });

  describe('GET /meetings with q, year, city, member, limit', () => {
    const ids = async (query: string, user: TestUser | null = null) => {
      const res = await get(`/api/v1/meetings?${query}`, user);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((m: { id: string }) => m.id);
    };

    it('searches the title in any language and the city, folded, every word', async () => {
      const geneva = await buildMeeting(ctx, {
        title: 'Stabilisation working group',
        titleTranslations: { fr: 'Groupe de travail sur la stabilisation' },
        city: 'Genève',
        startDate: '2029-05-04',
      });
      const other = await buildMeeting(ctx, {
        title: 'Stabilisation in Erbil',
        city: 'Erbil',
        startDate: '2029-05-05',
      });
      const ours = async (query: string) =>
        (await ids(query)).filter((id: string) => [geneva.id, other.id].includes(id));
      expect(await ours('q=GENEVE')).toEqual([geneva.id]);
      expect(await ours('q=groupe%20stabilisation')).toEqual([geneva.id]);
      expect(await ours('q=stabilisation')).toEqual([geneva.id, other.id]);
      expect(await ours('q=stabilisation%20erbil')).toEqual([other.id]);
      expect(await ids('q=stabilisation%20erbil%20geneve')).toEqual([]);
      expect(await ids('city=geneve')).toEqual([geneva.id]);
      expect(await ids('city=gen')).toEqual([]);
    });

    it('filters by year, including a meeting that runs into it, and by an invited member', async () => {
      const years = (await ids('year=2014')).length;
      expect(years).toBeGreaterThan(0);
      const list = (await get('/api/v1/meetings?year=2014')).json().items;
      expect(list.every((m: { startDate: string }) => m.startDate.startsWith('2014'))).toBe(true);
      const newYear = await buildMeeting(ctx, { startDate: '2027-12-31', endDate: '2028-01-01' });
      expect(await ids('year=2027')).toContain(newYear.id);
      expect(await ids('year=2028')).toContain(newYear.id);
      expect(await ids('year=2026')).not.toContain(newYear.id);

      const iraq = await ids('member=irq&year=2014');
      expect(iraq).toContain(brusselsId);
      const member = await buildMember(ctx);
      const invited = await buildMeeting(ctx, { invite: [member.code] });
      expect(await ids(`member=${member.code}`)).toEqual([invited.id]);
      // A hidden meeting stays hidden, whatever the filter.
      const hidden = await buildMeeting(ctx, { visibility: 'coalition', invite: [member.code] });
      expect(await ids(`member=${member.code}`)).toEqual([invited.id]);
      expect(new Set(await ids(`member=${member.code}`, observer))).toEqual(new Set([invited.id, hidden.id]));
    });

    it('gives the first `limit` of the order: the soonest upcoming, the latest past', async () => {
      const past = (await get('/api/v1/meetings?when=past')).json().items;
      expect((await get('/api/v1/meetings?when=past&limit=3')).json().items).toEqual(past.slice(0, 3));
      const upcoming = (await get('/api/v1/meetings?when=upcoming')).json().items;
      expect((await get('/api/v1/meetings?when=upcoming&limit=2')).json().items).toEqual(upcoming.slice(0, 2));
    });

    it('refuses bad filters field by field', async () => {
      const problem = async (query: string) => {
        const res = await get(`/api/v1/meetings?${query}`);
        expect(res.statusCode).toBe(400);
        return parseProblem(res.body).errors?.map((e) => [e.path, e.code]);
      };
      expect(await problem('year=twenty')).toEqual([['year', 'invalid_type']]);
      expect(await problem('year=1066')).toEqual([['year', 'too_small']]);
      expect(await problem('limit=0')).toEqual([['limit', 'too_small']]);
      expect(await problem('limit=500')).toEqual([['limit', 'too_big']]);
      expect(await problem(`q=${'x'.repeat(101)}`)).toEqual([['q', 'too_long']]);
      expect(await problem('member=ZZZ9')).toEqual([['member', 'unknown_member']]);
      expect(await problem('member=1-bad')).toEqual([['member', 'invalid_format']]);
    });
  });
});
