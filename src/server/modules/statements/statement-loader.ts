import type { ListStatementsQuery, Statement, StatementList } from '../../../shared/statements.js';
import { StatementStatus } from '../../../shared/statements.js';
import type { Db, Tx } from '../../db/client.js';
import type { StatementRow } from '../../db/schema/statements.js';
import { requireVisible } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';
import { decisionNumber } from './adoption.js';
import { renderParagraphs } from './render.js';
import {
  iso,
  toMemberRef,
  toPosition,
  toProcedureSummary,
  toStatementSummary,
  toTextVersionSummary,
} from './statements.mapper.js';
import { canReadStatement, canSeeWorkspace, type StatementAccess } from './statements.policy.js';
import {
  circulatedMembersOf,
  decisionMemberRefs,
  decisionsOfStatements,
  findStatement,
  listStatementRows,
  openDeadlinesOf,
  positionsOf,
  procedureSummariesOf,
  restrictedMembersOf,
  versionSummariesOf,
} from './statements.repo.js';

type Conn = Db | Tx;

/** A statement's row with what the policy decides on, and the codes of the members it is restricted to. */
export interface LoadedStatement {
  row: StatementRow;
  access: StatementAccess;
  restrictedTo: string[];
}

/** A statement with its access, or undefined when there is none with this id. */
export async function loadStatementAccess(
  conn: Conn,
  id: string,
  locked?: StatementRow,
): Promise<LoadedStatement | undefined> {
  const row = locked ?? (await findStatement(conn, id));
  if (!row) return undefined;
  const restricted = (await restrictedMembersOf(conn, [row.id])).get(row.id) ?? [];
  const circulated = (await circulatedMembersOf(conn, [row.id])).get(row.id) ?? [];
  return {
    row,
    restrictedTo: restricted.map((r) => r.code),
    access: {
      status: row.status,
      visibility: row.visibility,
      restrictedMemberIds: restricted.map((r) => r.memberId),
      circulatedMemberIds: circulated,
    },
  };
}

/** The statement if this user may see it; 404 alike for missing and hidden. */
export async function visibleStatement(conn: Conn, user: SessionUser | null, id: string): Promise<LoadedStatement> {
  return requireVisible(await loadStatementAccess(conn, id), (s) => canReadStatement(user, s.access), 'Statement');
}

/** The statement page as this user may see it: versions and procedures only for its workspace. */
export async function loadStatement(conn: Conn, user: SessionUser | null, id: string): Promise<Statement> {
  const { row, access, restrictedTo } = await visibleStatement(conn, user, id);
  const workspace = canSeeWorkspace(user, access);
  const decision = (await decisionsOfStatements(conn, [id])).get(id);
  const deadline = (await openDeadlinesOf(conn, [id])).get(id);
  const adopted = row.status === StatementStatus.enum.adopted && decision;
  return {
    ...toStatementSummary(row, decision, deadline),
    restrictedTo,
    versions: workspace ? (await versionSummariesOf(conn, id)).map(toTextVersionSummary) : [],
    procedures: workspace ? (await procedureSummariesOf(conn, id)).map(toProcedureSummary) : [],
    adoption: adopted
      ? {
          method: decision.method,
          textVersion: decision.textVersion,
          text: decision.text,
          paragraphs: renderParagraphs(decision.text),
          adoptedAt: iso(decision.adoptedAt),
          adoptedOn: decision.adoptedOn,
          decisionId: decision.id,
          decisionNumber: decisionNumber(decision.year, decision.sequence),
          members: (await decisionMemberRefs(conn, decision.id)).map(toMemberRef),
          procedureId: decision.procedureId,
        }
      : null,
    positions: (await positionsOf(conn, id)).map(toPosition),
    createdAt: iso(row.createdAt),
  };
}

/** What the policy decides on, for each of these statement rows, by id. */
export async function accessesOf(conn: Conn, rows: StatementRow[]): Promise<Map<string, StatementAccess>> {
  const ids = rows.map((r) => r.id);
  const restricted = await restrictedMembersOf(conn, ids);
  const circulated = await circulatedMembersOf(conn, ids);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        status: row.status,
        visibility: row.visibility,
        restrictedMemberIds: (restricted.get(row.id) ?? []).map((r) => r.memberId),
        circulatedMemberIds: circulated.get(row.id) ?? [],
      },
    ]),
  );
}

/** The statements this user may see, filtered, most recently changed first. */
export async function loadStatementList(
  conn: Conn,
  user: SessionUser | null,
  query: ListStatementsQuery,
): Promise<StatementList> {
  const rows = await listStatementRows(conn, query);
  const accesses = await accessesOf(conn, rows);
  const visible = rows.filter((row) => canReadStatement(user, accesses.get(row.id) as StatementAccess));
  const visibleIds = visible.map((r) => r.id);
  const decisions = await decisionsOfStatements(conn, visibleIds);
  const deadlines = await openDeadlinesOf(conn, visibleIds);
  return { items: visible.map((row) => toStatementSummary(row, decisions.get(row.id), deadlines.get(row.id))) };
}
