import { isKnownCurrency, minorDigits } from '../../../shared/currency.js';
import {
  type CreatePledgeBody,
  type FxImportResult,
  type FxRateList,
  type FxRatesQuery,
  type ListPledgesQuery,
  type Pledge,
  type PledgeEventBody,
  PledgeEventStatus,
  PledgeKind,
  type PledgeList,
  PledgeStatus,
  type PledgeTotals,
  type TotalsQuery,
  type UpdatePledgeBody,
} from '../../../shared/pledges.js';
import type { FieldError } from '../../../shared/problem.js';
import type { Db, Tx } from '../../db/client.js';
import { type PledgeEventRow, type PledgeRow, pledges } from '../../db/schema/progress.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import { FX_TAG, LINES_TAG, PLEDGES_TAG } from '../progress/tags.js';
import { parseFxCsv } from './fx-csv.js';
import { canImportFxRates, canRecordPledgeFor, canRecordPledges } from './pledges.policy.js';
import {
  insertPledge,
  insertPledgeEvent,
  lineOfEffortIdByKey,
  lockPledge,
  type PledgeReadRow,
  readEvents,
  readPledge,
  readPledges,
  readRates,
  upsertRates,
} from './pledges.repo.js';
import { pledgesUsd, pledgeTotals, usdTotalsByLineOfEffort } from './pledges.totals.js';

type Conn = Db | Tx;

/** Everything a pledge's answer shows: a change to any of it drops the cached answers. */
const READ_TAGS = [PLEDGES_TAG, FX_TAG, MEMBERS_TAG, LINES_TAG];

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

function toEvent(row: PledgeEventRow) {
  return {
    id: row.id,
    status: row.status,
    on: row.on,
    amountMinor: row.amountMinor,
    note: row.note,
    createdAt: iso(row.createdAt),
  };
}

/** Pledges as the API shows them, with their events and their amounts in US dollars (one query each). */
async function toPledges(conn: Conn, rows: PledgeReadRow[]): Promise<Pledge[]> {
  const events = await readEvents(
    conn,
    rows.map((r) => r.id),
  );
  const usd = await pledgesUsd(conn, rows);
  return rows.map((row, i) => {
    const financial = row.kind === PledgeKind.enum.financial;
    return {
      id: row.id,
      member: { code: row.memberCode, names: row.memberNames },
      lineOfEffort: row.lineOfEffortKey,
      kind: row.kind,
      status: row.status,
      amountMinor: row.amountMinor,
      currency: row.currency,
      minorDigits: row.currency ? minorDigits(row.currency) : null,
      valueDate: row.valueDate,
      description: row.description,
      quantity: row.quantity,
      unit: row.unit,
      note: row.note,
      committedMinor: financial ? row.committedMinor : null,
      disbursedMinor: financial ? row.disbursedMinor : null,
      usd: usd[i],
      events: (events.get(row.id) ?? []).map(toEvent),
      version: row.version,
      updatedAt: iso(row.updatedAt),
    };
  });
}

async function loadPledge(conn: Conn, id: string): Promise<Pledge> {
  const row = await readPledge(conn, id);
  if (!row) throw notFound('This pledge');
  const [pledge] = await toPledges(conn, [row]);
  return pledge;
}

/** The fields of a pledge of either kind, as a create or a correction leaves them. */
interface PledgeFields {
  kind: PledgeKind;
  amountMinor?: number | null;
  currency?: string | null;
  valueDate?: string | null;
  description?: string | null;
  quantity?: number | null;
  unit?: string | null;
}

/**
 * What zod cannot check of a pledge's fields: a financial pledge has an amount, a known ISO 4217
 * currency and a value date, and no quantity or unit; an in-kind one a description, a quantity and
 * a unit, and no amount or currency. Each wrong field is named.
 */
