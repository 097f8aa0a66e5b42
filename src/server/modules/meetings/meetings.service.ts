import { fold } from '../../../shared/fold.js';
import {
  type CreateMeetingBody,
  type CreateRemarkBody,
  type ListMeetingsQuery,
  type Meeting,
  type MeetingList,
  MeetingStatus,
  type MeetingSummary,
  type UpdateMeetingBody,
  type UpdateRemarkBody,
  Visibility,
} from '../../../shared/meetings.js';
import type { FieldError } from '../../../shared/problem.js';
import type { Tx } from '../../db/client.js';
import { meetings, remarks } from '../../db/schema/meetings.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { todayIn } from '../../lib/zoned-time.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { existingLineOfEffortKeys } from '../progress/lines.repo.js';
import { findPeople } from '../registry/registry.repo.js';
import { MEETINGS_TAG, type MeetingLoader, meetingRecord } from './meeting-loader.js';
import { cachedMemberDelegations } from './meeting-reads.service.js';
import type { MeetingRecord } from './meetings.mapper.js';
import { canManageMeetings, canReadMeeting } from './meetings.policy.js';
import {
  deleteRemark,
  insertMeeting,
  insertRemark,
  lockMeeting,
  lockRemark,
  quotesOf,
  readAgendaOnLine,
  replaceAgenda,
  replaceChairs,
  replaceQuotes,
  replaceRestrictions,
} from './meetings.repo.js';

/** Every field of a meeting, as a create sends them and an update merges them. */
type Fields = CreateMeetingBody;

/**
 * The title is the original, in the working language: a translation in that language is refused,
 * on the translation when one was sent, else on the working language that a change made the same.
 */
function translationOfOriginal(f: Fields, sentTranslations: boolean): FieldError | null {
  if (f.titleTranslations?.[f.workingLanguage] === undefined) return null;
  const path = sentTranslations ? `titleTranslations.${f.workingLanguage}` : 'workingLanguage';
  return fieldError(
    path,
    'translation_of_original',
    `the title is in ${f.workingLanguage}, the working language: it is the original, not a translation`,
    { language: f.workingLanguage },
  );
}

/**
 * Checks what zod cannot: dates in order, no translation in the original's language, referenced
 * members and people exist. Returns their ids. `sentTranslations`: did the request send them?
 */
async function resolveFields(tx: Tx, f: Fields, sentTranslations = true, cancelling = true) {
  const errors: FieldError[] = [];
  const translation = translationOfOriginal(f, sentTranslations);
  if (translation) errors.push(translation);
  if (f.endDate < f.startDate) errors.push(fieldError('endDate', 'before_start', 'must not be before the start date'));
  if (f.endTime && !f.startTime) {
    errors.push(fieldError('startTime', 'start_time_required', 'is required when an end time is given'));
  }
  if (f.startTime && f.endTime && f.startDate === f.endDate && f.endTime <= f.startTime) {
    errors.push(fieldError('endTime', 'before_start', 'must be after the start time'));
  }
  // A cancellation is told to members: they are owed its reason. (`cancelling` is false for a
  // change that leaves alone a meeting cancelled before reasons were kept.)
  if (cancelling && f.status === MeetingStatus.enum.cancelled && !f.statusReason) {
    errors.push(fieldError('statusReason', 'required', 'is required when the meeting is cancelled'));
  }
  if (f.visibility !== Visibility.enum.restricted && f.restrictedTo.length > 0) {
    errors.push(fieldError('restrictedTo', 'only_when_restricted', 'only a restricted meeting lists members'));
  }
  const ids = await memberIdsByCode(tx, [...(f.hostCode ? [f.hostCode] : []), ...f.restrictedTo]);
  if (f.hostCode && !ids.has(f.hostCode)) errors.push(unknownMember('hostCode', f.hostCode));
  f.restrictedTo.forEach((code, i) => {
    if (!ids.has(code)) errors.push(unknownMember(`restrictedTo.${i}`, code));
  });
  const lines = await existingLineOfEffortKeys(
    tx,
    f.agenda.flatMap((item) => (item.lineOfEffort ? [item.lineOfEffort] : [])),
  );
  f.agenda.forEach((item, i) => {
    if (item.lineOfEffort && !lines.has(item.lineOfEffort)) {
      errors.push(
        fieldError(
          `agenda.${i}.lineOfEffort`,
          'unknown_line_of_effort',
          `no line of effort has key ${item.lineOfEffort}`,
          {
            key: item.lineOfEffort,
          },
        ),
      );
    }
  });
  const chairs = await findPeople(tx, f.chairIds);
  f.chairIds.forEach((id, i) => {
    if (!chairs.some((p) => p.id === id)) errors.push(fieldError(`chairIds.${i}`, 'unknown_person', 'no such person'));
  });
  if (errors.length > 0) throw invalid(errors);
  return {
    hostMemberId: f.hostCode ? (ids.get(f.hostCode) as string) : null,
    restrictedIds: f.restrictedTo.map((c) => ids.get(c) as string),
  };
}

