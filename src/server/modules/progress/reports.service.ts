import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { FieldError } from '../../../shared/problem.js';
import {
  type ApproveReportBody,
  type MemberRef,
  type PutReportBody,
  type Report,
  type ReportList,
  ReportStatus,
  type ReportValue,
  type ReturnReportBody,
  type ValueRef,
  ValueStatus,
} from '../../../shared/progress.js';
import type { Tx } from '../../db/client.js';
import { type ReportRow, reports } from '../../db/schema/progress.js';
import { requireRole, requireVisible } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { memberIdsByCode, memberRefsByIds } from '../members/members.repo.js';
import { type IndicatorWithLine, indicatorsByKeys } from './indicators.repo.js';
import { type PeriodWithLock, periodByName } from './periods.repo.js';
import { canListReports, canManageReporting, canSeeReport, canWriteLockedPeriod } from './reporting.policy.js';
import {
  deleteValues,
  ensureReport,
  insertValues,
  lockReport,
  reportOf,
  reportQueue,
  updateValues,
  type ValueWithKey,
  valuesOf,
} from './reports.repo.js';
import { refreshRollups } from './rollups.js';
import { FIGURES_TAG } from './tags.js';

const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d : d.toISOString());
/** Two figures are the same when they agree to the six decimals the table keeps. */
export const sameFigure = (a: number | null, b: number | null) =>
  a !== null && b !== null && Number(a).toFixed(6) === Number(b).toFixed(6);
const keyOf = (indicatorId: string, category: string) => `${indicatorId} ${category}`;

import { reportStatusOf } from './report-status.js';

function toValue(v: ValueWithKey): ReportValue {
  return {
    id: v.id,
    indicator: v.indicator,
    category: v.category === '' ? null : v.category,
    value: Number(v.value),
    note: v.note,
    status: v.status,
    approvedValue: v.approvedValue === null ? null : Number(v.approvedValue),
    returnReason: v.returnReason,
    updatedAt: iso(v.updatedAt) as string,
  };
}

const periodLocked = (period: PeriodWithLock) =>
  new AppError('conflict', `The period ${period.period} closed on ${period.closesOn}.`, {
    reason: 'period_locked',
    params: { period: period.period, closesOn: period.closesOn },
  });
const underReview = () =>
  new AppError('conflict', 'This report is with the secretariat for review.', { reason: 'report_under_review' });
const notSubmitted = (status: string) =>
  new AppError('conflict', `Only submitted values are approved or returned (this is ${status}).`, {
    reason: 'report_not_submitted',
    params: { status },
  });

interface Scope {
  period: PeriodWithLock;
  member: MemberRef & { id: string };
}

interface ReportChange {
  action: string;
  tags: string[];
  /** Makes the row of a report not started (the first save). */
  create?: boolean;
  /** 409 when a report not started cannot take this. */
  missing(): AppError;
  allow?(row: ReportRow, scope: Scope): void;
  /** Writes the values; returns what else of the report changes (its status follows from the values). */
  apply(tx: Tx, row: ReportRow, scope: Scope): Promise<PgUpdateSetSource<typeof reports>>;
}

