import { eq, sql } from 'drizzle-orm';
import type { PLEDGE_COLUMNS } from '../../../shared/imports.js';
import { PledgeEventStatus, PledgeKind, PledgeStatus } from '../../../shared/pledges.js';
import type { Tx } from '../../db/client.js';
import { pledgeEvents, pledges } from '../../db/schema/progress.js';
import { memberOfFocalPoint } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import type { StageRow } from '../../lib/bulk-stage.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { actsForEveryMember, type Cells, type Report, type RowChecker, type WriteCounts } from '../imports/rows.js';

// Pledges in bulk (issue 10): what the import and the export ask of the pledges module, which
// owns the tables. A row without `id` is a new pledge; a row with one is that pledge.
//
// What a changed row does to an existing pledge: its member and kind never change (the row's
// error says so); its line of effort, amount, currency, value date, description, quantity, unit
// and note are updated in place (version + 1). Its status moves forward only, as the events
// API moves it (pledged → committed → disbursed, or withdrawn): a row that moves it records the
// events that take it there (a commitment of the `committed` amount, a disbursement of the
// difference in `disbursed`, a withdrawal), dated the day of the import; a row that would move
// it back is the row's error. A new pledge's events are dated its value date (the import's day
// for an in-kind pledge without one).

type PledgeColumn = (typeof PLEDGE_COLUMNS)[number];
export type PledgeFileRow = Record<PledgeColumn, string | number | null>;

const TEXT_MAX = 2000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d+(\.\d+)?$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const STATUS_ORDER: Record<string, number> = { pledged: 0, committed: 1, disbursed: 2, withdrawn: 3 };

