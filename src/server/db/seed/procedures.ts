import { and, eq, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { MemberStatus } from '../../../shared/members.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { systemClock } from '../../lib/clock.js';
import { procedureSummary } from '../../modules/statements/procedures.mapper.js';
import type { Tx } from '../client.js';
import { members } from '../schema/members.js';
import {
  procedureMembers,
  procedureResponses,
  procedures,
  statements,
  statementVersions,
} from '../schema/statements.js';

/** The member that broke silence on the first round, with its reason and proposed wording. */
const FIRST_ROUND_BREAK = {
  code: 'FRA',
  reason: 'Paragraph 3 should also commit the partners to returning seized objects.',
  paragraph: 3,
  proposedText:
    'They will act together against the trade in looted antiquities, which finances ISIL/Daesh, and will return seized objects to their countries of origin.',
};

/**
 * The demo's silence procedures on the draft `statementId`: a first round on version 1 (February
 * 2015), broken by France with proposed wording for paragraph 3, and a second round on version 2
 * still running, circulated to every member, its deadline five days after the demo is loaded (by
 * the database's clock), at the hour. Inside the demo seed's transaction, each change audited as
 * the procedures' service records it; nobody is notified (the demo has no users yet).
 */
export async function seedProcedures(tx: Tx, auth: Auth, statementId: string): Promise<void> {
  const versions = await tx
    .select({ id: statementVersions.id, number: statementVersions.number })
    .from(statementVersions)
    .where(eq(statementVersions.statementId, statementId))
    .orderBy(statementVersions.number);
  const [first, second] = versions;
  if (!first || !second) throw new Error('seedProcedures: the draft needs two versions');
  const circulated = await tx
    .select({ id: members.id, code: members.code })
    .from(members)
    .where(eq(members.status, MemberStatus.enum.active));
  const memberIds = circulated.map((m) => m.id);
  const codes = circulated.map((m) => m.code).sort();
  const breaker = circulated.find((m) => m.code === FIRST_ROUND_BREAK.code) ?? circulated[0];
  if (!breaker) throw new Error('seedProcedures: no members');

  const open = async (values: PgInsertValue<typeof procedures>, number: number) => {
    const [row] = await tx.insert(procedures).values(values).returning();
    const procedure = row as typeof procedures.$inferSelect;
    await tx.insert(procedureMembers).values(memberIds.map((memberId) => ({ procedureId: procedure.id, memberId })));
    await recordAudit(tx, auth, {
      action: 'procedure.opened',
      entityType: 'procedure',
      entityId: procedure.id,
      after: { ...procedureSummary({ ...procedure, textVersion: number }), members: codes },
    });
    return procedure;
  };

  // The first round: broken three days in, the statement a draft again.
  const openedAt = new Date('2015-02-20T10:00:00Z');
  const brokenAt = new Date('2015-02-23T08:30:00Z');
  const round1 = await open(
    {
      statementId,
      textVersionId: first.id,
      kind: 'silence',
      deadline: new Date('2015-02-27T16:00:00Z'),
      timeZone: 'Europe/Brussels',
      openedAt,
      updatedAt: openedAt,
    },
    first.number,
  );
  const { code, ...response } = FIRST_ROUND_BREAK;
  await tx
    .insert(procedureResponses)
    .values({ procedureId: round1.id, memberId: breaker.id, response: 'break', ...response, createdAt: brokenAt });
  await recordAudit(tx, auth, {
    action: 'procedure.response',
    entityType: 'procedure',
    entityId: round1.id,
    after: { memberCode: breaker.code, response: 'break', ...response },
  });
  const [broken] = await tx
    .update(procedures)
    .set({ status: 'broken', endedAt: brokenAt, version: 2, updatedAt: brokenAt })
    .where(eq(procedures.id, round1.id))
    .returning();
  await recordAudit(tx, auth, {
    action: 'procedure.broken',
    entityType: 'procedure',
    entityId: round1.id,
    before: procedureSummary({ ...round1, textVersion: first.number }),
    after: {
      ...procedureSummary({ ...(broken as typeof procedures.$inferSelect), textVersion: first.number }),
      brokenBy: breaker.code,
    },
  });

  // The second round, running: it ends five days after the demo was loaded.
  const now = systemClock.sql();
  await open(
    {
      statementId,
      textVersionId: second.id,
      kind: 'silence',
      deadline: sql`date_trunc('hour', ${now} + interval '5 days')`,
      timeZone: 'Europe/Brussels',
      openedAt: now,
      updatedAt: now,
    },
    second.number,
  );
  await tx
    .update(statements)
    .set({ status: 'in_procedure', version: sql`${statements.version} + 1`, updatedAt: now })
    .where(and(eq(statements.id, statementId), eq(statements.status, 'draft')));
}