export function createReportsService(deps: ServiceDeps) {
  const { db, clock } = deps;

  /** The member by code, or 404 when none has it or the caller may not see its reports. */
  async function memberFor(auth: Auth, code: string): Promise<Scope['member']> {
    const id = (await memberIdsByCode(db, [code])).get(code);
    const found = id ? (await memberRefsByIds(db, [id]))[0] : undefined;
    const member = requireVisible(found, (m) => canSeeReport(auth.user, m.id), `The report of ${code}`);
    return { id: member.id, code: member.code, names: { en: member.nameEn, fr: member.nameFr, ar: member.nameAr } };
  }

  async function periodFor(conn: Parameters<typeof periodByName>[0], name: string): Promise<PeriodWithLock> {
    const period = await periodByName(conn, clock.sql(), name);
    if (!period) throw notFound(`The period ${name}`);
    return period;
  }

  async function view(conn: Parameters<typeof valuesOf>[0], row: ReportRow | undefined, scope: Scope): Promise<Report> {
    const values = row ? (await valuesOf(conn, row.id)).map(toValue) : [];
    const started = row !== undefined && row.version > 0;
    return {
      period: scope.period.period,
      member: { code: scope.member.code, names: scope.member.names },
      status: started ? row.status : ReportStatus.enum.not_started,
      returnReason: started ? row.returnReason : null,
      locked: Boolean(scope.period.locked),
      closesOn: scope.period.closesOn,
      submittedAt: started ? iso(row.submittedAt) : null,
      reviewedAt: started ? iso(row.reviewedAt) : null,
      values,
      version: row?.version ?? 0,
    };
  }

  /** The one way a report changes: lock it (made at version 0 for a first save), check, write the values, follow their status, audit. */
  async function changeReport(
    auth: Auth,
    periodName: string,
    code: string,
    version: number,
    spec: ReportChange,
    role?: { policy: typeof canManageReporting; detail: string },
  ): Promise<Report> {
    const member = await memberFor(auth, code);
    if (role) requireRole(auth, role.policy, role.detail);
    return write(deps, spec.tags, async (tx) => {
      const scope: Scope = { period: await periodFor(tx, periodName), member };
      if (spec.create) await ensureReport(tx, scope.period.period, member.id, clock.sql());
      const { after } = await updateVersioned(tx, deps, auth, {
        table: reports,
        entity: 'report',
        action: spec.action,
        version,
        lock: async () => {
          const row = await lockReport(tx, scope.period.period, member.id);
          if (!row || row.version === 0) {
            if (!spec.create) throw spec.missing();
          }
          return row;
        },
        allow: (row) => spec.allow?.(row, scope),
        view: (row) => view(tx, row, scope),
        change: async (row) => {
          const set = await spec.apply(tx, row, scope);
          const status = reportStatusOf((await valuesOf(tx, row.id)).map((v) => v.status));
          return {
            ...set,
            status,
            returnReason: status === ReportStatus.enum.returned ? (set.returnReason ?? row.returnReason) : null,
          };
        },
      });
      return after;
    });
  }

  /** A member's writes: refused after the closing day (but for the secretariat) and while the secretariat reviews. */
  const memberMayWrite = (auth: Auth) => (row: ReportRow, scope: Scope) => {
    if (scope.period.locked && !canWriteLockedPeriod(auth.user)) throw periodLocked(scope.period);
    if (row.version > 0 && row.status === ReportStatus.enum.submitted) throw underReview();
  };

  /** The values a review names (all the submitted ones when it names none); each must be submitted. */
  function reviewed(values: ValueWithKey[], refs: ValueRef[] | undefined, reportStatus: string): ValueWithKey[] {
    if (!refs) {
      const submitted = values.filter((v) => v.status === ValueStatus.enum.submitted);
      if (submitted.length === 0) throw notSubmitted(reportStatus);
      return submitted;
    }
    const errors: FieldError[] = [];
    const found: ValueWithKey[] = [];
    refs.forEach((ref, i) => {
      const value = values.find((v) => v.indicator === ref.indicator && v.category === (ref.category ?? ''));
      if (!value) {
        errors.push(
          fieldError(`values.${i}.indicator`, 'unknown_indicator', `the report has no value of ${ref.indicator}`, {
            key: ref.indicator,
          }),
        );
      } else found.push(value);
    });
    if (errors.length > 0) throw invalid(errors);
    const wrong = found.find((v) => v.status !== ValueStatus.enum.submitted);
    if (wrong) throw notSubmitted(wrong.status);
    return [...new Map(found.map((v) => [v.id, v])).values()];
  }

  /** What zod cannot check of the values a member sends: known indicators of the period's type, categories as the indicator has them, each once. */
  async function resolveValues(tx: Tx, body: PutReportBody, scope: Scope) {
    const byKey = await indicatorsByKeys(tx, [...new Set(body.values.map((v) => v.indicator))]);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const resolved: { indicator: IndicatorWithLine; category: string; value: number; note: string | null }[] = [];
    body.values.forEach((v, i) => {
      const indicator = byKey.get(v.indicator);
      if (!indicator) {
        errors.push(
          fieldError(`values.${i}.indicator`, 'unknown_indicator', `no indicator has key ${v.indicator}`, {
            key: v.indicator,
          }),
        );
        return;
      }
      if (indicator.periodType !== scope.period.type) {
        errors.push(
          fieldError(`values.${i}.indicator`, 'period_type_mismatch', `is reported by ${indicator.periodType}`, {
            periodType: indicator.periodType,
          }),
        );
        return;
      }
      const options = indicator.categories.map((c) => c.key).join(', ');
      const category = v.category ?? null;
      if (indicator.categories.length > 0 && category === null) {
        errors.push(fieldError(`values.${i}.category`, 'category_required', `choose one of ${options}`, { options }));
        return;
      }
      if (indicator.categories.length === 0 && category !== null) {
        errors.push(fieldError(`values.${i}.category`, 'no_categories', 'the indicator has no categories'));
        return;
      }
      if (category !== null && !indicator.categories.some((c) => c.key === category)) {
        errors.push(
          fieldError(`values.${i}.category`, 'unknown_category', `choose one of ${options}`, { category, options }),
        );
        return;
      }
      const key = keyOf(indicator.id, category ?? '');
      if (seen.has(key)) {
        errors.push(
          fieldError(`values.${i}`, 'value_twice', 'has a value already in this report', {
            indicator: v.indicator,
            category: category ?? '',
          }),
        );
        return;
      }
      seen.add(key);
      resolved.push({ indicator, category: category ?? '', value: v.value, note: v.note ?? null });
    });
    if (errors.length > 0) throw invalid(errors);
    return resolved;
  }

  return {
    /** A member's report for a period (its focal points and the secretariat; anyone else 404). Not started: version 0, no values. */
    async getReport(auth: Auth, periodName: string, code: string): Promise<Report> {
      const member = await memberFor(auth, code);
      const period = await periodFor(db, periodName);
      return view(db, await reportOf(db, period.period, member.id), { period, member });
    },

    /** The queue: every active member's report by period (the secretariat), or one's own member's (a focal point). */
    async listReports(auth: Auth, query: { period?: string; status?: ReportStatus }): Promise<ReportList> {
      requireRole(auth, canListReports, 'Only the secretariat and focal points see reports.');
      const memberId = canManageReporting(auth.user) ? undefined : (auth.user?.memberId ?? undefined);
      const rows = await reportQueue(db, { ...query, memberId });
      return {
        items: rows.map((r) => ({
          period: r.period,
          member: { code: r.code, names: { en: r.nameEn, fr: r.nameFr, ar: r.nameAr } },
          status: r.status,
          values: r.values,
          submittedAt: r.submittedAt,
          version: r.version,
        })),
      };
    },

    /**
     * Saves the member's draft (If-Match; "0" before the first save). The values sent replace the
     * unapproved ones; an approved value stays approved unless its figure changes, which makes it
     * a draft revision while its approved figure keeps counting.
     */
    async saveReport(auth: Auth, periodName: string, code: string, version: number, body: PutReportBody) {
      return changeReport(auth, periodName, code, version, {
        action: 'report.saved',
        tags: [],
        create: true,
        missing: () => notSubmitted(ReportStatus.enum.not_started),
        allow: memberMayWrite(auth),
        apply: async (tx, row, scope) => {
          const sent = await resolveValues(tx, body, scope);
          const existing = new Map((await valuesOf(tx, row.id)).map((v) => [keyOf(v.indicatorId, v.category), v]));
          const now = clock.sql();
          const inserts: Parameters<typeof insertValues>[1] = [];
          for (const v of sent) {
            const key = keyOf(v.indicator.id, v.category);
            const before = existing.get(key);
            existing.delete(key);
            if (!before) {
              inserts.push({
                reportId: row.id,
                indicatorId: v.indicator.id,
                period: scope.period.period,
                memberId: scope.member.id,
                category: v.category,
                value: v.value,
                note: v.note,
                createdAt: now,
                updatedAt: now,
              });
              continue;
            }
            const figureKept = sameFigure(before.value, v.value);
            if (figureKept && before.note === v.note) continue;
            // Back to the approved figure: approved again; another figure: a draft (a revision, if it was approved).
            const status = sameFigure(before.approvedValue, v.value)
              ? ValueStatus.enum.approved
              : figureKept
                ? before.status
                : ValueStatus.enum.draft;
            await updateValues(tx, [before.id], {
              value: v.value,
              note: v.note,
              status,
              returnReason: status === ValueStatus.enum.returned ? before.returnReason : null,
              updatedAt: now,
            });
          }
          await insertValues(tx, inserts);
          // Values not sent: approved ones stay; a revision goes back to its approved figure; the rest go.
          const left = [...existing.values()].filter((v) => v.status !== ValueStatus.enum.approved);
          const revisions = left.filter((v) => v.approvedValue !== null);
          for (const v of revisions) {
            await updateValues(tx, [v.id], {
              value: v.approvedValue as number,
              status: ValueStatus.enum.approved,
              returnReason: null,
              updatedAt: now,
            });
          }
          await deleteValues(
            tx,
            left.filter((v) => v.approvedValue === null).map((v) => v.id),
          );
          return {};
        },
      });
    },

    /** Sends the member's draft and returned values to the secretariat (If-Match). */
    async submitReport(auth: Auth, periodName: string, code: string, version: number): Promise<Report> {
      return changeReport(auth, periodName, code, version, {
        action: 'report.submitted',
        tags: [],
        missing: () => nothingToSubmit(),
        allow: memberMayWrite(auth),
        apply: async (tx, row) => {
          const open = (await valuesOf(tx, row.id)).filter(
            (v) => v.status === ValueStatus.enum.draft || v.status === ValueStatus.enum.returned,
          );
          if (open.length === 0) throw nothingToSubmit();
          await updateValues(
            tx,
            open.map((v) => v.id),
            { status: ValueStatus.enum.submitted, returnReason: null, updatedAt: clock.sql() },
          );
          return { submittedAt: clock.sql(), submittedBy: auth.user?.id ?? null };
        },
      });
    },

    /** Approves the submitted values named, or all of them (secretariat, If-Match): their figures count from now on. */
    async approveReport(auth: Auth, periodName: string, code: string, version: number, body: ApproveReportBody) {
      return changeReport(
        auth,
        periodName,
        code,
        version,
        {
          action: 'report.approved',
          tags: [FIGURES_TAG],
          missing: () => notSubmitted(ReportStatus.enum.not_started),
          apply: async (tx, row) => {
            const approved = reviewed(await valuesOf(tx, row.id), body.values, row.status);
            const now = clock.sql();
            for (const v of approved) {
              await updateValues(tx, [v.id], {
                approvedValue: v.value,
                approvedAt: now,
                status: ValueStatus.enum.approved,
                returnReason: null,
                updatedAt: now,
              });
            }
            await refreshRollups(
              tx,
              approved.map((v) => ({ indicatorId: v.indicatorId, period: v.period })),
            );
            return { reviewedAt: now, reviewedBy: auth.user?.id ?? null };
          },
        },
        { policy: canManageReporting, detail: 'Only the secretariat approves reports.' },
      );
    },

    /** Returns the submitted values named, or all of them, to the member with a reason (secretariat, If-Match). */
    async returnReport(auth: Auth, periodName: string, code: string, version: number, body: ReturnReportBody) {
      return changeReport(
        auth,
        periodName,
        code,
        version,
        {
          action: 'report.returned',
          tags: [],
          missing: () => notSubmitted(ReportStatus.enum.not_started),
          apply: async (tx, row) => {
            const returned = reviewed(await valuesOf(tx, row.id), body.values, row.status);
            const now = clock.sql();
            await updateValues(
              tx,
              returned.map((v) => v.id),
              { status: ValueStatus.enum.returned, returnReason: body.reason, updatedAt: now },
            );
            return { reviewedAt: now, reviewedBy: auth.user?.id ?? null, returnReason: body.reason };
          },
        },
        { policy: canManageReporting, detail: 'Only the secretariat returns reports.' },
      );
    },
  };
}

const nothingToSubmit = () =>
  new AppError('conflict', 'Nothing to submit: save values first (approved values need no submission).');

export type ReportsService = ReturnType<typeof createReportsService>;