/** The currency's minor digits (2 for EUR, 0 for JPY, 3 for KWD). */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Minor units written in major units with the currency's decimals: 50000000000 USD → `500000000.00`. */
export function formatMinor(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Major units back to minor units, or null when the amount has more decimals than the currency. */
export function parseMajor(text: string, digits: number): number | null {
  const [whole, fraction = ''] = text.split('.');
  const extra = fraction.slice(digits);
  if (/[^0]/.test(extra)) return null;
  return Number(`${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`);
}

const isDate = (s: string) =>
  ISO_DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

interface Existing {
  memberId: string;
  kind: string;
  status: string;
}

/** Pass 1 of a pledges import: each row checked as the pledges API would, plus the rights. */
export async function pledgeChecker(deps: ServiceDeps, auth: Auth): Promise<RowChecker> {
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const members = new Map(
    rows<{ id: string; code: string }>(await deps.db.execute(sql`select id, code from members`)).map((m) => [
      m.code,
      m.id,
    ]),
  );
  const lines = new Map(
    rows<{ id: string; key: string }>(await deps.db.execute(sql`select id, key from lines_of_effort`)).map((l) => [
      l.key,
      l.id,
    ]),
  );
  const existing = new Map(
    rows<{ id: string; member_id: string; kind: string; status: string }>(
      await deps.db.execute(sql`select id, member_id, kind, status from pledges`),
    ).map((p): [string, Existing] => [p.id, { memberId: p.member_id, kind: p.kind, status: p.status }]),
  );
  const secretariat = actsForEveryMember(auth);
  const own = auth.user?.memberId ?? null;
  const seen = new Set<string>();

  return {
    check(cells: Cells, line: number, report: Report): StageRow | null {
      let ok = true;
      const fail: Report = (...args) => {
        ok = false;
        report(...args);
      };
      const text = (column: PledgeColumn): string | null => {
        const v = cells[column];
        if (v.length > TEXT_MAX)
          fail(column, 'too_long', `must be at most ${TEXT_MAX} characters`, { maximum: TEXT_MAX });
        if (v.includes('\u0000')) fail(column, 'nul_character', 'holds a NUL character');
        return v || null;
      };
      let before: Existing | undefined;
      if (cells.id) {
        before = existing.get(cells.id.toLowerCase());
        if (!before || (!secretariat && before.memberId !== own))
          fail('id', 'unknown_pledge', 'no pledge has this id (leave it empty for a new pledge)');
        else if (seen.has(cells.id.toLowerCase())) fail('id', 'value_twice', 'this pledge is in the file twice');
        seen.add(cells.id.toLowerCase());
      }
      const memberId = members.get(cells.member.toUpperCase());
      if (!cells.member) fail('member', 'required', 'is required');
      else if (!memberId)
        fail('member', 'unknown_member', `no member has code ${cells.member}`, { code: cells.member });
      else if (!secretariat && memberId !== own)
        fail('member', 'other_member', 'a focal point imports only their own member’s pledges', { code: cells.member });
      else if (before && before.memberId !== memberId)
        fail('member', 'invalid_value', 'a pledge’s member does not change');

      const lineId = lines.get(cells.line_of_effort);
      if (!cells.line_of_effort) fail('line_of_effort', 'required', 'is required');
      else if (!lineId)
        fail('line_of_effort', 'unknown_line_of_effort', `no line of effort has key ${cells.line_of_effort}`, {
          key: cells.line_of_effort,
        });

      const kind = cells.kind;
      if (!(PledgeKind.options as readonly string[]).includes(kind))
        fail('kind', kind ? 'invalid_value' : 'required', 'must be financial or in_kind', {
          options: 'financial, in_kind',
        });
      else if (before && before.kind !== kind) fail('kind', 'invalid_value', 'a pledge’s kind does not change');

      const status = cells.status || before?.status || PledgeStatus.enum.pledged;
      if (!(status in STATUS_ORDER))
        fail('status', 'invalid_value', 'must be pledged, committed, disbursed or withdrawn', {
          options: PledgeStatus.options.join(', '),
        });
      else if (
        before &&
        before.status !== status &&
        (before.status === PledgeStatus.enum.withdrawn || STATUS_ORDER[status] < STATUS_ORDER[before.status])
      )
        fail('status', 'invalid_value', `a pledge moves forward only; this one is ${before.status}`);

      const valueDate = cells.value_date || null;
      if (valueDate && !isDate(valueDate))
        fail('value_date', 'invalid_format', 'must be a date as YYYY-MM-DD', { format: 'date' });
      const description = text('description');
      const note = text('note');
      const unit = text('unit');

      let amountMinor: number | null = null;
      let currency: string | null = null;
      let quantity: string | null = null;
      let committed: number | null = null;
      let disbursed = 0;
      if (kind === PledgeKind.enum.financial) {
        if (cells.quantity || cells.unit)
          fail(
            'quantity',
            'financial_fields',
            'a financial pledge has an amount, a currency and a value date, and no quantity or unit',
          );
        currency = cells.currency.toUpperCase();
        if (!currency) fail('currency', 'required', 'is required');
        else if (!CURRENCIES.has(currency))
          fail('currency', 'unknown_currency', `${currency} is not an ISO 4217 currency`, { currency });
        if (!valueDate) fail('value_date', 'required', 'is required');
        const digits = currency && CURRENCIES.has(currency) ? minorDigits(currency) : 2;
        const amount = (column: 'amount' | 'committed' | 'disbursed'): number | null => {
          const v = cells[column];
          if (!v) return null;
          if (!AMOUNT.test(v)) {
            fail(column, 'not_a_number', 'must be an amount such as 1250.50');
            return null;
          }
          const minor = parseMajor(v, digits);
          if (minor === null) fail(column, 'amount_precision', `${currency} has ${digits} decimals`, { digits });
          else if (minor > Number.MAX_SAFE_INTEGER)
            fail(column, 'too_big', 'is too large', { maximum: Number.MAX_SAFE_INTEGER });
          return minor;
        };
        amountMinor = amount('amount');
        if (!cells.amount) fail('amount', 'required', 'is required');
        else if (amountMinor === 0) fail('amount', 'too_small', 'must be more than 0', { minimum: 0 });
        committed = amount('committed');
        disbursed = amount('disbursed') ?? 0;
        if (committed === null && STATUS_ORDER[status] >= 1 && status !== PledgeStatus.enum.withdrawn)
          committed = amountMinor;
        if (disbursed > 0 && (committed === null || disbursed > committed))
          fail('disbursed', 'over_committed', 'disbursements add up to more than the committed amount', {
            remainingMinor: committed ?? 0,
          });
      } else if (kind === PledgeKind.enum.in_kind) {
        if (cells.amount || cells.currency || cells.committed || cells.disbursed)
          fail(
            'amount',
            'in_kind_fields',
            'an in-kind pledge has a description, a quantity and a unit, and no amount or currency',
          );
        if (!description) fail('description', 'required', 'is required');
        if (!unit) fail('unit', 'required', 'is required');
        if (!cells.quantity) fail('quantity', 'required', 'is required');
        else if (!AMOUNT.test(cells.quantity) || Number(cells.quantity) <= 0)
          fail('quantity', 'not_a_number', 'must be a number more than 0');
        else quantity = cells.quantity;
      }
      if (!ok) return null;
      return [
        line,
        before ? cells.id.toLowerCase() : null,
        memberId as string,
        lineId as string,
        kind,
        amountMinor,
        currency,
        valueDate,
        description,
        quantity,
        unit,
        status,
        committed,
        disbursed,
        note,
      ];
    },
  };
}

/**
 * Pass 2: writes every checked row in the caller's transaction: new pledges with their events,
 * and existing ones changed only where the row differs (an unchanged export re-imported changes
 * nothing).
 */
export async function writePledges(
  tx: Tx,
  deps: Pick<ServiceDeps, 'clock'>,
  auth: Auth,
  rows: AsyncIterable<StageRow>,
  importId: string,
  onWritten?: (n: number) => void,
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0 };
  const today = (
    (await tx.execute(sql`select (${deps.clock.sql()} at time zone 'UTC')::date::text as d`)) as unknown as {
      rows: { d: string }[];
    }
  ).rows[0].d;
  const by = auth.user?.id ?? null;
  let done = 0;
  for await (const row of rows) {
    const [
      ,
      id,
      memberId,
      lineOfEffortId,
      kind,
      amountMinor,
      currency,
      valueDate,
      description,
      quantity,
      unit,
      status,
      committed,
      disbursed,
      note,
    ] = row as [
      number,
      string | null,
      string,
      string,
      string,
      number | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string,
      number | null,
      number,
      string | null,
    ];
    const fields = {
      lineOfEffortId,
      amountMinor,
      currency,
      valueDate,
      description,
      quantity: quantity === null ? null : Number(quantity),
      unit,
      note,
    };
    if (id === null) {
      const [created] = await tx
        .insert(pledges)
        .values({
          memberId,
          kind: kind as PledgeKind,
          status: status as PledgeStatus,
          ...fields,
          committedMinor: committed,
          disbursedMinor: disbursed,
          importId,
          createdBy: by,
        })
        .returning({ id: pledges.id });
      await recordEvents(
        tx,
        created.id,
        PledgeStatus.enum.pledged,
        status,
        0,
        committed,
        0,
        disbursed,
        valueDate ?? today,
        by,
      );
      counts.created += 1;
    } else {
      const [before] = await tx.select().from(pledges).where(eq(pledges.id, id)).for('update');
      const same =
        before.lineOfEffortId === lineOfEffortId &&
        before.amountMinor === amountMinor &&
        before.currency === currency &&
        before.valueDate === valueDate &&
        before.description === description &&
        (before.quantity === null ? quantity === null : quantity !== null && before.quantity === Number(quantity)) &&
        before.unit === unit &&
        before.note === note &&
        before.status === status &&
        (before.committedMinor ?? null) === committed &&
        before.disbursedMinor === disbursed;
      if (!same) {
        await tx
          .update(pledges)
          .set({
            ...fields,
            status: status as PledgeStatus,
            committedMinor: committed,
            disbursedMinor: disbursed,
            importId,
            version: before.version + 1,
            updatedAt: sql`${deps.clock.sql()}`,
          })
          .where(eq(pledges.id, id));
        await recordEvents(
          tx,
          id,
          before.status,
          status,
          before.committedMinor ?? 0,
          committed,
          before.disbursedMinor,
          disbursed,
          today,
          by,
        );
        counts.updated += 1;
      }
    }
    done += 1;
    if (done % 500 === 0) onWritten?.(done);
  }
  onWritten?.(done);
  return counts;
}