function checkFields(fields: PledgeFields): FieldError[] {
  const errors: FieldError[] = [];
  const has = (value: unknown) => value !== undefined && value !== null;
  if (fields.kind === PledgeKind.enum.financial) {
    const message = 'a financial pledge has amountMinor, currency and valueDate, and no quantity or unit';
    for (const path of ['amountMinor', 'currency', 'valueDate'] as const) {
      if (!has(fields[path])) errors.push(fieldError(path, 'financial_fields', message));
    }
    for (const path of ['quantity', 'unit'] as const) {
      if (has(fields[path])) errors.push(fieldError(path, 'financial_fields', message));
    }
    if (fields.currency && !isKnownCurrency(fields.currency)) {
      errors.push(
        fieldError('currency', 'unknown_currency', `${fields.currency} is not an ISO 4217 currency`, {
          currency: fields.currency,
        }),
      );
    }
  } else {
    const message = 'an in-kind pledge has description, quantity and unit, and no amount or currency';
    for (const path of ['description', 'quantity', 'unit'] as const) {
      if (!has(fields[path])) errors.push(fieldError(path, 'in_kind_fields', message));
    }
    for (const path of ['amountMinor', 'currency', 'valueDate'] as const) {
      if (has(fields[path])) errors.push(fieldError(path, 'in_kind_fields', message));
    }
  }
  return errors;
}

const unknownLine = (key: string) =>
  fieldError('lineOfEffort', 'unknown_line_of_effort', `no line of effort has key ${key}`, { key });

const wrongStatus = (status: PledgeStatus, detail: string) =>
  new AppError('conflict', detail, { reason: 'pledge_status', params: { status } });

/** The pledge's next state after an event, or the refusal: 409 when it does not follow, 400 for a wrong amount. */
function applyEvent(
  row: PledgeRow,
  body: PledgeEventBody,
  lastOn: string | null,
): { set: Partial<PledgeRow>; amountMinor: number | null } {
  const financial = row.kind === PledgeKind.enum.financial;
  const errors: FieldError[] = [];
  if (lastOn && body.on < lastOn) {
    errors.push(fieldError('on', 'before_start', `must not be before the pledge's last event (${lastOn})`));
  }
  if (!financial && body.amountMinor !== undefined) {
    errors.push(fieldError('amountMinor', 'in_kind_fields', 'an in-kind pledge has no amount'));
  }
  const fail = () => {
    if (errors.length > 0) throw invalid(errors);
  };
  switch (body.status) {
    case PledgeEventStatus.enum.committed: {
      fail();
      const amount = financial ? (body.amountMinor ?? (row.amountMinor as number)) : null;
      if (amount !== null && amount > (row.amountMinor as number)) {
        throw invalid([
          fieldError('amountMinor', 'too_big', 'must not be more than the amount pledged', {
            maximum: row.amountMinor as number,
          }),
        ]);
      }
      return { set: { status: PledgeStatus.enum.committed, committedMinor: amount }, amountMinor: amount };
    }
    case PledgeEventStatus.enum.disbursed: {
      if (!financial) {
        fail();
        return { set: { status: PledgeStatus.enum.disbursed }, amountMinor: null };
      }
      if (body.amountMinor === undefined) errors.push(fieldError('amountMinor', 'required', 'is required'));
      fail();
      const amount = body.amountMinor as number;
      const remaining = (row.committedMinor as number) - row.disbursedMinor;
      if (amount > remaining) {
        throw invalid([
          fieldError('amountMinor', 'over_committed', `only ${remaining} of the committed amount remains`, {
            remainingMinor: remaining,
          }),
        ]);
      }
      return {
        set: { status: PledgeStatus.enum.disbursed, disbursedMinor: row.disbursedMinor + amount },
        amountMinor: amount,
      };
    }
    default: {
      if (body.amountMinor !== undefined && financial) {
        errors.push(fieldError('amountMinor', 'invalid', 'a withdrawal takes no amount'));
      }
      fail();
      return { set: { status: PledgeStatus.enum.withdrawn }, amountMinor: null };
    }
  }
}

/**
 * Whether an event may follow the pledge's status (else 409 `pledge_status`):
 * - committed: from pledged only;
 * - disbursed: once committed (committed, or disbursed in part: disbursements add up);
 * - withdrawn: from pledged or committed, or disbursed in part (what was paid stays paid, the
 *   rest will not come); not once fully disbursed or delivered;
 * - nothing after withdrawn.
 */
