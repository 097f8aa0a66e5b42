import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';

/** One indicator's figures for one period: what a change to approved values makes stale. */
export interface RollupKey {
  indicatorId: string;
  period: string;
}

/** Past this many keys, whole indicators are recomputed: one pass over each rather than a long list of pairs. */
const MAX_PAIRS = 500;

/**
 * Recomputes `indicator_rollups` for the indicator-periods given, from the approved values, in
 * the caller's transaction: call it in every write that sets, changes or clears an
 * `approved_value` (approval, an approved figure revised and approved again, an import, the
 * seed). The dashboards read the rollups, so an approval is visible in the next read, and no
 * batch ever runs. Per period, category '' holds the members' totals over every category, and
 * each category its own row.
 */
export async function refreshRollups(tx: Tx | Db, keys: readonly RollupKey[]): Promise<void> {
  if (keys.length === 0) return;
  const unique = [...new Map(keys.map((k) => [`${k.indicatorId} ${k.period}`, k])).values()];
  if (unique.length > MAX_PAIRS) {
    await refreshIndicators(tx, [...new Set(unique.map((k) => k.indicatorId))]);
    return;
  }
  const pairs = sql.join(
    unique.map((k) => sql`(${k.indicatorId}::uuid, ${k.period}::text)`),
    sql`, `,
  );
  const scope = sql`(v.indicator_id, v.period) in (${pairs})`;
  await tx.execute(sql`delete from indicator_rollups v where ${scope}`);
  await insertRollups(tx, scope);
}

/** Recomputes every period of these indicators (an import, the seed). */
export async function refreshIndicators(tx: Tx | Db, indicatorIds: readonly string[]): Promise<void> {
  if (indicatorIds.length === 0) return;
  const ids = sql.join(
    indicatorIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const scope = sql`v.indicator_id in (${ids})`;
  await tx.execute(sql`delete from indicator_rollups v where ${scope}`);
  await insertRollups(tx, scope);
}

async function insertRollups(tx: Tx | Db, scope: ReturnType<typeof sql>): Promise<void> {
  await tx.execute(sql`
    insert into indicator_rollups (indicator_id, period, category, sum, max, members)
    select v.indicator_id, v.period, v.category, sum(v.approved_value), max(v.approved_value), count(*)::int
      from report_values v
     where ${scope} and v.approved_value is not null and v.category <> ''
     group by v.indicator_id, v.period, v.category
    union all
    select t.indicator_id, t.period, '', sum(t.total), max(t.total), count(*)::int
      from (select v.indicator_id, v.period, v.member_id, sum(v.approved_value) as total
              from report_values v
             where ${scope} and v.approved_value is not null
             group by v.indicator_id, v.period, v.member_id) t
     group by t.indicator_id, t.period`);
}
