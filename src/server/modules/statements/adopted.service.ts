import {
  type AddPositionBody,
  type AdoptAtMeetingBody,
  DecisionMethod,
  type Position,
  type Statement,
  StatementStatus,
} from '../../../shared/statements.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { versionMismatch } from '../../lib/if-match.js';
import { write } from '../../lib/transaction.js';
import { zonedDateTime } from '../../lib/zoned-time.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { recordAdoption } from './adoption.js';
import { settleDue } from './settle.js';
import { meetingIfVisible, notDraft, STATEMENTS_TAG, type StatementsDeps } from './statement-common.js';
import { loadStatement, visibleStatement } from './statement-loader.js';
import { toPosition } from './statements.mapper.js';
import { canAddPositionFor, canManageStatements } from './statements.policy.js';
import {
  deletePosition,
  findVersion,
  insertPosition,
  lockPosition,
  lockStatement,
  positionsOf,
} from './statements.repo.js';

/** A meeting's consensus is recorded at noon of its day, in its zone: the hour is not known, the day is. */
const MEETING_ADOPTION_TIME = '12:00';

const notAdopted = (status: StatementStatus) =>
  new AppError('conflict', `Positions are attached to an adopted statement; this one is ${status}.`, {
    reason: 'statement_not_adopted',
    params: { status },
  });

/** The use-cases of a statement's outcome: adoption at a meeting, and the positions members attach to it. */
export function createAdoptedUseCases(deps: StatementsDeps) {
  const { db, clock } = deps;

  /** The member a position is for: 403 for a caller who may not add positions, 400 for an unknown code, 403 for another's member. */
  async function positionMember(auth: Auth, memberCode: string): Promise<string> {
    if (canAddPositionFor(auth.user, '') === 'forbidden') {
      throw new AppError('forbidden', 'Only the secretariat and focal points record positions.');
    }
    const memberId = (await memberIdsByCode(db, [memberCode])).get(memberCode);
    if (!memberId) throw invalid([unknownMember('memberCode', memberCode)]);
    if (canAddPositionFor(auth.user, memberId) !== 'allowed') {
      throw new AppError('forbidden', 'A focal point records positions for their own member only.');
    }
    return memberId;
  }

  return {
    /**
     * Records a draft as adopted by consensus at a meeting (secretariat), with the version named;
     * If-Match is the statement's version. Its day is the meeting's last unless told.
     */
    async adoptAtMeeting(auth: Auth, id: string, version: number, body: AdoptAtMeetingBody): Promise<Statement> {
      await settleDue(deps, { statementId: id });
      const { row: seen } = await visibleStatement(db, auth.user, id);
      requireRole(auth, canManageStatements, 'Only the secretariat records adoptions.');
      const meetingId = body.meetingId ?? seen.meetingId;
      if (!meetingId) {
        throw invalid([fieldError('meetingId', 'required', 'is required: the statement has no meeting')]);
      }
      // Read before the transaction: the meetings' reads have their own connection (one, on PGlite).
      const meeting = await meetingIfVisible(deps, auth, meetingId);
      if (!meeting) throw invalid([fieldError('meetingId', 'unknown_meeting', 'no meeting has this id')]);
      const adoptedOn = body.adoptedOn ?? meeting.endDate;
      const adoptedAt = zonedDateTime(adoptedOn, MEETING_ADOPTION_TIME, meeting.timeZone).toJSDate();
      await write(deps, [STATEMENTS_TAG], async (tx) => {
        const row = await lockStatement(tx, id);
        if (!row) throw notFound('Statement');
        if (row.status !== StatementStatus.enum.draft) {
          throw notDraft(row.status, `Only a draft can be adopted at a meeting; this statement is ${row.status}.`);
        }
        if (row.version !== version) throw versionMismatch('statement', row.version);
        const textVersion = await findVersion(tx, id, body.textVersion);
        if (!textVersion) {
          throw invalid([
            fieldError('textVersion', 'unknown_text_version', `the statement has no text version ${body.textVersion}`, {
              number: body.textVersion,
            }),
          ]);
        }
        const decision = await recordAdoption(tx, clock, auth, {
          statementId: id,
          textVersionId: textVersion.id,
          method: DecisionMethod.enum.meeting_consensus,
          procedureId: null,
          meetingId,
          adoptedAt,
          adoptedOn,
          memberIds: [],
        });
        await recordAudit(tx, auth, {
          action: 'statement.adopted',
          entityType: 'statement',
          entityId: id,
          before: { status: row.status },
          after: {
            status: StatementStatus.enum.adopted,
            method: DecisionMethod.enum.meeting_consensus,
            textVersion: body.textVersion,
            meetingId,
            adoptedOn,
            decisionId: decision.decisionId,
            decisionNumber: decision.number,
          },
        });
      });
      return loadStatement(db, auth.user, id);
    },

    /** Attaches a member's reservation or explanation of position to an adopted statement. */
    async addPosition(auth: Auth, id: string, body: AddPositionBody): Promise<Position> {
      await settleDue(deps, { statementId: id });
      await visibleStatement(db, auth.user, id);
      const memberId = await positionMember(auth, body.memberCode);
      const positionId = await write(deps, [STATEMENTS_TAG], async (tx) => {
        const row = await lockStatement(tx, id);
        if (!row) throw notFound('Statement');
        if (row.status !== StatementStatus.enum.adopted) throw notAdopted(row.status);
        const created = await insertPosition(tx, {
          statementId: id,
          memberId,
          kind: body.kind,
          text: body.text,
          userId: auth.user?.id ?? null,
          createdAt: clock.now(),
        });
        await recordAudit(tx, auth, {
          action: 'statement.position_added',
          entityType: 'statement',
          entityId: id,
          after: { positionId: created.id, memberCode: body.memberCode, kind: body.kind, text: body.text },
        });
        return created.id;
      });
      const position = (await positionsOf(db, id)).find((p) => p.id === positionId);
      if (!position) throw notFound('Position');
      return toPosition(position);
    },

    /** Removes a position: the secretariat, or a focal point of the member it speaks for. */
    async deletePosition(auth: Auth, id: string, positionId: string): Promise<void> {
      await settleDue(deps, { statementId: id });
      await visibleStatement(db, auth.user, id);
      if (canAddPositionFor(auth.user, '') === 'forbidden') {
        throw new AppError('forbidden', 'Only the secretariat and focal points remove positions.');
      }
      await write(deps, [STATEMENTS_TAG], async (tx) => {
        const position = await lockPosition(tx, id, positionId);
        if (!position) throw notFound('Position');
        if (canAddPositionFor(auth.user, position.memberId) !== 'allowed') {
          throw new AppError('forbidden', "A focal point removes their own member's positions only.");
        }
        const [shown] = (await positionsOf(tx, id)).filter((p) => p.id === positionId);
        await deletePosition(tx, positionId);
        await recordAudit(tx, auth, {
          action: 'statement.position_deleted',
          entityType: 'statement',
          entityId: id,
          before: { positionId, memberCode: shown?.code ?? null, kind: position.kind, text: position.text },
        });
      });
    },
  };
}
