import { Visibility } from '../../../shared/meetings.js';
import type { FieldError } from '../../../shared/problem.js';
import {
  type AddTextVersionBody,
  CHANGEABLE_WHEN_ADOPTED,
  type CreateStatementBody,
  type DiffQuery,
  type ListStatementsQuery,
  type MemberStatementList,
  type Statement,
  type StatementList,
  StatementStatus,
  type TextDiff,
  type TextVersion,
  type UpdateStatementBody,
} from '../../../shared/statements.js';
import type { Tx } from '../../db/client.js';
import { type StatementRow, statements } from '../../db/schema/statements.js';
import { requireRole, requireVisible } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { createAdoptedUseCases } from './adopted.service.js';
import { diffTexts } from './diff.js';
import { loadMemberStatements } from './member-record.js';
import { settleDue } from './settle.js';
import {
  meetingIfVisible,
  notDraft,
  PUBLIC_PAGE_TAGS,
  STATEMENTS_TAG,
  type StatementsDeps,
  visibleMeetingIds,
  withVisibleMeeting,
} from './statement-common.js';
import {
  accessesOf,
  loadStatement,
  loadStatementAccess,
  loadStatementList,
  visibleStatement,
} from './statement-loader.js';
import { statementRecord, toTextVersion } from './statements.mapper.js';
import { canManageStatements, canReadStatement, canSeeWorkspace, type StatementAccess } from './statements.policy.js';
import {
  findVersion,
  insertStatement,
  insertVersion,
  lastVersionNumber,
  listStatementRows,
  lockStatement,
  replaceRestrictedMembers,
  touchStatement,
} from './statements.repo.js';

/** A statement's editable fields, as a create sends them and an update merges them. */
interface Fields {
  kind: StatementRow['kind'];
  title: string;
  language: StatementRow['language'];
  visibility: StatementRow['visibility'];
  meetingId: string | null;
  restrictedTo: string[];
  translations: StatementRow['translations'];
}

/**
 * Whether a meeting sent is one the caller cannot see. Asked before the write's transaction: the
 * meetings' reads go through their own connection (and cache), which on PGlite the transaction holds.
 */
async function meetingUnknown(deps: StatementsDeps, auth: Auth, meetingId: string | null | undefined) {
  return Boolean(meetingId) && !(await meetingIfVisible(deps, auth, meetingId as string));
}

/**
 * Checks what zod cannot: no translation in the original's language, members listed only when
 * restricted and known, a meeting the caller can see (`meetingUnknown`). Returns the listed members' ids.
 * `sentTranslations`: did the request send them (the error is then on the translation, else on the language)?
 */
async function resolveFields(tx: Tx, f: Fields, sentTranslations: boolean, meetingUnknown: boolean): Promise<string[]> {
  const errors: FieldError[] = [];
  if (f.translations[f.language] !== undefined) {
    errors.push(
      fieldError(
        sentTranslations ? `translations.${f.language}` : 'language',
        'translation_of_original',
        `the title is in ${f.language}, the statement's language: it is the original, not a translation`,
        { language: f.language },
      ),
    );
  }
  if (f.visibility !== Visibility.enum.restricted && f.restrictedTo.length > 0) {
    errors.push(fieldError('restrictedTo', 'only_when_restricted', 'only a restricted statement lists members'));
  }
  const ids = await memberIdsByCode(tx, f.restrictedTo);
  f.restrictedTo.forEach((code, i) => {
    if (!ids.has(code)) errors.push(unknownMember(`restrictedTo.${i}`, code));
  });
  if (meetingUnknown) errors.push(fieldError('meetingId', 'unknown_meeting', 'no meeting has this id'));
  if (errors.length > 0) throw invalid(errors);
  return [...new Set(f.restrictedTo.map((code) => ids.get(code) as string))];
}

const rowValues = (f: Fields) => ({
  kind: f.kind,
  title: f.title,
  language: f.language,
  visibility: f.visibility,
  meetingId: f.meetingId,
  translations: f.translations,
});

/** What may change once a statement is adopted: how it is published, never its words or its kind. */
const changeableWhenAdopted = new Set<string>(CHANGEABLE_WHEN_ADOPTED);

/**
 * Which changes a statement in this state takes: anything while a draft; once adopted, its
 * translations and who may read it (publishing a coalition statement later is the secretariat's
 * call), never its title, kind, language or meeting, which the decision recorded; nothing while
 * in procedure (the members circulated read what they were sent) or once withdrawn. Withdrawing
 * is for a draft only.
 */
function allowChange(row: StatementRow, body: UpdateStatementBody): void {
  const sent = Object.keys(body).filter((key) => body[key as keyof UpdateStatementBody] !== undefined);
  if (body.status === StatementStatus.enum.withdrawn && row.status !== StatementStatus.enum.draft) {
    throw notDraft(row.status, `Only a draft can be withdrawn; this statement is ${row.status}.`);
  }
  if (row.status === StatementStatus.enum.draft) return;
  if (row.status === StatementStatus.enum.adopted && sent.every((key) => changeableWhenAdopted.has(key))) return;
  throw notDraft(
    row.status,
    row.status === StatementStatus.enum.adopted
      ? 'An adopted statement keeps its title, kind, language and meeting; only its translations and visibility change.'
      : `This statement is ${row.status}: it cannot be changed.`,
  );
}

