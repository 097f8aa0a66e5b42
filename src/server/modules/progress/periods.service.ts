import {
  type OpenPeriodBody,
  parsePeriod,
  type ReopenPeriodBody,
  type ReportingPeriod,
  type ReportingPeriodList,
  ReportStatus,
} from '../../../shared/progress.js';
import { reportingPeriods } from '../../db/schema/progress.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import {
  activeMemberCount,
  allPeriods,
  insertPeriod,
  isLocked,
  lockPeriod,
  type PeriodWithLock,
  reportCounts,
} from './periods.repo.js';
import { canManageReporting } from './reporting.policy.js';
import { PERIODS_TAG } from './tags.js';

type Counts = Record<ReportStatus, number>;
const noCounts = (): Counts => Object.fromEntries(ReportStatus.options.map((s) => [s, 0])) as Counts;

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export function toPeriod(row: PeriodWithLock, counts: Counts = noCounts()): ReportingPeriod {
  return {
    id: row.id,
    period: row.period,
    type: row.type,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    closesOn: row.closesOn,
    locked: Boolean(row.locked),
    reports: counts,
    version: row.version,
    updatedAt: iso(row.updatedAt),
  };
}

export function createPeriodsService(deps: ServiceDeps) {
  const { db, clock } = deps;

  return {
    /** Every period, newest first, with how many members' reports are in each status. */
    async listPeriods(_auth: Auth): Promise<ReportingPeriodList> {
      const [rows, counts, active] = [
        await allPeriods(db, clock.sql()),
        await reportCounts(db),
        await activeMemberCount(db),
      ];
      const byPeriod = new Map<string, Counts>();
      for (const c of counts) {
        const entry = byPeriod.get(c.period) ?? noCounts();
        entry[c.status as ReportStatus] = Number(c.count);
        byPeriod.set(c.period, entry);
      }
      return {
        items: rows.map((row) => {
          const entry = byPeriod.get(row.period) ?? noCounts();
          const started = Object.values(entry).reduce((a, b) => a + b, 0);
          entry.not_started = Math.max(0, active - started);
          return toPeriod(row, entry);
        }),
      };
    },

    /** Opens a period for reporting (secretariat); its type follows from its name. */
    async openPeriod(auth: Auth, body: OpenPeriodBody): Promise<ReportingPeriod> {
      requireRole(auth, canManageReporting, 'Only the secretariat opens periods for reporting.');
      const parsed = parsePeriod(body.period);
      if (!parsed)
        throw invalid([fieldError('period', 'period_format', 'must be a period written 2015-01, 2015-Q1 or 2015')]);
      if (body.closesOn < parsed.startsOn) {
        throw invalid([
          fieldError('closesOn', 'before_start', `must not be before the period starts (${parsed.startsOn})`),
        ]);
      }
      return write(deps, [PERIODS_TAG], async (tx) => {
        const inserted = await insertPeriod(tx, {
          period: parsed.period,
          type: parsed.type,
          startsOn: parsed.startsOn,
          endsOn: parsed.endsOn,
          closesOn: body.closesOn,
          createdAt: clock.sql(),
          updatedAt: clock.sql(),
        });
        if (!inserted) {
          throw new AppError('conflict', `The period ${parsed.period} is already open for reporting.`, {
            reason: 'period_exists',
            params: { period: parsed.period },
          });
        }
        const row = (await lockPeriod(tx, clock.sql(), parsed.period)) as PeriodWithLock;
        const period = toPeriod(row);
        await recordAudit(tx, auth, { action: 'period.opened', entityType: 'period', entityId: row.id, after: period });
        return period;
      });
    },

    /** Reopens a period until a later closing day (secretariat, If-Match). */
    async reopenPeriod(auth: Auth, name: string, version: number, body: ReopenPeriodBody): Promise<ReportingPeriod> {
      requireRole(auth, canManageReporting, 'Only the secretariat reopens periods.');
      const { after } = await write(deps, [PERIODS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: reportingPeriods,
          entity: 'period',
          action: 'period.reopened',
          version,
          lock: () => lockPeriod(tx, clock.sql(), name),
          view: async (row) => ({
            ...toPeriod({ ...row, locked: await isLocked(tx, clock.sql(), row.closesOn) }),
            reason: body.reason ?? null,
          }),
          change: (current) => {
            if (body.closesOn <= current.closesOn) {
              throw invalid([
                fieldError('closesOn', 'deadline_not_later', `must be later than ${current.closesOn}`, {
                  deadline: current.closesOn,
                }),
              ]);
            }
            return { closesOn: body.closesOn };
          },
        }),
      );
      const { reason: _reason, ...period } = after;
      return period;
    },
  };
}

export type PeriodsService = ReturnType<typeof createPeriodsService>;