function allowEvent(row: PledgeRow, status: PledgeEventStatus): void {
  const { pledged, disbursed, withdrawn } = PledgeStatus.enum;
  const refuse = (why: string) => {
    throw wrongStatus(row.status, why);
  };
  if (row.status === withdrawn) refuse('The pledge was withdrawn: nothing follows.');
  if (status === PledgeEventStatus.enum.committed && row.status !== pledged) {
    refuse('Only a pledge not yet committed can be committed.');
  }
  if (status === PledgeEventStatus.enum.disbursed && row.status === pledged) {
    refuse('A pledge is disbursed once committed.');
  }
  if (status === PledgeEventStatus.enum.withdrawn && row.status === disbursed) {
    const fullyPaid = row.kind === PledgeKind.enum.in_kind || row.disbursedMinor >= (row.committedMinor ?? 0);
    if (fullyPaid) refuse('The pledge was disbursed in full: there is nothing left to withdraw.');
  }
}

export function createPledgesService(deps: ServiceDeps) {
  const { db, cache, clock } = deps;

  /** 404 for a focal point's write to another member's pledge; 403 for a role that records none. */
  const writerOf = (auth: Auth) => ({
    visible: (row: PledgeRow) => canRecordPledgeFor(auth.user, row.memberId) !== 'not_own_member',
    allow: (row: PledgeRow) => {
      if (canRecordPledgeFor(auth.user, row.memberId) === 'forbidden') {
        throw new AppError('forbidden', 'Only the secretariat and the member’s focal point record its pledges.');
      }
    },
  });

  return {
    /** Every pledge, filtered (everyone reads them). */
    async listPledges(_auth: Auth, query: ListPledgesQuery): Promise<PledgeList> {
      const key = JSON.stringify([query.member, query.lineOfEffort, query.status, query.kind]);
      return cache.get(READ_TAGS, `pledges:${key}`, async () => ({
        items: await toPledges(db, await readPledges(db, query)),
      }));
    },

    /** One pledge with its events, or 404. */
    async getPledge(_auth: Auth, id: string): Promise<Pledge> {
      return cache.get(READ_TAGS, `pledge:${id}`, () => loadPledge(db, id));
    },

    /** Totals in US dollars by member or by line of effort, with the rates used and the ones missing. */
    async totals(_auth: Auth, query: TotalsQuery): Promise<PledgeTotals> {
      return cache.get(READ_TAGS, `totals:${query.by}`, () => pledgeTotals(db, query.by));
    },

    /** Each line of effort's pledged, committed and disbursed USD, by the line's id (its page shows them). */
    async usdTotalsByLine(): Promise<Map<string, { pledgedUsd: number; committedUsd: number; disbursedUsd: number }>> {
      return cache.get(READ_TAGS, 'totals:by-line-id', () => usdTotalsByLineOfEffort(db));
    },

    /** Records a pledge: the secretariat for any member, a focal point for their own. */
    async createPledge(auth: Auth, body: CreatePledgeBody): Promise<Pledge> {
      requireRole(auth, canRecordPledges, 'Only the secretariat and focal points record pledges.');
      const errors = checkFields(body);
      const memberId = (await memberIdsByCode(db, [body.memberCode])).get(body.memberCode);
      if (!memberId) errors.push(unknownMember('memberCode', body.memberCode));
      const lineOfEffortId = await lineOfEffortIdByKey(db, body.lineOfEffort);
      if (!lineOfEffortId) errors.push(unknownLine(body.lineOfEffort));
      if (memberId && canRecordPledgeFor(auth.user, memberId) !== 'allowed') {
        throw new AppError('forbidden', 'A focal point records pledges for their own member only.');
      }
      if (errors.length > 0) throw invalid(errors);
      return write(deps, [PLEDGES_TAG], async (tx) => {
        const row = await insertPledge(tx, {
          memberId: memberId as string,
          lineOfEffortId: lineOfEffortId as string,
          kind: body.kind,
          amountMinor: body.amountMinor ?? null,
          currency: body.currency ?? null,
          valueDate: body.valueDate ?? null,
          description: body.description ?? null,
          quantity: body.quantity ?? null,
          unit: body.unit ?? null,
          note: body.note ?? null,
          createdBy: auth.user?.id ?? null,
          createdAt: clock.sql(),
          updatedAt: clock.sql(),
        });
        const pledge = await loadPledge(tx, row.id);
        await recordAudit(tx, auth, {
          action: 'pledge.created',
          entityType: 'pledge',
          entityId: row.id,
          after: pledge,
        });
        return pledge;
      });
    },

    /** Moves a pledge on (committed, disbursed, withdrawn), if `version` is still the current one. */
    async addEvent(auth: Auth, id: string, version: number, body: PledgeEventBody): Promise<Pledge> {
      const { after } = await write(deps, [PLEDGES_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: pledges,
          entity: 'pledge',
          action: `pledge.${body.status}`,
          version,
          lock: () => lockPledge(tx, id),
          ...writerOf(auth),
          allow: (row) => {
            writerOf(auth).allow(row);
            allowEvent(row, body.status);
          },
          view: (row) => loadPledge(tx, row.id),
          change: async (row, before) => {
            const lastOn = before.events.at(-1)?.on ?? null;
            const { set, amountMinor } = applyEvent(row, body, lastOn);
            await insertPledgeEvent(tx, {
              pledgeId: row.id,
              status: body.status,
              on: body.on,
              amountMinor,
              note: body.note ?? null,
              createdBy: auth.user?.id ?? null,
              createdAt: clock.sql(),
            });
            return set;
          },
        }),
      );
      return after;
    },

    /** Corrects a pledge's fields while it is only pledged (If-Match); its member and kind stay. */
    async updatePledge(auth: Auth, id: string, version: number, body: UpdatePledgeBody): Promise<Pledge> {
      const lineOfEffortId = body.lineOfEffort ? await lineOfEffortIdByKey(db, body.lineOfEffort) : undefined;
      const { after } = await write(deps, [PLEDGES_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: pledges,
          entity: 'pledge',
          action: 'pledge.updated',
          version,
          lock: () => lockPledge(tx, id),
          ...writerOf(auth),
          allow: (row) => {
            writerOf(auth).allow(row);
            if (row.status !== PledgeStatus.enum.pledged) {
              throw wrongStatus(row.status, 'A pledge is corrected only while it is not yet committed.');
            }
          },
          view: (row) => loadPledge(tx, row.id),
          change: (row) => {
            const pick = <K extends keyof UpdatePledgeBody & keyof PledgeRow>(k: K) =>
              body[k] === undefined ? row[k] : body[k];
            const fields = {
              kind: row.kind,
              amountMinor: pick('amountMinor') as number | null,
              currency: pick('currency') as string | null,
              valueDate: pick('valueDate') as string | null,
              description: pick('description') as string | null,
              quantity: pick('quantity') as number | null,
              unit: pick('unit') as string | null,
            };
            const errors = checkFields(fields);
            if (body.lineOfEffort && !lineOfEffortId) errors.push(unknownLine(body.lineOfEffort));
            if (errors.length > 0) throw invalid(errors);
            return {
              ...fields,
              lineOfEffortId: lineOfEffortId ?? row.lineOfEffortId,
              note: body.note === undefined ? row.note : body.note,
            };
          },
        }),
      );
      return after;
    },

    /** The FX table, filtered. */
    async listRates(_auth: Auth, query: FxRatesQuery): Promise<FxRateList> {
      const key = JSON.stringify([query.currency, query.from, query.to]);
      return cache.get(FX_TAG, `rates:${key}`, async () => ({
        items: (await readRates(db, query)).map((r) => ({ ...r, usdPerUnit: Number(r.usdPerUnit) })),
      }));
    },

    /**
     * Imports an FX file (secretariat): every bad line is reported (400) before anything is
     * written; then every rate is upserted in one transaction, audited once with the counts.
     */
    async importRates(auth: Auth, csv: string): Promise<FxImportResult> {
      requireRole(auth, canImportFxRates, 'Only the secretariat imports FX rates.');
      const { rows, errors } = parseFxCsv(csv);
      if (errors.length > 0) throw invalid(errors, `The file has ${errors.length} bad line(s); nothing was imported.`);
      if (rows.length === 0) {
        throw invalid([fieldError('line.2', 'required', 'the file has no rates', { line: 2 })]);
      }
      return write(deps, [FX_TAG], async (tx) => {
        const result = await upsertRates(tx, rows, clock.sql());
        const currencies = [...new Set(rows.map((r) => r.currency))].sort();
        const dates = rows.map((r) => r.date).sort();
        await recordAudit(tx, auth, {
          action: 'fx_rates.imported',
          entityType: 'fx_rates',
          entityId: null,
          after: { ...result, rows: rows.length, currencies, from: dates[0], to: dates.at(-1) },
        });
        return result;
      });
    },
  };
}

export type PledgesService = ReturnType<typeof createPledgesService>;
