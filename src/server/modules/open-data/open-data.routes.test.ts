import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATASETS } from '../../../shared/enums.js';
import type { DatasetColumn, DatasetRow, OpenDataCatalog } from '../../../shared/open-data.js';
import { fixedClock } from '../../lib/clock.js';
import {
  buildAdoptedStatement,
  buildDelegation,
  buildMeeting,
  buildMember,
  signedInUser,
} from '../../test/factories.js';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { buildIndicator, buildPeriod, buildReport } from '../../test/progress-factories.js';
import { indicatorValuesDataset } from '../progress/indicator-values.dataset.js';

// biome-ignore lint/suspicious/noExplicitAny: the API's answers, read loosely as a client would
type Item = Record<string, any>;
type Json = { items: Item[] };

/** The CSV parsed back to the JSON's values: empty is null, numbers are numbers, by the columns' types. */
function parseCsv(body: string, columns: DatasetColumn[]): DatasetRow[] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(body.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...records] = parsed.data;
  expect(header).toEqual(columns.map((c) => c.name));
  return records.map((record) =>
    Object.fromEntries(
      columns.map((c, i) => {
        const text = record[i] ?? '';
        if (text === '') return [c.name, null];
        if (c.type === 'integer' || c.type === 'number') return [c.name, Number(text)];
        if (c.type === 'boolean') return [c.name, text === 'true'];
        return [c.name, text];
      }),
    ),
  );
}

