import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { VALUE_STATUSES } from '../../../shared/enums.js';
import type { ValueStatus } from '../../../shared/progress.js';
import { reportStatusOf, reportStatusSql } from './report-status.js';
import { sameFigure } from './reports.service.js';

describe('reportStatusOf', () => {
  it.each([
    [[], 'draft'],
    [['draft', 'approved'], 'draft'],
    [['submitted', 'approved'], 'submitted'],
    [['submitted', 'draft'], 'draft'],
    [['returned', 'submitted', 'approved'], 'returned'],
    [['approved', 'approved'], 'approved'],
  ] as const)('%j → %s', (statuses, status) => {
    expect(reportStatusOf(statuses)).toBe(status);
  });
});

describe('reportStatusSql', () => {
  const pglite = new PGlite();
  const db = drizzle(pglite);
  afterAll(() => pglite.close());

  // Every set of value statuses (each present or not, the empty set too): the import's SQL and the service agree.
  const sets = Array.from({ length: 2 ** VALUE_STATUSES.length }, (_, bits) =>
    VALUE_STATUSES.filter((_, i) => bits & (1 << i)),
  );
  it.each(sets)('%j as the service says', async (...statuses: ValueStatus[]) => {
    const rows = statuses.length
      ? sql`(values ${sql.join(
          statuses.map((s) => sql`(${s})`),
          sql`, `,
        )}) as v(status)`
      : sql`(select null::text as status where false) as v`;
    const result = await db.execute<{ status: string }>(
      sql`select ${reportStatusSql(sql`v.status`)} as status from ${rows}`,
    );
    expect(result.rows[0].status).toBe(reportStatusOf(statuses));
  });
});

describe('sameFigure', () => {
  it('compares to the six decimals the table keeps', () => {
    expect(sameFigure(1.0000001, 1)).toBe(true);
    expect(sameFigure(1.000001, 1)).toBe(false);
    expect(sameFigure(null, 1)).toBe(false);
  });
});