const rowValues = (f: Fields, hostMemberId: string | null) => ({
  kind: f.kind,
  title: f.title,
  titleTranslations: f.titleTranslations ?? {},
  status: f.status,
  statusReason: f.statusReason,
  visibility: f.visibility,
  hostMemberId,
  city: f.city,
  cityTranslations: f.cityTranslations ?? {},
  venue: f.venue,
  timeZone: f.timeZone,
  startDate: f.startDate,
  endDate: f.endDate,
  startTime: f.startTime,
  endTime: f.endTime,
  workingLanguage: f.workingLanguage,
  seatQuota: f.seatQuota,
  summary: f.summary,
});

/** A change merged into the meeting as it stands: what is not sent stays as it is. */
function mergeFields(before: MeetingRecord, body: UpdateMeetingBody): Fields {
  return {
    kind: body.kind ?? before.kind,
    title: body.title ?? before.title,
    // Sent, they replace the stored ones as a whole (null: none); not sent, they stay.
    titleTranslations: body.titleTranslations === undefined ? before.titleTranslations : body.titleTranslations,
    hostCode: body.hostCode === undefined ? before.hostCode : body.hostCode,
    chairIds: body.chairIds ?? before.chairs.map((c) => c.id),
    city: body.city === undefined ? before.city : body.city,
    cityTranslations: body.cityTranslations === undefined ? before.cityTranslations : body.cityTranslations,
    venue: body.venue === undefined ? before.venue : body.venue,
    timeZone: body.timeZone ?? before.timeZone,
    startDate: body.startDate ?? before.startDate,
    endDate: body.endDate ?? before.endDate,
    startTime: body.startTime === undefined ? before.startTime : body.startTime,
    endTime: body.endTime === undefined ? before.endTime : body.endTime,
    status: body.status ?? before.status,
    // A new status without a reason clears the old one: it was the reason for another status.
    statusReason:
      body.statusReason !== undefined
        ? body.statusReason
        : body.status && body.status !== before.status
          ? null
          : before.statusReason,
    visibility: body.visibility ?? before.visibility,
    // A meeting that is no longer restricted lists nobody.
    restrictedTo:
      body.restrictedTo ??
      (body.visibility && body.visibility !== Visibility.enum.restricted ? [] : before.restrictedTo),
    workingLanguage: body.workingLanguage ?? before.workingLanguage,
    seatQuota: body.seatQuota ?? before.seatQuota,
    summary: body.summary === undefined ? before.summary : body.summary,
    agenda: body.agenda ?? before.agenda.map((a) => ({ title: a.title, lineOfEffort: a.lineOfEffort })),
  };
}

/** Held, at least in part, in this year. */
const heldInYear = (m: MeetingSummary, year: number) =>
  Number(m.startDate.slice(0, 4)) <= year && year <= Number(m.endDate.slice(0, 4));

/** Every word (folded) is in the title, one of its translations or the city (in any language). */
function matchesWords(m: MeetingSummary, words: string[]): boolean {
  const text = fold(
    [m.title, ...Object.values(m.titleTranslations), m.city ?? '', ...Object.values(m.cityTranslations)].join(' '),
  );
  return words.every((word) => text.includes(word));
}