function mergeFields(row: StatementRow, restrictedTo: string[], body: UpdateStatementBody): Fields {
  const visibility = body.visibility ?? row.visibility;
  return {
    kind: body.kind ?? row.kind,
    title: body.title ?? row.title,
    language: body.language ?? row.language,
    visibility,
    meetingId: body.meetingId === undefined ? row.meetingId : body.meetingId,
    // A statement that is no longer restricted lists nobody.
    restrictedTo: body.restrictedTo ?? (visibility === Visibility.enum.restricted ? restrictedTo : []),
    translations: body.translations ?? row.translations,
  };
}

export { STATEMENTS_TAG };

export function createStatementsService(deps: StatementsDeps) {
  const { db, cache } = deps;

  /** A member's statements, each naming its meeting only when the caller may see that meeting. */
  async function hideMeetings(list: MemberStatementList, auth: Auth): Promise<MemberStatementList> {
    const meetings = await visibleMeetingIds(deps.loader, auth);
    return { items: list.items.map((item) => ({ ...item, statement: withVisibleMeeting(item.statement, meetings) })) };
  }

  /** The statement, 404 unless the caller may see it, 403 unless they may manage statements. */
  async function manageable(auth: Auth, id: string, detail: string) {
    const loaded = await visibleStatement(db, auth.user, id);
    requireRole(auth, canManageStatements, detail);
    return loaded;
  }

  /** The statement, 404 unless the caller sees its workspace (versions, procedures). */
  async function workspace(auth: Auth, id: string) {
    await settleDue(deps, { statementId: id });
    return requireVisible(
      await visibleStatement(db, auth.user, id),
      (s) => canSeeWorkspace(auth.user, s.access),
      'Statement',
    );
  }

  return {
    ...createAdoptedUseCases(deps),

    /** The statements of these meetings that the caller may see (a line of effort's page asks), most recently changed first. */
    async statementsOfMeetings(
      auth: Auth,
      meetingIds: string[],
    ): Promise<{ id: string; title: string; status: StatementStatus; meetingId: string | null }[]> {
      if (meetingIds.length === 0) return [];
      await settleDue(deps);
      const rows = await listStatementRows(db, { meetingIds });
      const accesses = await accessesOf(db, rows);
      return rows
        .filter((row) => canReadStatement(auth.user, accesses.get(row.id) as StatementAccess))
        .map((row) => ({ id: row.id, title: row.title, status: row.status, meetingId: row.meetingId }));
    },

    /** The statements the caller may see, filtered by status, kind and meeting. */
    async listStatements(auth: Auth, query: ListStatementsQuery): Promise<StatementList> {
      const load = async () => {
        await settleDue(deps);
        const list = await loadStatementList(db, auth.user, query);
        const meetings = await visibleMeetingIds(deps.loader, auth);
        return { items: list.items.map((item) => withVisibleMeeting(item, meetings)) };
      };
      if (auth.user) return load();
      // Signed out, only adopted public statements show, as on the member's page: they change
      // only by a write (an adoption, the sweeper's included), which drops this entry.
      return cache.get(
        PUBLIC_PAGE_TAGS,
        `public-list:${JSON.stringify([query.status, query.kind, query.meetingId])}`,
        load,
      );
    },

    /** The adopted statements the caller may see that were circulated to a member, with where it stood. */
    async memberStatements(auth: Auth, code: string): Promise<MemberStatementList> {
      if (auth.user) {
        await settleDue(deps);
        return hideMeetings(await loadMemberStatements(db, auth.user, code), auth);
      }
      // Signed out, only adopted public statements show: a deadline passing changes them only by a
      // write (which drops this entry). An unknown code throws inside the load and is not kept.
      return cache.get(PUBLIC_PAGE_TAGS, `public-member:${code}`, async () => {
        await settleDue(deps);
        return hideMeetings(await loadMemberStatements(db, null, code), auth);
      });
    },

    /**
     * A statement, with its adoption and positions; its versions and procedures for the workspace.
     * Signed out, only an adopted public statement can be seen: that page comes from the read
     * cache (an adopted statement changes only by a write, which drops it). Anything else is read
     * as it stands, since a deadline the database's clock decides may change it at any moment.
     */
    async getStatement(auth: Auth, id: string): Promise<Statement> {
      if (auth.user) {
        await settleDue(deps, { statementId: id });
        return withVisibleMeeting(await loadStatement(db, auth.user, id), await visibleMeetingIds(deps.loader, auth));
      }
      // A statement the public may not see throws inside the load, and is not kept. What is kept is
      // adopted, so no deadline can change it: only a miss settles first (its write drops this load).
      return cache.get(PUBLIC_PAGE_TAGS, `public:${id}`, async () => {
        await settleDue(deps, { statementId: id });
        return withVisibleMeeting(await loadStatement(db, null, id), await visibleMeetingIds(deps.loader, auth));
      });
    },

    /** Drafts a statement (secretariat), without text: versions are added to it. */
    async createStatement(auth: Auth, body: CreateStatementBody): Promise<Statement> {
      requireRole(auth, canManageStatements, 'Only the secretariat can draft statements.');
      const fields: Fields = {
        ...body,
        meetingId: body.meetingId ?? null,
        restrictedTo: body.restrictedTo ?? [],
        translations: body.translations ?? {},
      };
      const unknown = await meetingUnknown(deps, auth, fields.meetingId);
      const id = await write(deps, [STATEMENTS_TAG], async (tx) => {
        const restrictedIds = await resolveFields(tx, fields, true, unknown);
        const row = await insertStatement(tx, {
          ...rowValues(fields),
          createdBy: auth.user?.id ?? null,
          createdAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
        });
        await replaceRestrictedMembers(tx, row.id, restrictedIds);
        await recordAudit(tx, auth, {
          action: 'statement.created',
          entityType: 'statement',
          entityId: row.id,
          after: statementRecord(row, [...new Set(fields.restrictedTo)].sort()),
        });
        return row.id;
      });
      return loadStatement(db, auth.user, id);
    },

    /** Changes a statement (secretariat) if `version` is current, or withdraws a draft (`status: withdrawn`). */
    async updateStatement(auth: Auth, id: string, version: number, body: UpdateStatementBody): Promise<Statement> {
      await settleDue(deps, { statementId: id });
      await manageable(auth, id, 'Only the secretariat can change statements.');
      const withdrawing = body.status === StatementStatus.enum.withdrawn;
      const unknown = await meetingUnknown(deps, auth, body.meetingId);
      await write(deps, [STATEMENTS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: statements,
          entity: 'statement',
          action: withdrawing ? 'statement.withdrawn' : 'statement.updated',
          version,
          lock: () => lockStatement(tx, id),
          allow: (row) => allowChange(row, body),
          view: async (row) => {
            const loaded = await loadStatementAccess(tx, row.id, row);
            return statementRecord(row, loaded?.restrictedTo ?? []);
          },
          change: async (row, before) => {
            const merged = mergeFields(row, before.restrictedTo, body);
            const restrictedIds = await resolveFields(tx, merged, body.translations !== undefined, unknown);
            if (body.restrictedTo || body.visibility) await replaceRestrictedMembers(tx, id, restrictedIds);
            return { ...rowValues(merged), status: withdrawing ? StatementStatus.enum.withdrawn : row.status };
          },
        }),
      );
      return loadStatement(db, auth.user, id);
    },

    /** Adds the next text version to a draft (secretariat); versions are never changed afterwards. */
    async addVersion(auth: Auth, id: string, body: AddTextVersionBody): Promise<TextVersion> {
      await settleDue(deps, { statementId: id });
      await manageable(auth, id, 'Only the secretariat can add text versions.');
      const number = await write(deps, [STATEMENTS_TAG], async (tx) => {
        // The statement's lock makes concurrent additions take turns: each gets the next number.
        const row = await lockStatement(tx, id);
        if (!row) throw notFound('Statement');
        if (row.status !== StatementStatus.enum.draft) {
          throw notDraft(row.status, `Versions are added to a draft; this statement is ${row.status}.`);
        }
        const next = (await lastVersionNumber(tx, id)) + 1;
        const created = await insertVersion(tx, {
          statementId: id,
          number: next,
          text: body.text,
          note: body.note ?? null,
          authorId: auth.user?.id ?? null,
          createdAt: deps.clock.now(),
        });
        await touchStatement(tx, id, deps.clock.sql());
        await recordAudit(tx, auth, {
          action: 'statement.version_added',
          entityType: 'statement',
          entityId: id,
          after: { textVersionId: created.id, number: next, note: created.note, characters: body.text.length },
        });
        return next;
      });
      const version = await findVersion(db, id, number);
      if (!version) throw notFound('Text version');
      return toTextVersion(version);
    },

    /** One text version, with its rendered paragraphs (the workspace only). */
    async getVersion(auth: Auth, id: string, number: number): Promise<TextVersion> {
      await workspace(auth, id);
      const version = await findVersion(db, id, number);
      if (!version) throw notFound(`Text version ${number}`);
      return toTextVersion(version);
    },

    /** The word-level diff between two text versions (the workspace only). */
    async diff(auth: Auth, id: string, query: DiffQuery): Promise<TextDiff> {
      await workspace(auth, id);
      const from = await findVersion(db, id, query.from);
      const to = await findVersion(db, id, query.to);
      const errors: FieldError[] = [];
      for (const [path, number, found] of [
        ['from', query.from, from],
        ['to', query.to, to],
      ] as const) {
        if (!found) {
          errors.push(
            fieldError(
              path,
              'unknown_text_version',
              `the statement has no text version ${number}`,
              { number },
              'query',
            ),
          );
        }
      }
      if (!from || !to) throw invalid(errors);
      return diffTexts(from, to);
    },
  };
}

export type StatementsService = ReturnType<typeof createStatementsService>;
