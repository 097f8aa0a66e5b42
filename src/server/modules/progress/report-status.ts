import { type SQL, sql } from 'drizzle-orm';
import { ReportStatus, ValueStatus } from '../../../shared/progress.js';

/**
 * Which value status decides a report's, first match wins: any returned → returned (back with the
 * member), else any draft → draft (the member has work to send), else any submitted → submitted
 * (with the secretariat), else (all approved) → approved. A report without values is a draft.
 * One list for the service (`reportStatusOf`) and the import's bulk update (`reportStatusSql`).
 */
const DECIDING = [ValueStatus.enum.returned, ValueStatus.enum.draft, ValueStatus.enum.submitted] as const;

type StoredReportStatus = Exclude<ReportStatus, 'not_started'>;

/** A report's status from its values' statuses. */
export function reportStatusOf(statuses: readonly ValueStatus[]): StoredReportStatus {
  if (statuses.length === 0) return ReportStatus.enum.draft;
  return DECIDING.find((status) => statuses.includes(status)) ?? ReportStatus.enum.approved;
}

/** The same rule as an SQL aggregate over the report's values' `status` column. */
export function reportStatusSql(status: SQL): SQL {
  const cases = DECIDING.map((s) => sql`when bool_or(${status} = ${s}) then ${s}`);
  return sql`(case when count(*) = 0 then ${ReportStatus.enum.draft} ${sql.join(cases, sql` `)} else ${ReportStatus.enum.approved} end)`;
}