describe.each(engines)('open data on %s', (engine) => {
  let ctx: TestContext;
  let catalog: OpenDataCatalog;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ url, headers });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res;
  };
  const getJson = async (url: string) => (await get(url)).json();
  const columnsOf = (name: string) => catalog.datasets.find((d) => d.name === name)?.columns ?? [];
  /** The dataset's JSON items, after checking the CSV parses back to the same rows. */
  async function download(name: string): Promise<DatasetRow[]> {
    const json = await get(`/api/v1/open-data/${name}.json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(json.body) as { dataset: string; columns: string[]; items: DatasetRow[] };
    expect(body.dataset).toBe(name);
    expect(body.columns).toEqual(columnsOf(name).map((c) => c.name));
    for (const item of body.items) expect(Object.keys(item)).toEqual(body.columns);
    const csv = await get(`/api/v1/open-data/${name}.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="entente-${name}.csv"`);
    expect(parseCsv(csv.body, columnsOf(name))).toEqual(body.items);
    return body.items;
  }

  // Records the public must never see, each with a title found nowhere else.
  const leaks: string[] = [];
  const meetingLeaks: string[] = [];
  let leakMember: string;
  const leak = (what: string) => {
    const title = `Leak-${what}-${randomUUID()}`;
    leaks.push(title);
    return title;
  };

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock('2031-06-01T09:00:00Z') });
    const member = await buildMember(ctx);
    leakMember = member.code;
    // Meetings: coalition-only and restricted, each with a delegation.
    for (const visibility of ['coalition', 'restricted'] as const) {
      const meeting = await buildMeeting(ctx, {
        title: meetingLeaks[meetingLeaks.push(leak(`meeting-${visibility}`)) - 1],
        visibility,
        restrictedTo: visibility === 'restricted' ? [member.code] : [],
      });
      await buildDelegation(ctx, { meeting: meeting.id, member: member.code, named: { head: { name: leak('head') } } });
      await buildAdoptedStatement(ctx, {
        title: leak(`statement-${visibility}`),
        visibility,
        restrictedTo: visibility === 'restricted' ? [member.code] : [],
      });
    }
    // A public statement whose title XML must escape.
    await buildAdoptedStatement(ctx, { title: `Tom & Jerry's <"quoted"> statement` });
    // Values: a coalition indicator's approved value, a public indicator's draft and submitted ones.
    const hidden = await buildIndicator(ctx, { visibility: 'coalition', key: `leak_${randomUUID().slice(0, 8)}` });
    leaks.push(hidden.key);
    const open = await buildIndicator(ctx);
    const period = await buildPeriod(ctx);
    const other = await buildMember(ctx);
    const third = await buildMember(ctx);
    await buildReport(ctx, {
      period: period.period,
      member: member.code,
      values: [
        { indicator: hidden.key, value: 1, note: leak('hidden-value') },
        { indicator: open.key, value: 2, note: 'Approved, with "quotes", commas\nand a line break' },
      ],
      state: 'approved',
    });
    await buildReport(ctx, {
      period: period.period,
      member: other.code,
      values: [{ indicator: open.key, value: 3, note: leak('draft-value') }],
      state: 'draft',
    });
    await buildReport(ctx, {
      period: period.period,
      member: third.code,
      values: [{ indicator: open.key, value: 4, note: leak('submitted-value') }],
      state: 'submitted',
    });
    catalog = await getJson('/api/v1/open-data');
    // The demo coalition and a dozen records through the API: slow on a busy machine.
  }, 240_000);
  afterAll(() => ctx?.close());

  it('lists every dataset with its columns, its downloads and its API list, and the feeds', async () => {
    // The sources dataset comes with the register of sources (registered at merge): every other, in order.
    const without = (names: readonly string[]) => names.filter((n) => n !== 'sources');
    expect(without(catalog.datasets.map((d) => d.name))).toEqual(without(OPEN_DATASETS));
    for (const d of catalog.datasets) {
      expect(d.csv).toBe(`/api/v1/open-data/${d.name}.csv`);
      expect(d.json).toBe(`/api/v1/open-data/${d.name}.json`);
      expect(d.description.length).toBeGreaterThan(20);
      const names = d.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of d.columns) {
        expect(c.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(c.description.length).toBeGreaterThan(5);
      }
    }
    expect(catalog.feeds).toEqual([
      { name: 'statements', url: '/feeds/statements.atom', type: 'application/atom+xml' },
      { name: 'calendar', url: '/api/v1/calendar.ics', type: 'text/calendar' },
      { name: 'openapi', url: '/api/docs/json', type: 'application/json' },
    ]);
    expect((await ctx.app.inject({ url: '/api/docs/json' })).statusCode).toBe(200);
  });

  it('answers 404 problem+json for a dataset or a format that does not exist', async () => {
    for (const file of ['nothing.csv', 'members.xml', 'members', 'MEMBERS.csv', 'sources-x.json']) {
      const res = await ctx.app.inject({ url: `/api/v1/open-data/${file}` });
      expect(res.statusCode, file).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('members: the registry, row for row', async () => {
    const api: Json = await getJson('/api/v1/members');
    expect(await download('members')).toEqual(
      api.items.map((m) => ({
        id: m.id,
        code: m.code,
        kind: m.kind,
        name_en: m.names.en,
        name_fr: m.names.fr,
        name_ar: m.names.ar,
        status: m.status,
        joined_on: m.joinedOn,
        left_on: m.leftOn,
        updated_at: m.updatedAt,
      })),
    );
  });

  it('meetings and delegations: the public meetings, row for row', async () => {
    const api: Json = await getJson('/api/v1/meetings');
    expect(api.items.length).toBeGreaterThan(0);
    expect(await download('meetings')).toEqual(
      api.items.map((m) => ({
        id: m.id,
        kind: m.kind,
        title: m.title,
        working_language: m.workingLanguage,
        status: m.status,
        host_code: m.hostCode,
        city: m.city,
        venue: m.venue,
        time_zone: m.timeZone,
        date_precision: m.datePrecision,
        start_date: m.startDate,
        end_date: m.endDate,
        starts_at: m.startsAt,
        ends_at: m.endsAt,
      })),
    );
    const expected: DatasetRow[] = [];
    for (const summary of api.items) {
      const meeting = await getJson(`/api/v1/meetings/${summary.id}`);
      meeting.delegations.forEach((d: Item, i: number) => {
        expected.push({
          meeting_id: meeting.id,
          position: i + 1,
          member_code: d.memberCode,
          member_name: d.memberNames.en,
          head_of_delegation: d.head?.name ?? null,
          level: d.level,
          delegates: d.delegates.length,
          attendance: d.attendance,
          attendance_note: d.attendanceNote,
        });
      });
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(await download('delegations')).toEqual(expected);
  });

  it('statements and decisions: the adopted public ones, row for row', async () => {
    const api: Json = await getJson('/api/v1/statements?status=adopted');
    const expected: DatasetRow[] = [];
    for (const s of api.items) {
      const { adoption } = await getJson(`/api/v1/statements/${s.id}`);
      expected.push({
        id: s.id,
        kind: s.kind,
        title: s.title,
        language: s.language,
        meeting_id: s.meetingId,
        adopted_on: s.adoptedOn,
        decision_number: s.decisionNumber,
        method: adoption.method,
        // A meeting's consensus names no member: an empty field, null once parsed back.
        member_codes: adoption.members.map((m: Item) => m.code).join(';') || null,
        updated_at: s.updatedAt,
      });
    }
    const rows = await download('statements');
    expect(rows).toEqual(expected);
    expect(rows.some((r) => r.title === `Tom & Jerry's <"quoted"> statement`)).toBe(true);

    const decisions: Json = await getJson('/api/v1/decisions');
    expect(decisions.items.length).toBeGreaterThan(0);
    expect(await download('decisions')).toEqual(
      decisions.items.map((d) => ({
        id: d.id,
        number: d.number,
        title: d.title,
        language: d.language,
        method: d.method,
        statement_id: d.statementId,
        text_version: d.textVersion,
        meeting_id: d.meetingId,
        adopted_on: d.adoptedOn,
        follow_ups: d.followUps.length,
      })),
    );
  });

  it('indicator values: the approved values of the public indicators, row for row', async () => {
    const indicators: Json = await getJson('/api/v1/indicators');
    const expected: DatasetRow[] = [];
    for (const indicator of indicators.items.toSorted((a, b) => (a.key < b.key ? -1 : 1))) {
      const values = await getJson(`/api/v1/indicators/${indicator.key}/values?limit=1000`);
      expect(values.truncated).toBe(false);
      for (const v of values.items) {
        expected.push({
          indicator_key: indicator.key,
          period: v.period,
          member_code: v.member.code,
          member_name: v.member.names.en,
          category: v.category,
          value: v.value,
          unit: indicator.unit,
          note: v.note,
          approved_at: v.approvedAt,
          unit_fr: indicator.unitTranslations.fr ?? null,
          unit_ar: indicator.unitTranslations.ar ?? null,
        });
      }
    }
    const rows = await download('indicator-values');
    expect(rows).toEqual(expected);
    expect(rows.some((r) => r.note === 'Approved, with "quotes", commas\nand a line break')).toBe(true);
    // The demo's units are translated: the French and Arabic columns are filled.
    expect(rows.find((r) => r.unit === 'strikes')).toMatchObject({ unit_fr: 'frappes', unit_ar: 'غارات' });
  });

  it('pledges: as the pledges API gives them, row for row', async () => {
    const api: Json = await getJson('/api/v1/pledges');
    expect(api.items.length).toBeGreaterThan(0);
    expect(await download('pledges')).toEqual(
      api.items.map((p) => ({
        id: p.id,
        member_code: p.member.code,
        member_name: p.member.names.en,
        line_of_effort: p.lineOfEffort,
        kind: p.kind,
        status: p.status,
        amount_minor: p.amountMinor,
        currency: p.currency,
        minor_digits: p.minorDigits,
        committed_minor: p.committedMinor,
        disbursed_minor: p.disbursedMinor,
        usd: p.usd?.usd ?? null,
        value_date: p.valueDate,
        description: p.description,
        quantity: p.quantity,
        unit: p.unit,
        updated_at: p.updatedAt,
      })),
    );
  });

  it('never carries a coalition-only or restricted record, nor a value not approved, even to the secretariat', async () => {
    const secretariat = await signedInUser(ctx, 'secretariat');
    for (const d of catalog.datasets) {
      for (const url of [d.csv, d.json]) {
        for (const headers of [{}, { cookie: secretariat.cookie }] as Record<string, string>[]) {
          const { body } = await get(url, headers);
          for (const title of leaks) expect(body, `${url} carries ${title}`).not.toContain(title);
        }
      }
    }
    // The leaks are there, for those who may see them: the test would pass for nothing otherwise.
    const all = JSON.stringify([
      (await ctx.app.inject({ url: '/api/v1/meetings', headers: { cookie: secretariat.cookie } })).json(),
      (await ctx.app.inject({ url: '/api/v1/statements', headers: { cookie: secretariat.cookie } })).json(),
    ]);
    for (const title of leaks.filter((t) => /meeting|statement/.test(t))) expect(all).toContain(title);
  });

  it('keeps the calendar honest: the public one carries no hidden meeting; a private link carries what its user may see', async () => {
    const summaries = (body: string) =>
      new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    const publicCalendar = summaries((await get('/api/v1/calendar.ics')).body);
    expect(publicCalendar.length).toBeGreaterThan(0);
    for (const title of leaks) expect(publicCalendar).not.toContain(title);
    const privateCalendar = async (user: { cookie: string }) => {
      const link = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/me/calendar-link',
        headers: { cookie: user.cookie },
      });
      expect(link.statusCode).toBe(201);
      // Fetched as a calendar app fetches it: no session, the token alone.
      return summaries((await get(link.json().path)).body);
    };
    const secretariat = await privateCalendar(await signedInUser(ctx, 'secretariat'));
    for (const title of meetingLeaks) expect(secretariat).toContain(title);
    // The invited member's focal point sees both its meetings; another member's, neither.
    const invited = await privateCalendar(await signedInUser(ctx, 'focal_point', { member: leakMember }));
    for (const title of meetingLeaks) expect(invited).toContain(title);
    const stranger = await privateCalendar(await signedInUser(ctx, 'focal_point'));
    for (const title of meetingLeaks) expect(stranger).not.toContain(title);
  });

  it('compresses a download as it streams when the client takes it', async () => {
    const raw = await get('/api/v1/open-data/members.csv');
    const gz = await ctx.app.inject({ url: '/api/v1/open-data/members.csv', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(raw.body);
    expect(gz.rawPayload.length).toBeLessThan(raw.rawPayload.length);
  });

  it('serves the Atom feed of adopted public statements and decisions, newest first, as valid XML', async () => {
    const res = await get('/feeds/statements.atom');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    for (const title of leaks) expect(res.body).not.toContain(title);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (n) => n === 'entry' || n === 'link',
    }).parse(res.body);
    const feed = parsed.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^http:\/\/.+\/feeds\/statements\.atom$/);
    expect(typeof feed.title).toBe('string');
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(feed.link.find((l: Item) => l['@rel'] === 'self')['@href']).toBe(feed.id);
    expect(feed.author.name).toBeTruthy();
    const entries: Item[] = feed.entry;
    const adopted: Json = await getJson('/api/v1/statements?status=adopted');
    const decisions: Json = await getJson('/api/v1/decisions');
    expect(entries.length).toBe(Math.min(100, adopted.items.length + decisions.items.length));
    const ids = new Set([...adopted.items, ...decisions.items].map((x) => `urn:uuid:${x.id}`));
    for (const entry of entries) {
      expect(ids.has(entry.id)).toBe(true);
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(entry.link[0]['@href']).toMatch(/^http:\/\/.+\/statements\/[0-9a-f-]{36}$/);
      expect(String(entry.summary).length).toBeGreaterThan(0);
      expect(entry.title['#text'] ?? entry.title).toBeTruthy();
    }
    const times = entries.map((e) => Date.parse(e.updated));
    expect(times).toEqual(times.toSorted((a, b) => b - a));
    expect(feed.updated).toBe(entries[0].updated);
    // Escaped, and read back as written.
    expect(entries.map((e) => e.title['#text'])).toContain(`Tom & Jerry's <"quoted"> statement`);
    // The same feed again is the same ETag: a reader polling it gets a 304.
    const again = await ctx.app.inject({
      url: '/feeds/statements.atom',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe.each(engines)('a large dataset on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false });
  });
  afterAll(() => ctx?.close());

  it('streams 5,000 approved values, read a page of 1,000 at a time, complete and in order', async () => {
    const indicator = await buildIndicator(ctx);
    const members = [];
    for (let i = 0; i < 50; i++) members.push((await buildMember(ctx)).code);
    // 100 months × 50 members, approved, written by SQL as an import would.
    for (const statement of [
      `insert into reporting_periods (period, type, starts_on, ends_on, closes_on)
       select to_char(d, 'YYYY-MM'), 'month', d::date, (d + interval '1 month' - interval '1 day')::date, '2999-12-31'
         from generate_series('2400-01-01'::date, '2408-04-01'::date, interval '1 month') as d`,
      `insert into reports (period, member_id, status)
       select p.period, m.id, 'approved' from reporting_periods p, members m where p.period like '240%'`,
      `insert into report_values (report_id, indicator_id, period, member_id, value, status, approved_value, approved_at)
       select r.id, '${indicator.id}', r.period, r.member_id, 1.5, 'approved', 1.5, '2031-01-01T00:00:00Z'
         from reports r where r.period like '240%'`,
    ]) {
      await ctx.database.db.execute(sql.raw(statement));
    }
    let pages = 0;
    const read: typeof ctx.database.read = (statement, params) => {
      if (statement.name.startsWith('open_data_values_')) pages += 1;
      return ctx.database.read(statement, params);
    };
    const dataset = indicatorValuesDataset({
      read,
      indicators: { listIndicators: async () => ({ items: [indicator] }) },
    });
    let count = 0;
    for await (const row of dataset.rows({ user: null, requestId: 't', ip: '127.0.0.1' })) {
      count += 1;
      expect(row.indicator_key).toBe(indicator.key);
    }
    expect(count).toBe(5000);
    expect(pages).toBe(6);

    const csv = await ctx.app.inject({ url: '/api/v1/open-data/indicator-values.csv' });
    const rows = Papa.parse<string[]>(csv.body.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows.length).toBe(5000);
    const keys = rows.map((r) => `${r[1]}|${r[2]}`);
    expect(new Set(keys).size).toBe(5000);
    // Newest period first, then by member code, as the API's list.
    const sorted = rows.toSorted((a, b) =>
      a[1] === b[1] ? ((a[2] ?? '') < (b[2] ?? '') ? -1 : 1) : (a[1] ?? '') < (b[1] ?? '') ? 1 : -1,
    );
    expect(rows).toEqual(sorted);
  }, 120_000);
});
