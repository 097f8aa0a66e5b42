import { type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { Visibility } from '../../../shared/meetings.js';
import { NotificationKind } from '../../../shared/notifications.js';
import type { FieldError } from '../../../shared/problem.js';
import {
  type ExtendProcedureBody,
  type ListProceduresQuery,
  type OpenProcedureBody,
  type Procedure,
  ProcedureKind,
  type ProcedureList,
  ProcedureResponseKind,
  ProcedureStatus,
  type RespondBody,
  StatementStatus,
  type ToActList,
  type WithdrawProcedureBody,
} from '../../../shared/statements.js';
import type { Db, Tx } from '../../db/client.js';
import { procedures } from '../../db/schema/statements.js';
import { isFocalPointOf, isSecretariat, requireRole, requireVisible } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { findMeetingRecord } from '../meetings/meetings.repo.js';
import { activeMemberIds, memberIdsByCode } from '../members/members.repo.js';
import { notify } from '../notifications/notify.js';
import { noticeParams, procedureSummary, toResponseRecord } from './procedures.mapper.js';
import {
  circulatedMemberIds,
  circulatedMembers,
  circulatedText,
  endProcedure,
  findProcedure,
  insertProcedure,
  insertResponse,
  isAfterNow,
  listProcedures,
  lockProcedure,
  openProcedures,
  type ProcedureWithNumber,
  responsesOf,
  type StatementWithAccess,
  setStatementStatus,
  statementsWithAccess,
} from './procedures.repo.js';
import { paragraphCount } from './render.js';
import { settleDue } from './settle.js';
import { toMemberRef } from './statements.mapper.js';
import { canManageStatements, canReadStatement, canRespondFor, canSeeWorkspace } from './statements.policy.js';
import { findVersion, lockStatement } from './statements.repo.js';
import { STATEMENTS_TAG } from './statements.service.js';

/** 409 for a procedure that no longer takes responses or changes: its status, or what its passed deadline makes it. */
function procedureEnded(procedure: ProcedureWithNumber): AppError {
  const status =
    procedure.status !== ProcedureStatus.enum.open
      ? procedure.status
      : procedure.kind === ProcedureKind.enum.silence
        ? ProcedureStatus.enum.adopted
        : ProcedureStatus.enum.closed;
  return new AppError('conflict', `This procedure is no longer open (${status}).`, {
    reason: 'procedure_ended',
    params: { status },
  });
}

/** A unique index refused the row (PostgreSQL's 23505), whichever driver wrapped the error. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

export function createProceduresService(deps: ServiceDeps) {
  const { db } = deps;

  /** The procedure and its statement, or 404 when either is missing or the caller may not see the statement. */
  async function visibleProcedure(conn: Db | Tx, auth: Auth, id: string) {
    const procedure = await findProcedure(conn, id);
    const statement =
      procedure && (await statementsWithAccess(conn, [procedure.statementId])).get(procedure.statementId);
    requireVisible(statement, (s) => canReadStatement(auth.user, s), 'This procedure');
    return { procedure: procedure as ProcedureWithNumber, statement: statement as StatementWithAccess };
  }

  async function procedureView(
    auth: Auth,
    procedure: ProcedureWithNumber,
    statement: StatementWithAccess,
  ): Promise<Procedure> {
    const [circulated, responses] = await Promise.all([
      circulatedMembers(db, procedure.id),
      responsesOf(db, [procedure.id]),
    ]);
    const showWho = canSeeWorkspace(auth.user, statement);
    return {
      ...procedureSummary(procedure),
      statementTitle: statement.title,
      statementTranslations: statement.translations,
      statementLanguage: statement.language,
      members: circulated.map((member) => {
        const history = responses
          .filter((r) => r.memberId === member.memberId)
          .map((r) => toResponseRecord(r, showWho));
        return { member: toMemberRef(member), response: history.at(-1) ?? null, history };
      }),
    };
  }

  async function getProcedure(auth: Auth, id: string): Promise<Procedure> {
    await settleDue(deps, { procedureId: id });
    const { procedure, statement } = await visibleProcedure(db, auth, id);
    return procedureView(auth, procedure, statement);
  }

  /** The members to circulate to: those named (known, and listed when the statement is restricted), or every active one. */
  async function membersToCirculate(
    tx: Tx,
    statement: StatementWithAccess,
    codes: string[] | undefined,
  ): Promise<{ ids: Map<string, string>; errors: FieldError[] }> {
    const listed = (memberId: string) =>
      statement.visibility !== Visibility.enum.restricted || statement.restrictedMemberIds.includes(memberId);
    if (!codes) {
      const every = await activeMemberIds(tx);
      const ids = new Map([...every].filter(([, id]) => listed(id)));
      return {
        ids,
        errors: ids.size === 0 ? [fieldError('members', 'no_members', 'no current member may see this statement')] : [],
      };
    }
    const unique = [...new Set(codes)];
    const ids = await memberIdsByCode(tx, unique);
    const errors = unique.flatMap((code) => {
      const path = `members.${codes.indexOf(code)}`;
      const id = ids.get(code);
      if (!id) return [unknownMember(path, code)];
      // A restricted statement goes only to the members that may see it: anyone else could not read or answer it.
      if (!listed(id))
        return [
          fieldError(path, 'member_not_listed', `${code} is not among the members this statement is restricted to`, {
            code,
          }),
        ];
      return [];
    });
    return { ids, errors };
  }

  return {
    /** Circulates a draft's text version to members until a deadline (secretariat): the statement is then in procedure. */
    async openProcedure(auth: Auth, statementId: string, body: OpenProcedureBody): Promise<Procedure> {
      await settleDue(deps, { statementId });
      const access = (await statementsWithAccess(db, [statementId])).get(statementId);
      requireVisible(access, (s) => canReadStatement(auth.user, s), 'This statement');
      requireRole(auth, canManageStatements, 'Only the secretariat can circulate a statement.');
      let id: string;
      try {
        id = await write(deps, [STATEMENTS_TAG], async (tx) => {
          // One procedure opens on a statement at a time: the statement's lock orders them.
          const locked = await lockStatement(tx, statementId);
          const statement = locked && (await statementsWithAccess(tx, [statementId])).get(statementId);
          if (!statement) throw notFound('This statement');
          if (statement.status !== StatementStatus.enum.draft) {
            throw new AppError('conflict', `Only a draft can be circulated; this statement is ${statement.status}.`, {
              reason: 'statement_not_draft',
              params: { status: statement.status },
            });
          }
          const errors: FieldError[] = [];
          const version = await findVersion(tx, statementId, body.textVersion);
          if (!version) {
            errors.push(
              fieldError('textVersion', 'unknown_text_version', `the statement has no version ${body.textVersion}`, {
                number: body.textVersion,
              }),
            );
          }
          // Any instant after now by the database's clock: the API warns of nothing and refuses no short deadline.
          if (!(await isAfterNow(tx, deps.clock, body.deadline))) {
            errors.push(fieldError('deadline', 'deadline_not_future', 'must be later than now'));
          }
          const circulated = await membersToCirculate(tx, statement, body.members);
          errors.push(...circulated.errors);
          if (errors.length > 0 || !version) throw invalid(errors);
          if (version.circulated) {
            throw new AppError(
              'conflict',
              `Version ${version.number} was circulated before: circulate a new version.`,
              {
                reason: 'version_circulated',
                params: { number: version.number },
              },
            );
          }
          const meeting = statement.meetingId ? await findMeetingRecord(tx, statement.meetingId) : undefined;
          const row = await insertProcedure(
            tx,
            {
              statementId,
              textVersionId: version.id,
              kind: body.kind,
              deadline: new Date(body.deadline),
              timeZone: body.timeZone ?? meeting?.meeting.timeZone ?? 'UTC',
              openedBy: auth.user?.id ?? null,
              openedAt: deps.clock.sql(),
              updatedAt: deps.clock.sql(),
            },
            [...circulated.ids.values()],
          );
          await setStatementStatus(tx, deps.clock, statementId, StatementStatus.enum.in_procedure);
          const codes = [...circulated.ids.keys()].sort();
          await recordAudit(tx, auth, {
            action: 'procedure.opened',
            entityType: 'procedure',
            entityId: row.id,
            after: { ...procedureSummary({ ...row, textVersion: version.number }), members: codes },
          });
          for (const code of codes) {
            await notify(tx, deps.clock, {
              kind: NotificationKind.enum.procedure_circulated,
              to: { focalPointsOf: [circulated.ids.get(code) as string] },
              params: noticeParams(row, statement, { memberCode: code }),
            });
          }
          return row.id;
        });
      } catch (err) {
        // The statement's lock makes this unreachable; should it be reached, it is still a 409, not a 500.
        if (!isUniqueViolation(err)) throw err;
        throw new AppError('conflict', 'This statement already has an open procedure.', {
          reason: 'statement_not_draft',
          params: { status: StatementStatus.enum.in_procedure },
        });
      }
      return getProcedure(auth, id);
    },

    /** One procedure with every member circulated, its latest response and its history; 404 unless its statement is visible. */
    getProcedure,

    /** The procedures of the statements the caller may see, newest first. */
    async listProcedures(auth: Auth, query: ListProceduresQuery): Promise<ProcedureList> {
      await settleDue(deps, query.statementId ? { statementId: query.statementId } : {});
      const rows = await listProcedures(db, query);
      const access = await statementsWithAccess(
        db,
        rows.map((r) => r.statementId),
      );
      return {
        items: rows
          .filter((r) => {
            const statement = access.get(r.statementId);
            return statement !== undefined && canReadStatement(auth.user, statement);
          })
          .map(procedureSummary),
      };
    },

    /**
     * What the caller has to act on, soonest deadline first: a focal point, the open procedures
     * circulated to their member with its latest response; the secretariat, every open procedure
     * (`memberCode` ""); anyone else nothing.
     */
    async toAct(auth: Auth): Promise<ToActList> {
      await settleDue(deps);
      const user = auth.user;
      const memberId = user?.memberId ?? null;
      const secretariat = isSecretariat(user);
      if (!secretariat && !(memberId && isFocalPointOf(user, memberId))) return { items: [] };
      const open = await openProcedures(db, secretariat ? null : memberId);
      const access = await statementsWithAccess(
        db,
        open.map((p) => p.statementId),
      );
      const visible = open.filter((p) => {
        const statement = access.get(p.statementId);
        return statement !== undefined && canReadStatement(user, statement);
      });
      const responses =
        !secretariat && memberId
          ? await responsesOf(
              db,
              visible.map((p) => p.id),
              memberId,
            )
          : [];
      return {
        items: visible.map((p) => {
          const statement = access.get(p.statementId) as StatementWithAccess;
          const latest = responses.filter((r) => r.procedureId === p.id).at(-1);
          return {
            ...procedureSummary(p),
            statementTitle: statement.title,
            statementTranslations: statement.translations,
            statementLanguage: statement.language,
            memberCode: secretariat ? '' : (user?.memberCode ?? ''),
            response: latest ? toResponseRecord(latest, true) : null,
          };
        }),
      };
    },

    /**
     * A member's response (its focal point): endorse, or break silence, which ends the procedure at
     * once. Decided on the locked procedure row against the database's clock: after the deadline,
     * or once it has ended, 409 and nothing changes, whatever a sweeper is doing.
     */
    async respond(auth: Auth, id: string, body: RespondBody): Promise<Procedure> {
      await write(deps, [STATEMENTS_TAG], async (tx) => {
        const procedure = await lockProcedure(tx, deps.clock, id);
        const statement =
          procedure && (await statementsWithAccess(tx, [procedure.statementId])).get(procedure.statementId);
        if (!procedure || !statement || !canReadStatement(auth.user, statement)) throw notFound('This procedure');
        const memberId = (await memberIdsByCode(tx, [body.memberCode])).get(body.memberCode);
        if (!memberId) throw invalid([unknownMember('memberCode', body.memberCode)]);
        const may = canRespondFor(auth.user, memberId);
        if (may === 'forbidden') throw new AppError('forbidden', "Only a member's focal point can respond for it.");
        if (may === 'not_own_member')
          throw new AppError('forbidden', 'A focal point responds only for their own member.');
        if (!(await circulatedMemberIds(tx, id)).includes(memberId)) {
          throw notFound(`${body.memberCode} in this procedure (it was not circulated to)`);
        }
        if (procedure.status !== ProcedureStatus.enum.open || !procedure.beforeDeadline)
          throw procedureEnded(procedure);

        const errors: FieldError[] = [];
        const fits =
          procedure.kind === ProcedureKind.enum.silence
            ? ProcedureResponseKind.enum.break
            : ProcedureResponseKind.enum.endorse;
        if (body.response !== fits) {
          errors.push(
            fieldError('response', 'response_not_of_kind', `a ${procedure.kind} procedure takes "${fits}"`, {
              kind: procedure.kind,
            }),
          );
        }
        if (body.response === ProcedureResponseKind.enum.break && !body.reason) {
          errors.push(fieldError('reason', 'required', 'breaking silence needs a reason'));
        }
        if (body.proposedText && !body.paragraph) {
          errors.push(
            fieldError('paragraph', 'paragraph_required', 'proposed wording needs the paragraph it replaces'),
          );
        }
        if (body.paragraph) {
          const count = paragraphCount(await circulatedText(tx, procedure.textVersionId));
          if (body.paragraph > count) {
            errors.push(
              fieldError('paragraph', 'unknown_paragraph', `the text has paragraphs 1 to ${count}`, { count }),
            );
          }
        }
        if (errors.length > 0) throw invalid(errors);

        const response = {
          memberCode: body.memberCode,
          response: body.response,
          reason: body.reason ?? null,
          paragraph: body.paragraph ?? null,
          proposedText: body.proposedText ?? null,
        };
        await recordResponse(tx, auth, procedure, memberId, response);
        if (body.response !== ProcedureResponseKind.enum.break) return;

        // A broken silence ends the procedure at once: the deadline no longer matters.
        const ended = await endProcedure(tx, deps.clock, id, ProcedureStatus.enum.broken, deps.clock.sql());
        await setStatementStatus(tx, deps.clock, procedure.statementId, StatementStatus.enum.draft);
        await recordAudit(tx, auth, {
          action: 'procedure.broken',
          entityType: 'procedure',
          entityId: id,
          before: procedureSummary(procedure),
          after: { ...procedureSummary({ ...ended, textVersion: procedure.textVersion }), brokenBy: body.memberCode },
        });
        await notify(tx, deps.clock, {
          kind: NotificationKind.enum.procedure_broken,
          to: { secretariat: true },
          params: noticeParams(procedure, statement, { memberCode: body.memberCode }),
        });
      });
      return getProcedure(auth, id);
    },

    /** Moves an open procedure's deadline later (secretariat, If-Match); reminders already sent are re-armed when far enough away. */
    async extendProcedure(auth: Auth, id: string, version: number, body: ExtendProcedureBody): Promise<Procedure> {
      await changeOpenProcedure(auth, id, version, 'procedure.extended', async (_tx, procedure) => {
        if (new Date(body.deadline).getTime() <= procedure.deadline.getTime()) {
          throw invalid([
            fieldError('deadline', 'deadline_not_later', 'must be later than the current deadline', {
              deadline: procedure.deadline.toISOString(),
            }),
          ]);
        }
        const rearm = (
          hours: number,
          column: SQL | typeof procedures.remindedEarlyAt | typeof procedures.remindedLateAt,
        ): SQL<Date> =>
          sql<Date>`case when ${body.deadline}::timestamptz - make_interval(hours => ${hours}) > ${deps.clock.sql()} then null else ${column} end`;
        return {
          deadline: new Date(body.deadline),
          reason: body.reason,
          remindedEarlyAt: rearm(48, procedures.remindedEarlyAt),
          remindedLateAt: rearm(6, procedures.remindedLateAt),
        };
      });
      return getProcedure(auth, id);
    },

    /** Withdraws an open procedure before its deadline (secretariat, If-Match): the statement is a draft again. */
    async withdrawProcedure(auth: Auth, id: string, version: number, body: WithdrawProcedureBody): Promise<Procedure> {
      await changeOpenProcedure(auth, id, version, 'procedure.withdrawn', async (tx, procedure) => {
        await setStatementStatus(tx, deps.clock, procedure.statementId, StatementStatus.enum.draft);
        return { status: ProcedureStatus.enum.withdrawn, endedAt: deps.clock.sql(), reason: body.reason };
      });
      return getProcedure(auth, id);
    },
  };

  /** Records one response and its audit event. */
  async function recordResponse(
    tx: Tx,
    auth: Auth,
    procedure: ProcedureWithNumber,
    memberId: string,
    response: {
      memberCode: string;
      response: RespondBody['response'];
      reason: string | null;
      paragraph: number | null;
      proposedText: string | null;
    },
  ): Promise<void> {
    const { memberCode, ...values } = response;
    await insertResponse(tx, {
      procedureId: procedure.id,
      memberId,
      ...values,
      userId: auth.user?.id ?? null,
      createdAt: deps.clock.sql(),
    });
    await recordAudit(tx, auth, {
      action: 'procedure.response',
      entityType: 'procedure',
      entityId: procedure.id,
      after: response,
    });
  }

  /**
   * A change the secretariat makes to an open procedure before its deadline, If-Match its
   * version: 404 when hidden, 403 for anyone else, 409 once ended or past its deadline.
   */
  async function changeOpenProcedure(
    auth: Auth,
    id: string,
    version: number,
    action: string,
    change: (tx: Tx, procedure: ProcedureWithNumber) => Promise<PgUpdateSetSource<typeof procedures>>,
  ): Promise<void> {
    await write(deps, [STATEMENTS_TAG], async (tx) => {
      let textVersion = 0;
      await updateVersioned(tx, deps, auth, {
        table: procedures,
        entity: 'procedure',
        action,
        version,
        lock: async () => {
          const procedure = await lockProcedure(tx, deps.clock, id);
          const statement =
            procedure && (await statementsWithAccess(tx, [procedure.statementId])).get(procedure.statementId);
          if (!procedure || !statement) return undefined;
          textVersion = procedure.textVersion;
          return { ...procedure, statement };
        },
        visible: (locked) => canReadStatement(auth.user, locked.statement),
        allow: (locked) => {
          requireRole(auth, canManageStatements, 'Only the secretariat can change a procedure.');
          if (locked.status !== ProcedureStatus.enum.open || !locked.beforeDeadline) throw procedureEnded(locked);
        },
        view: (row) => procedureSummary({ ...row, textVersion }),
        change: (locked) => change(tx, locked),
      });
    });
  }
}

export type ProceduresService = ReturnType<typeof createProceduresService>;