/** The events that take a pledge from one status (and amounts) to another. */
async function recordEvents(
  tx: Tx,
  pledgeId: string,
  from: string,
  to: string,
  committedBefore: number,
  committed: number | null,
  disbursedBefore: number,
  disbursed: number,
  on: string,
  createdBy: string | null,
): Promise<void> {
  const events: (typeof pledgeEvents.$inferInsert)[] = [];
  if (to !== from && to !== PledgeStatus.enum.withdrawn && STATUS_ORDER[from] < 1 && STATUS_ORDER[to] >= 1)
    events.push({ pledgeId, status: PledgeEventStatus.enum.committed, on, amountMinor: committed, createdBy });
  else if ((committed ?? 0) !== committedBefore && STATUS_ORDER[to] >= 1 && to !== PledgeStatus.enum.withdrawn)
    events.push({ pledgeId, status: PledgeEventStatus.enum.committed, on, amountMinor: committed, createdBy });
  if (disbursed > disbursedBefore)
    events.push({
      pledgeId,
      status: PledgeEventStatus.enum.disbursed,
      on,
      amountMinor: disbursed - disbursedBefore,
      createdBy,
    });
  if (to === PledgeStatus.enum.withdrawn && from !== to)
    events.push({ pledgeId, status: PledgeEventStatus.enum.withdrawn, on, amountMinor: null, createdBy });
  if (events.length > 0) await tx.insert(pledgeEvents).values(events);
}

