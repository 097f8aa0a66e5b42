import { inArray } from 'drizzle-orm';
import type { FieldError } from '../../../shared/problem.js';
import {
  type AddFollowUpBody,
  type Decision,
  type DecisionList,
  type FollowUp,
  FollowUpStatus,
  type UpdateFollowUpBody,
} from '../../../shared/statements.js';
import type { Db, Tx } from '../../db/client.js';
import { decisions, followUps } from '../../db/schema/statements.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth, SessionUser } from '../../lib/auth-context.js';
import { fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { decisionNumber } from './adoption.js';
import {
  type FollowUpReadRow,
  type FollowUpRow,
  findFollowUp,
  followUpsOf,
  insertFollowUp,
  lockFollowUp,
  memberCodeOf,
} from './decisions.repo.js';
import { settleDue } from './settle.js';
import { STATEMENTS_TAG, type StatementsDeps, visibleMeetingIds, withVisibleMeeting } from './statement-common.js';
import { accessesOf } from './statement-loader.js';
import { toMemberRef, toTranslations } from './statements.mapper.js';
import { canManageStatements, canReadStatement, type StatementAccess } from './statements.policy.js';
import { type DecisionReadRow, listDecisionRows, statementRowsById } from './statements.repo.js';

type Conn = Db | Tx;

const toFollowUp = ({ followUp, owner }: FollowUpReadRow): FollowUp => ({
  id: followUp.id,
  text: followUp.text,
  owner: owner
    ? { kind: 'member', member: toMemberRef(owner) }
    : { kind: 'working_group', name: followUp.ownerWorkingGroup ?? '' },
  dueOn: followUp.dueOn,
  status: followUp.status,
  version: followUp.version,
});

/** A follow-up's own fields, as the audit trail records them. */
const followUpRecord = (row: FollowUpRow, ownerMemberCode: string | null) => ({
  decisionId: row.decisionId,
  text: row.text,
  ownerMemberCode,
  ownerWorkingGroup: row.ownerWorkingGroup,
  dueOn: row.dueOn,
  status: row.status,
});

/**
 * The decisions this user may see, with their follow-ups: a decision is visible exactly when its
 * statement is. `where` narrows them (one id, one year).
 */
async function visibleDecisions(conn: Conn, user: SessionUser | null, where?: Parameters<typeof listDecisionRows>[1]) {
  const rows = await listDecisionRows(conn, where);
  const statementRows = await statementRowsById(
    conn,
    rows.map((r) => r.statementId),
  );
  const accesses = await accessesOf(conn, [...statementRows.values()]);
  const visible = rows.filter((r) => {
    const access = accesses.get(r.statementId);
    return access !== undefined && canReadStatement(user, access as StatementAccess);
  });
  const followUpRows = await followUpsOf(
    conn,
    visible.map((r) => r.id),
  );
  return visible.map((row): Decision => {
    const statement = statementRows.get(row.statementId);
    return toDecision(
      row,
      statement ? { translations: statement.translations, language: statement.language } : undefined,
      followUpRows,
    );
  });
}

function toDecision(
  row: DecisionReadRow,
  statement: { translations: Decision['translations']; language: Decision['language'] } | undefined,
  followUpRows: FollowUpReadRow[],
): Decision {
  return {
    id: row.id,
    number: decisionNumber(row.year, row.sequence),
    title: row.title,
    translations: statement ? toTranslations({ translations: statement.translations }) : {},
    language: statement?.language ?? 'en',
    method: row.method,
    statementId: row.statementId,
    textVersion: row.textVersion,
    meetingId: row.meetingId,
    adoptedOn: row.adoptedOn,
    followUps: followUpRows.filter((f) => f.followUp.decisionId === row.id).map(toFollowUp),
  };
}

/** Exactly one owner: a member (by code, resolved to its id) or a working group. */
async function resolveOwner(
  conn: Conn,
  owner: { ownerMemberCode: string | null; ownerWorkingGroup: string | null },
): Promise<{ ownerMemberId: string | null; ownerWorkingGroup: string | null }> {
  const errors: FieldError[] = [];
  if ((owner.ownerMemberCode === null) === (owner.ownerWorkingGroup === null)) {
    errors.push(fieldError('ownerMemberCode', 'one_owner', 'a follow-up has one owner: a member or a working group'));
  }
  let ownerMemberId: string | null = null;
  if (owner.ownerMemberCode !== null) {
    ownerMemberId = (await memberIdsByCode(conn, [owner.ownerMemberCode])).get(owner.ownerMemberCode) ?? null;
    if (!ownerMemberId) errors.push(unknownMember('ownerMemberCode', owner.ownerMemberCode));
  }
  if (errors.length > 0) throw invalid(errors);
  return { ownerMemberId, ownerWorkingGroup: owner.ownerWorkingGroup };
}

export function createDecisionsService(deps: StatementsDeps) {
  const { db } = deps;

  /** The decision, 404 unless the caller may see its statement. */
  async function visibleDecision(auth: Auth, id: string): Promise<Decision> {
    const [decision] = await visibleDecisions(db, auth.user, inArray(decisions.id, [id]));
    if (!decision) throw notFound('Decision');
    return decision;
  }

  /** One follow-up after a write, as its decision shows it. */
  async function followUpAnswer(auth: Auth, decisionId: string, id: string): Promise<FollowUp> {
    const decision = await visibleDecision(auth, decisionId);
    const followUp = decision.followUps.find((f) => f.id === id);
    if (!followUp) throw notFound('Follow-up');
    return followUp;
  }

  return {
    /** The decision register: the decisions the caller may see, newest adoption first, of one year if asked. */
    async listDecisions(auth: Auth, query: { year?: number }): Promise<DecisionList> {
      await settleDue(deps);
      const meetings = await visibleMeetingIds(deps.loader, auth);
      const items = (await visibleDecisions(db, auth.user)).map((d) => withVisibleMeeting(d, meetings));
      return { items: query.year ? items.filter((d) => d.adoptedOn.startsWith(`${query.year}-`)) : items };
    },

    /** One decision with its follow-ups. */
    async getDecision(auth: Auth, id: string): Promise<Decision> {
      await settleDue(deps);
      return withVisibleMeeting(await visibleDecision(auth, id), await visibleMeetingIds(deps.loader, auth));
    },

    /** Adds a follow-up to a decision (secretariat): its text, one owner, a due date. */
    async addFollowUp(auth: Auth, decisionId: string, body: AddFollowUpBody): Promise<FollowUp> {
      await visibleDecision(auth, decisionId);
      requireRole(auth, canManageStatements, 'Only the secretariat keeps the decision register.');
      const id = await write(deps, [STATEMENTS_TAG], async (tx) => {
        const owner = await resolveOwner(tx, {
          ownerMemberCode: body.ownerMemberCode ?? null,
          ownerWorkingGroup: body.ownerWorkingGroup ?? null,
        });
        const row = await insertFollowUp(tx, {
          decisionId,
          text: body.text,
          ...owner,
          dueOn: body.dueOn ?? null,
          status: body.status ?? FollowUpStatus.enum.open,
          createdAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
        });
        await recordAudit(tx, auth, {
          action: 'follow_up.created',
          entityType: 'follow_up',
          entityId: row.id,
          after: followUpRecord(row, body.ownerMemberCode ?? null),
        });
        return row.id;
      });
      return followUpAnswer(auth, decisionId, id);
    },

    /**
     * Changes a follow-up (secretariat) if `version` is current. An owner sent replaces the owner:
     * sending `ownerMemberCode` alone gives it to that member, `ownerWorkingGroup` alone to that group.
     */
    async updateFollowUp(auth: Auth, id: string, version: number, body: UpdateFollowUpBody): Promise<FollowUp> {
      const found = await findFollowUp(db, id);
      if (!found) throw notFound('Follow-up');
      await visibleDecision(auth, found.decisionId);
      requireRole(auth, canManageStatements, 'Only the secretariat keeps the decision register.');
      await write(deps, [STATEMENTS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: followUps,
          entity: 'follow_up',
          action: 'follow_up.updated',
          version,
          lock: () => lockFollowUp(tx, id),
          view: async (row) => followUpRecord(row, await memberCodeOf(tx, row.ownerMemberId)),
          change: async (row, before) => {
            const ownerSent = body.ownerMemberCode !== undefined || body.ownerWorkingGroup !== undefined;
            const owner = ownerSent
              ? await resolveOwner(tx, {
                  ownerMemberCode: body.ownerMemberCode ?? null,
                  ownerWorkingGroup: body.ownerWorkingGroup ?? null,
                })
              : { ownerMemberId: row.ownerMemberId, ownerWorkingGroup: before.ownerWorkingGroup };
            return {
              text: body.text ?? row.text,
              ...owner,
              dueOn: body.dueOn === undefined ? row.dueOn : body.dueOn,
              status: body.status ?? row.status,
            };
          },
        }),
      );
      return followUpAnswer(auth, found.decisionId, id);
    },
  };
}

export type DecisionsService = ReturnType<typeof createDecisionsService>;