/** The meetings a member is invited to; a 400 on `member` when no member has this code. */
async function meetingIdsOfMember(deps: Pick<ServiceDeps, 'read' | 'cache'>, code: string): Promise<Set<string>> {
  try {
    return new Set((await cachedMemberDelegations(deps, code)).map((r) => r.meetingId));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw invalid([unknownMember('member', code)]);
    throw error;
  }
}

/**
 * The agenda items on a line of effort, from the read cache. Asked only for a line that exists
 * (the line's page finds it first), so that the keys cached are the few lines there are.
 */
function cachedAgendaOnLine(deps: Pick<ServiceDeps, 'read' | 'cache'>, key: string) {
  return deps.cache.get([MEETINGS_TAG], `agenda-on-line:${key}`, () => readAgendaOnLine(deps.read, key));
}

export function createMeetingsService(deps: ServiceDeps & { loader: MeetingLoader }) {
  const { loader, clock } = deps;

  /** Meetings the caller may see: upcoming soonest first, past latest first. */
  async function listMeetings(auth: Auth, query: ListMeetingsQuery): Promise<MeetingList> {
    const now = clock.now();
    const invitedTo = query.member ? await meetingIdsOfMember(deps, query.member) : null;
    const search = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
    const city = query.city ? fold(query.city) : null;
    const items = (await loader.all())
      .filter((m) => canReadMeeting(auth.user, m.access))
      .map((m) => m.summary)
      .filter((m) => {
        if (query.kind && m.kind !== query.kind) return false;
        if (query.status && m.status !== query.status) return false;
        if (query.from && m.endDate < query.from) return false;
        if (query.to && m.startDate > query.to) return false;
        if (query.year && !heldInYear(m, query.year)) return false;
        if (city !== null && ![m.city, ...Object.values(m.cityTranslations)].some((c) => fold(c ?? '') === city)) {
          return false;
        }
        if (invitedTo && !invitedTo.has(m.id)) return false;
        if (search.length > 0 && !matchesWords(m, search)) return false;
        if (query.when) {
          // Upcoming until its last day is over where it is held, unless already marked held.
          const upcoming = m.status !== MeetingStatus.enum.held && m.endDate >= todayIn(m.timeZone, now);
          if ((query.when === 'upcoming') !== upcoming) return false;
        }
        return true;
      });
    const ordered = query.when === 'past' ? items.reverse() : items;
    return { items: query.limit ? ordered.slice(0, query.limit) : ordered };
  }

  return {
    listMeetings,

    /** The meetings the caller may see with an agenda item on this line of effort, newest first (a line's page asks). */
    async meetingsOnLineOfEffort(
      auth: Auth,
      key: string,
    ): Promise<{ id: string; title: string; startsOn: string; agendaItems: string[] }[]> {
      const items = await cachedAgendaOnLine(deps, key);
      const titles = new Map<string, string[]>();
      for (const item of items) titles.set(item.meetingId, [...(titles.get(item.meetingId) ?? []), item.title]);
      return (await loader.all())
        .filter((m) => titles.has(m.summary.id) && canReadMeeting(auth.user, m.access))
        .map((m) => ({
          id: m.summary.id,
          title: m.summary.title,
          startsOn: m.summary.startDate,
          agendaItems: titles.get(m.summary.id) ?? [],
        }))
        .reverse();
    },

    /** The meeting page: agenda, delegations in protocol order, attendance, remarks. */
    async getMeeting(auth: Auth, id: string): Promise<Meeting> {
      return (await loader.visible(auth, id)).meeting;
    },

    /** Creates a meeting (secretariat). */
    async createMeeting(auth: Auth, body: CreateMeetingBody): Promise<Meeting> {
      requireRole(auth, canManageMeetings, 'Only the secretariat can create meetings.');
      const id = await write(deps, [MEETINGS_TAG], async (tx) => {
        const { hostMemberId, restrictedIds } = await resolveFields(tx, body);
        // The clock's time, not the database default: the calendar's DTSTAMP is this instant.
        const at = clock.now();
        const row = await insertMeeting(tx, { ...rowValues(body, hostMemberId), createdAt: at, updatedAt: at });
        await replaceChairs(tx, row.id, body.chairIds);
        await replaceRestrictions(tx, row.id, restrictedIds);
        await replaceAgenda(tx, row.id, body.agenda);
        const after = await meetingRecord(tx, row.id);
        await recordAudit(tx, auth, { action: 'meeting.created', entityType: 'meeting', entityId: row.id, after });
        return row.id;
      });
      return (await loader.visible(auth, id)).meeting;
    },

    /** Changes a meeting (secretariat), if `version` is still current. */
    async updateMeeting(auth: Auth, id: string, version: number, body: UpdateMeetingBody): Promise<Meeting> {
      await loader.visible(auth, id);
      requireRole(auth, canManageMeetings, 'Only the secretariat can change meetings.');
      await write(deps, [MEETINGS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: meetings,
          entity: 'meeting',
          action: 'meeting.updated',
          version,
          lock: () => lockMeeting(tx, id),
          view: (row) => meetingRecord(tx, row.id),
          change: async (_row, before) => {
            const merged = mergeFields(before, body);
            const { hostMemberId, restrictedIds } = await resolveFields(
              tx,
              merged,
              body.titleTranslations !== undefined,
              before.status !== MeetingStatus.enum.cancelled || body.statusReason !== undefined,
            );
            if (body.chairIds) await replaceChairs(tx, id, merged.chairIds);
            if (body.restrictedTo || body.visibility) await replaceRestrictions(tx, id, restrictedIds);
            if (body.agenda) await replaceAgenda(tx, id, merged.agenda);
            return rowValues(merged, hostMemberId);
          },
        }),
      );
      return (await loader.visible(auth, id)).meeting;
    },

    /** Records remarks by a person at the meeting, with quotes that may be cited (secretariat). */
    async addRemark(auth: Auth, id: string, body: CreateRemarkBody): Promise<Meeting> {
      await loader.visible(auth, id);
      requireRole(auth, canManageMeetings, 'Only the secretariat can record remarks.');
      await write(deps, [MEETINGS_TAG], async (tx) => {
        const [person] = await findPeople(tx, [body.personId]);
        if (!person) throw invalid([fieldError('personId', 'unknown_person', 'no such person')]);
        const created = await insertRemark(tx, id, body);
        await recordAudit(tx, auth, {
          action: 'remark.created',
          entityType: 'meeting',
          entityId: id,
          after: { remarkId: created.remark.id, personId: body.personId, context: body.context, quotes: body.quotes },
        });
      });
      return (await loader.visible(auth, id)).meeting;
    },

    /** Changes a remark's context or quotes (secretariat), if `version` is still current. */
    async updateRemark(
      auth: Auth,
      id: string,
      remarkId: string,
      version: number,
      body: UpdateRemarkBody,
    ): Promise<Meeting> {
      await loader.visible(auth, id);
      requireRole(auth, canManageMeetings, 'Only the secretariat can change remarks.');
      await write(deps, [MEETINGS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: remarks,
          entity: 'remark',
          action: 'remark.updated',
          version,
          lock: () => lockRemark(tx, id, remarkId),
          view: async (row) => ({
            meetingId: row.meetingId,
            personId: row.personId,
            context: row.context,
            quotes: await quotesOf(tx, row.id),
          }),
          change: async (row) => {
            if (body.quotes) await replaceQuotes(tx, row.id, body.quotes);
            return { context: body.context === undefined ? row.context : body.context };
          },
        }),
      );
      return (await loader.visible(auth, id)).meeting;
    },

    /** Deletes a remark and its quotes (secretariat). */
    async deleteRemark(auth: Auth, id: string, remarkId: string): Promise<Meeting> {
      await loader.visible(auth, id);
      requireRole(auth, canManageMeetings, 'Only the secretariat can delete remarks.');
      await write(deps, [MEETINGS_TAG], async (tx) => {
        const remark = await lockRemark(tx, id, remarkId);
        if (!remark) throw notFound('This remark');
        const before = {
          meetingId: id,
          personId: remark.personId,
          context: remark.context,
          quotes: await quotesOf(tx, remark.id),
        };
        await deleteRemark(tx, remark.id);
        await recordAudit(tx, auth, { action: 'remark.deleted', entityType: 'remark', entityId: remark.id, before });
      });
      return (await loader.visible(auth, id)).meeting;
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