/**
 * The pledges a caller may export: the secretariat every pledge, a focal point their own
 * member's, anyone else every pledge (as the pledges list shows them), without notes.
 */
export async function* exportPledges(
  deps: Pick<ServiceDeps, 'db'>,
  auth: Auth,
  filters: { member?: string; lineOfEffort?: string },
): AsyncGenerator<PledgeFileRow[]> {
  const secretariat = actsForEveryMember(auth);
  const own = secretariat ? null : memberOfFocalPoint(auth.user);
  const conditions = [sql`true`];
  if (own) conditions.push(sql`p.member_id = ${own}`);
  if (filters.member) conditions.push(sql`m.code = ${filters.member}`);
  if (filters.lineOfEffort) conditions.push(sql`l.key = ${filters.lineOfEffort}`);
  const where = sql.join(conditions, sql` and `);
  const withNotes = secretariat || own !== null;
  let after: string | null = null;
  for (;;) {
    const { rows } = (await deps.db.execute(sql`
      select p.id, m.code as member, l.key as line_of_effort, p.kind, p.amount_minor::text as amount_minor, p.currency,
             p.value_date::text as value_date, p.description, trim_scale(p.quantity)::text as quantity, p.unit, p.status,
             p.committed_minor::text as committed_minor, p.disbursed_minor::text as disbursed_minor, p.note
        from pledges p join members m on m.id = p.member_id join lines_of_effort l on l.id = p.line_of_effort_id
       where ${where} ${after ? sql`and p.id > ${after}::uuid` : sql``}
       order by p.id limit 5000`)) as unknown as {
      rows: {
        id: string;
        member: string;
        line_of_effort: string;
        kind: string;
        amount_minor: string | null;
        currency: string | null;
        value_date: string | null;
        description: string | null;
        quantity: string | null;
        unit: string | null;
        status: string;
        committed_minor: string | null;
        disbursed_minor: string;
        note: string | null;
      }[];
    };
    if (rows.length === 0) return;
    yield rows.map((p) => {
      const digits = p.currency ? minorDigits(p.currency) : 0;
      const money = (minor: string | null) =>
        minor === null || !p.currency ? null : formatMinor(Number(minor), digits);
      return {
        id: p.id,
        member: p.member,
        line_of_effort: p.line_of_effort,
        kind: p.kind,
        amount: money(p.amount_minor),
        currency: p.currency,
        value_date: p.value_date,
        description: p.description,
        quantity: p.quantity,
        unit: p.unit,
        status: p.status,
        committed: money(p.committed_minor),
        disbursed: p.currency ? money(p.disbursed_minor) : null,
        note: withNotes ? p.note : null,
      };
    });
    if (rows.length < 5000) return;
    after = rows[rows.length - 1].id;
  }
}
