import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { buildMember, buildUser } from '../../test/factories.js';
import {
  createTestApp,
  databaseSnapshot,
  engines,
  parseProblem,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';
import {
  buildImportIndicator,
  buildImportPeriod,
  buildLineOfEffort,
  multipartBody,
} from '../../test/progress-factories.js';

const as = (user: { cookie: string } | null) => (user ? { cookie: user.cookie } : {});
const csv = (rows: string[][]) =>
  `${rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n')}\n`;
const HEADER = ['period', 'member', 'indicator', 'category', 'value', 'note', 'status'];

/** The whole database but the imports' own bookkeeping (their rows and audit events). */
const withoutBookkeeping = ({ imports: _i, audit_events: _a, ...rest }: Record<string, string[]>) => rest;

describe.each(engines)('imports and exports on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let focal: TestUser & { memberCode: string | null };
  let otherMember: string;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock('2030-06-15T12:00:00Z') });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    focal = await buildUser(ctx, { role: 'focal_point' });
    otherMember = (await buildMember(ctx)).code;
  });
  afterAll(() => ctx?.close());

  const upload = (
    user: { cookie: string } | null,
    kind: string,
    content: string | Buffer,
    name = 'file.csv',
    fields: Record<string, string> = {},
  ) => {
    const body = multipartBody({ kind, ...fields }, { name, content });
    return ctx.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...as(user), ...body.headers },
      payload: body.payload,
    });
  };
  const download = (user: { cookie: string } | null, file: string, query = '') =>
    ctx.app.inject({ url: `/api/v1/exports/${file}${query}`, headers: as(user) });

  /** A period, an indicator without categories and one with, and a CSV of `count` values of the focal point's member. */
  async function scene(count = 3) {
    const period = await buildImportPeriod(ctx);
    const plain = await buildImportIndicator(ctx);
    const split = await buildImportIndicator(ctx, { categories: ['oil', 'tax'] });
    const rows = [
      [period.period, focal.memberCode as string, plain.key, '', '10', 'first', ''],
      [period.period, focal.memberCode as string, split.key, 'oil', '2.5', '', 'approved'],
      [period.period, otherMember, split.key, 'tax', '7', 'a note, with a comma', 'draft'],
    ].slice(0, count);
    return { period, plain, split, rows };
  }

  it('imports values as the secretariat: approved figures, reports, rollups, one audit event', async () => {
    const { period, plain, split, rows } = await scene();
    const res = await upload(secretariat, 'values', csv([HEADER, ...rows]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', rowsRead: 3, rowsWritten: 3, rowsCreated: 3, rowsUpdated: 0 });
    const values = (await ctx.database.db.execute(
      `select category, value::float8 as value, approved_value::float8 as approved, status, import_id from report_values where period = '${period.period}' order by value`,
    )) as unknown as {
      rows: { category: string; value: number; approved: number | null; status: string; import_id: string }[];
    };
    expect(values.rows).toEqual([
      { category: 'oil', value: 2.5, approved: 2.5, status: 'approved', import_id: res.json().id },
      { category: 'tax', value: 7, approved: null, status: 'draft', import_id: res.json().id },
      { category: '', value: 10, approved: 10, status: 'approved', import_id: res.json().id },
    ]);
    const reports = (await ctx.database.db.execute(
      `select status, version from reports where period = '${period.period}' order by status`,
    )) as unknown as { rows: { status: string; version: number }[] };
    expect(reports.rows).toEqual([
      { status: 'approved', version: 1 },
      { status: 'draft', version: 1 },
    ]);
    const rollups = (await ctx.database.db.execute(
      `select indicator_id, category, sum::float8 as sum from indicator_rollups where period = '${period.period}' order by sum, category`,
    )) as unknown as { rows: { indicator_id: string; category: string; sum: number }[] };
    expect(rollups.rows).toEqual([
      { indicator_id: split.id, category: '', sum: 2.5 },
      { indicator_id: split.id, category: 'oil', sum: 2.5 },
      { indicator_id: plain.id, category: '', sum: 10 },
    ]);
    const trail = await ctx.app.inject({ url: `/api/v1/audit?entityId=${res.json().id}`, headers: as(secretariat) });
    expect(trail.json().items).toEqual([
      expect.objectContaining({
        action: 'import.completed',
        after: expect.objectContaining({ kind: 'values', created: 3 }),
      }),
    ]);
  });

  it('answers 400 listing the one bad line among many, and writes nothing', async () => {
    const { rows } = await scene();
    const many = Array.from({ length: 40 }, (_, i) => [rows[0][0], rows[0][1], rows[0][2], '', String(i), '', '']);
    // Line numbers: the header is 1, so the many rows are lines 2–41 (each a duplicate of the first after it).
    const others = await Promise.all(Array.from({ length: 30 }, () => buildImportIndicator(ctx)));
    const good = others.map((ind, i) => [rows[0][0], rows[0][1], ind.key, '', String(i), '', '']);
    const bad = [rows[0][0], rows[0][1], rows[0][2], '', 'twelve', '', ''];
    const before = await databaseSnapshot(ctx.database);
    const res = await upload(secretariat, 'values', csv([HEADER, ...good.slice(0, 2), bad, ...good.slice(2)]));
    expect(res.statusCode, res.body).toBe(400);
    const problem = parseProblem(res.body);
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: 'rows.4.value',
        code: 'not_a_number',
        params: expect.objectContaining({ line: 4 }),
      }),
    ]);
    expect(withoutBookkeeping(await databaseSnapshot(ctx.database))).toEqual(withoutBookkeeping(before));
    // Duplicates of one key in the file, and the errors counted past the first.
    const dup = await upload(secretariat, 'values', csv([HEADER, ...many]));
    expect(dup.statusCode).toBe(400);
    expect(parseProblem(dup.body).errors).toHaveLength(39);
    expect(parseProblem(dup.body).errors?.[0]).toMatchObject({ path: 'rows.3.indicator', code: 'value_twice' });
    expect(withoutBookkeeping(await databaseSnapshot(ctx.database))).toEqual(withoutBookkeeping(before));
  });

  it('checks each row as the API would: unknown member, indicator, period, category rules, period type, status', async () => {
    const { period, plain, split } = await scene();
    const month = await buildImportPeriod(ctx, { type: 'month' });
    const m = focal.memberCode as string;
    const res = await upload(
      secretariat,
      'values',
      csv([
        HEADER,
        [period.period, 'NOBODY9', plain.key, '', '1', '', ''],
        [period.period, m, 'no.such', '', '1', '', ''],
        ['2999', m, plain.key, '', '1', '', ''],
        [period.period, m, plain.key, 'oil', '1', '', ''],
        [period.period, m, split.key, '', '1', '', ''],
        [period.period, m, split.key, 'gas', '1', '', ''],
        [month.period, m, plain.key, '', '1', '', ''],
        [period.period, m, plain.key, '', '1', '', 'returned'],
        [period.period, m, split.key, 'oil', '1', '', 'maybe'],
        ['2030-13', m, plain.key, '', '1', '', ''],
      ]),
    );
    expect(res.statusCode, res.body).toBe(400);
    const codes = parseProblem(res.body).errors?.map((e) => [e.path, e.code]);
    expect(codes).toEqual([
      ['rows.2.member', 'unknown_member'],
      ['rows.3.indicator', 'unknown_indicator'],
      ['rows.4.period', 'unknown_period'],
      ['rows.5.category', 'no_categories'],
      ['rows.6.category', 'category_required'],
      ['rows.7.category', 'unknown_category'],
      ['rows.8.period', 'period_type_mismatch'],
      ['rows.10.status', 'invalid_value'],
      ['rows.11.period', 'period_format'],
    ]);
  });

  it('takes a focal point’s own drafts, and refuses other members, closed periods and statuses', async () => {
    const { period, plain, split } = await scene();
    const closed = await buildImportPeriod(ctx, { closesOn: '2030-01-01' });
    const m = focal.memberCode as string;
    const refused = await upload(
      focal,
      'values',
      csv([
        HEADER,
        [period.period, otherMember, plain.key, '', '1', '', ''],
        [closed.period, m, plain.key, '', '1', '', ''],
        [period.period, m, split.key, 'oil', '1', '', 'approved'],
      ]),
    );
    expect(refused.statusCode).toBe(400);
    expect(parseProblem(refused.body).errors?.map((e) => [e.path, e.code])).toEqual([
      ['rows.2.member', 'other_member'],
      ['rows.3.period', 'period_closed'],
      ['rows.4.status', 'invalid_value'],
    ]);
    const ok = await upload(focal, 'values', csv([HEADER, [period.period, m, plain.key, '', '4', 'mine', '']]));
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = await download(focal, 'values.csv', `?period=${period.period}`);
    expect(mine.body).toContain(`${period.period},${m},${plain.key},,4,mine,draft`);
    // Nobody else sees a draft.
    expect((await download(observer, 'values.csv', `?period=${period.period}`)).body.trim()).toBe(HEADER.join(','));
    // The secretariat's closed period is still theirs to write.
    const late = await upload(secretariat, 'values', csv([HEADER, [closed.period, m, plain.key, '', '1', '', '']]));
    expect(late.statusCode, late.body).toBe(200);
  });

  it('refuses observers (403) and the signed-out (401), and a file that is neither CSV nor XLSX', async () => {
    expect((await upload(observer, 'values', csv([HEADER]))).statusCode).toBe(403);
    expect((await upload(null, 'values', csv([HEADER]))).statusCode).toBe(401);
    const wrong = await upload(secretariat, 'values', 'x', 'notes.txt');
    expect(wrong.statusCode).toBe(400);
    expect(parseProblem(wrong.body).errors?.[0]).toMatchObject({ path: 'file', code: 'invalid_format' });
    const kind = await upload(secretariat, 'nothing', csv([HEADER]));
    expect(parseProblem(kind.body).errors?.[0]).toMatchObject({ path: 'kind' });
    const header = await upload(secretariat, 'values', csv([['period', 'member', 'colour']]));
    expect(parseProblem(header.body).errors?.map((e) => [e.path, e.code])).toEqual([
      ['rows.1.colour', 'unknown_field'],
      ['rows.1.indicator', 'required'],
      ['rows.1.value', 'required'],
    ]);
  });

  it('exports what each caller may see: approved public figures for the public, coalition ones for the signed-in', async () => {
    const period = await buildImportPeriod(ctx);
    const open = await buildImportIndicator(ctx);
    const closed = await buildImportIndicator(ctx, { visibility: 'coalition' });
    const m = focal.memberCode as string;
    await upload(
      secretariat,
      'values',
      csv([HEADER, [period.period, m, open.key, '', '1', 'n', ''], [period.period, m, closed.key, '', '2', '', '']]),
    );
    const pub = await download(null, 'values.csv', `?period=${period.period}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toContain('text/csv');
    expect(pub.headers['content-disposition']).toMatch(/^attachment; filename="entente-values-2030-06-15\.csv"$/);
    expect(pub.body.trim().split('\r\n')).toEqual([HEADER.join(','), `${period.period},${m},${open.key},,1,,approved`]);
    const seen = await download(observer, 'values.csv', `?period=${period.period}`);
    expect(seen.body.trim().split('\r\n')).toHaveLength(3);
    expect((await download(null, 'values.pdf')).statusCode).toBe(404);
    expect((await download(null, 'values.csv', '?period=soon')).statusCode).toBe(400);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`round-trips values as ${format}: export → import changes nothing; one edited cell changes that value`, async () => {
      const { period, rows } = await scene();
      await upload(secretariat, 'values', csv([HEADER, ...rows]));
      const exported = await download(secretariat, `values.${format}`, `?period=${period.period}`);
      expect(exported.statusCode).toBe(200);
      const before = await databaseSnapshot(ctx.database);
      const again = await upload(secretariat, 'values', exported.rawPayload, `values.${format}`);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ rowsRead: 3, rowsCreated: 0, rowsUpdated: 0 });
      expect(withoutBookkeeping(await databaseSnapshot(ctx.database))).toEqual(withoutBookkeeping(before));

      const edited = await editCell(exported.rawPayload, format, 'a note, with a comma', 'value', '8');
      const changed = await upload(secretariat, 'values', edited, `values.${format}`);
      expect(changed.json()).toMatchObject({ rowsCreated: 0, rowsUpdated: 1 });
      const after = withoutBookkeeping(await databaseSnapshot(ctx.database));
      const was = withoutBookkeeping(before);
      const differs = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(was[t]));
      expect(differs.sort()).toEqual(['report_values', 'reports']);
      const gone = was.report_values.filter((r) => !after.report_values.includes(r));
      expect(gone).toHaveLength(1);
      expect(JSON.parse(gone[0]).note).toBe('a note, with a comma');
    });
  }

  /** The file with one cell changed: in the row whose note is `rowNote`, `column` set to `to`. */
  async function editCell(file: Buffer, format: 'csv' | 'xlsx', rowNote: string, column: string, to: string) {
    if (format === 'csv') {
      const lines = file.toString('utf8').split('\r\n');
      const at = lines.findIndex((l) => l.includes(rowNote));
      const cells = lines[at].replace(`"${rowNote}"`, 'NOTE').split(',');
      cells[HEADER.indexOf(column)] = to;
      lines[at] = cells.join(',').replace('NOTE', `"${rowNote}"`);
      return lines.join('\r\n');
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    sheet.eachRow((row) => {
      if (row.getCell(HEADER.indexOf('note') + 1).value === rowNote)
        row.getCell(HEADER.indexOf(column) + 1).value = Number(to);
    });
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  describe('pledges', () => {
    const PLEDGE_HEADER = [
      'id',
      'member',
      'line_of_effort',
      'kind',
      'amount',
      'currency',
      'value_date',
      'description',
      'quantity',
      'unit',
      'status',
      'committed',
      'disbursed',
      'note',
    ];

    it('creates pledges with their events, round-trips them, and updates a changed note', async () => {
      const line = await buildLineOfEffort(ctx);
      const m = focal.memberCode as string;
      const res = await upload(
        secretariat,
        'pledges',
        csv([
          PLEDGE_HEADER,
          [
            '',
            m,
            line.key,
            'financial',
            '500000000.00',
            'USD',
            '2015-02-01',
            '',
            '',
            '',
            'committed',
            '',
            '',
            'London',
          ],
          ['', m, line.key, 'financial', '1000', 'JPY', '2015-03-01', '', '', '', 'disbursed', '1000', '400', ''],
          ['', m, line.key, 'in_kind', '', '', '', 'Rifles', '2000', 'pieces', 'pledged', '', '', ''],
        ]),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rowsCreated: 3 });
      const events = (await ctx.database.db.execute(
        `select e.status, e.on::text as on, e.amount_minor::float8 as amount from pledge_events e join pledges p on p.id = e.pledge_id where p.line_of_effort_id = '${line.id}' order by e.on, e.status`,
      )) as unknown as { rows: unknown[] };
      expect(events.rows).toEqual([
        { status: 'committed', on: '2015-02-01', amount: 50000000000 },
        { status: 'committed', on: '2015-03-01', amount: 1000 },
        { status: 'disbursed', on: '2015-03-01', amount: 400 },
      ]);
      for (const format of ['csv', 'xlsx']) {
        const exported = await download(secretariat, `pledges.${format}`, `?lineOfEffort=${line.key}`);
        if (format === 'csv') expect(exported.body).toContain('500000000.00,USD,2015-02-01');
        const before = await databaseSnapshot(ctx.database);
        const again = await upload(secretariat, 'pledges', exported.rawPayload, `pledges.${format}`);
        expect(again.json()).toMatchObject({ rowsCreated: 0, rowsUpdated: 0 });
        expect(withoutBookkeeping(await databaseSnapshot(ctx.database))).toEqual(withoutBookkeeping(before));
      }
      const exported = (await download(secretariat, 'pledges.csv', `?lineOfEffort=${line.key}`)).body;
      const changed = await upload(secretariat, 'pledges', exported.replace('London', 'Paris'));
      expect(changed.json()).toMatchObject({ rowsCreated: 0, rowsUpdated: 1 });
    });

    it('refuses more decimals than the currency has, unknown ids and other members', async () => {
      const line = await buildLineOfEffort(ctx);
      const res = await upload(
        focal,
        'pledges',
        csv([
          PLEDGE_HEADER,
          [
            '',
            focal.memberCode as string,
            line.key,
            'financial',
            '10.5',
            'JPY',
            '2015-02-01',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
          ],
          [
            '00000000-0000-4000-8000-000000000000',
            focal.memberCode as string,
            line.key,
            'in_kind',
            '',
            '',
            '',
            'Tents',
            '3',
            'tents',
            '',
            '',
            '',
            '',
          ],
          ['', otherMember, line.key, 'in_kind', '', '', '', 'Tents', '3', 'tents', '', '', '', ''],
        ]),
      );
      expect(res.statusCode).toBe(400);
      expect(parseProblem(res.body).errors?.map((e) => [e.path, e.code])).toEqual([
        ['rows.2.amount', 'amount_precision'],
        ['rows.3.id', 'unknown_pledge'],
        ['rows.4.member', 'other_member'],
      ]);
    });
  });

  it('shows an import to its creator and the secretariat only, and lists the caller’s own', async () => {
    const id = crypto.randomUUID();
    const { rows } = await scene(1);
    const res = await upload(focal, 'values', csv([HEADER, rows[0]]), 'mine.csv', { id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(id);
    expect((await ctx.app.inject({ url: `/api/v1/imports/${id}`, headers: as(focal) })).json()).toMatchObject({
      status: 'done',
      fileName: 'mine.csv',
    });
    expect((await ctx.app.inject({ url: `/api/v1/imports/${id}`, headers: as(secretariat) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: `/api/v1/imports/${id}`, headers: as(observer) })).statusCode).toBe(404);
    const list = (await ctx.app.inject({ url: '/api/v1/imports', headers: as(focal) })).json().items;
    expect(list.map((j: { id: string }) => j.id)).toContain(id);
    expect((await upload(focal, 'values', csv([HEADER, rows[0]]), 'mine.csv', { id })).statusCode).toBe(409);
  });
});
