import {
  DecisionMethod,
  type MemberStatementList,
  MemberStatementStanding,
  StatementStatus,
} from '../../../shared/statements.js';
import type { Db } from '../../db/client.js';
import type { SessionUser } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { accessesOf } from './statement-loader.js';
import { toStatementSummary } from './statements.mapper.js';
import { canReadStatement, type StatementAccess } from './statements.policy.js';
import { decisionsOfStatements, listStatementRows, memberRecordOn } from './statements.repo.js';

/**
 * Where a member stood: the decision records those that kept silent or endorsed; a member it does
 * not record either broke a silence (and the text was adopted by a later procedure or at a meeting)
 * or let an endorsement pass without answering.
 */
export function standingOf(
  method: DecisionMethod,
  mark: { broke: boolean; recorded: boolean },
): MemberStatementStanding {
  const { enum: standing } = MemberStatementStanding;
  if (mark.recorded) return method === DecisionMethod.enum.silence ? standing.kept_silence : standing.endorsed;
  return mark.broke ? standing.broke_silence : standing.not_endorsed;
}

/** The adopted statements this user may see that were circulated to the member, newest adoption first; 404 for an unknown code. */
export async function loadMemberStatements(
  db: Db,
  user: SessionUser | null,
  code: string,
): Promise<MemberStatementList> {
  const memberId = (await memberIdsByCode(db, [code])).get(code);
  if (!memberId) throw notFound(`Member ${code}`);
  const rows = await listStatementRows(db, { status: StatementStatus.enum.adopted });
  const accesses = await accessesOf(db, rows);
  const visible = rows.filter((row) => canReadStatement(user, accesses.get(row.id) as StatementAccess));
  const marks = await memberRecordOn(
    db,
    memberId,
    visible.map((r) => r.id),
  );
  const decisions = await decisionsOfStatements(db, [...marks.keys()]);
  const items = visible.flatMap((row) => {
    const mark = marks.get(row.id);
    const decision = decisions.get(row.id);
    if (!mark || !decision) return [];
    return [
      {
        statement: toStatementSummary(row, decision, undefined),
        standing: standingOf(decision.method, mark),
        hasPosition: mark.hasPosition,
      },
    ];
  });
  items.sort((a, b) => ((a.statement.adoptedOn ?? '') < (b.statement.adoptedOn ?? '') ? 1 : -1));
  return { items };
}
