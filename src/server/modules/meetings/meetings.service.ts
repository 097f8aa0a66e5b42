import type {
  CreateMeetingBody,
  CreateRemarkBody,
  ListMeetingsQuery,
  Meeting,
  MeetingSummary,
  UpdateMeetingBody,
} from '../../../shared/meetings.js';
import type { FieldError } from '../../../shared/problem.js';
import type { Db, Tx } from '../../db/client.js';
import type { MeetingRow } from '../../db/schema/meetings.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { type Cache, type CachedBody, toCachedBody } from '../../lib/cache.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { versionMismatch } from '../../lib/if-match.js';
import { write } from '../../lib/transaction.js';
import { todayIn } from '../../lib/zoned-time.js';
import { assembleMeeting, toSummary } from './meetings.mapper.js';
import { canManageMeetings, canReadMeeting } from './meetings.policy.js';
import {
  findMeetingRow,
  findPeople,
  insertMeeting,
  insertRemark,
  listMeetingRows,
  listRestrictions,
  loadMeetingParts,
  lockMeeting,
  memberIdsByCode,
  replaceAgenda,
  replaceChairs,
  replaceRestrictions,
  updateMeetingRow,
} from './meetings.repo.js';

/** Meeting pages show member and people names: a change to either drops them too. */
export const MEETING_TAGS = ['meetings', 'members'];

/** A meeting as cached: the page, ready to send, and what the policy needs to decide who sees it. */
export interface LoadedMeeting {
  meeting: Meeting;
  row: MeetingRow;
  restrictedMemberIds: string[];
  body: CachedBody;
}

/** Every field of a meeting, as a create sends them and an update merges them. */
type Fields = CreateMeetingBody;

export function createMeetingsService(deps: { db: Db; cache: Cache }) {
  const { db, cache } = deps;

  const allMeetings = () =>
    cache.get(MEETING_TAGS, 'all', async () => {
      const [rows, restrictions] = await Promise.all([listMeetingRows(db), listRestrictions(db)]);
      return rows.map(({ meeting, hostCode }) => ({
        summary: toSummary(meeting, hostCode),
        restrictedMemberIds: restrictions.filter((r) => r.meetingId === meeting.id).map((r) => r.memberId),
      }));
    });

  /** The meeting if this caller may see it; 404 alike for missing and hidden. */
  async function loadVisible(auth: Auth, id: string): Promise<LoadedMeeting> {
    const loaded = await cache.get(MEETING_TAGS, `one:${id}`, async () => {
      const found = await findMeetingRow(db, id);
      if (!found) return null;
      const parts = await loadMeetingParts(db, id);
      const meeting = assembleMeeting(found.meeting, found.hostCode, parts);
      return {
        meeting,
        row: found.meeting,
        restrictedMemberIds: parts.restrictedTo.map((r) => r.memberId),
        body: toCachedBody(meeting),
      };
    });
    if (
      !loaded ||
      !canReadMeeting(auth.user, { visibility: loaded.row.visibility, restrictedMemberIds: loaded.restrictedMemberIds })
    ) {
      throw notFound('Meeting');
    }
    return loaded;
  }

  /** Checks what zod cannot: dates in order, referenced members and people exist. Returns their ids. */
  async function resolveFields(conn: Db | Tx, f: Fields) {
    const errors: FieldError[] = [];
    if (f.endDate < f.startDate)
      errors.push({ in: 'body', path: 'endDate', message: 'must not be before the start date' });
    if (f.endTime && !f.startTime)
      errors.push({ in: 'body', path: 'startTime', message: 'is required when an end time is given' });
    if (f.startTime && f.endTime && f.startDate === f.endDate && f.endTime <= f.startTime) {
      errors.push({ in: 'body', path: 'endTime', message: 'must be after the start time' });
    }
    if (f.visibility !== 'restricted' && f.restrictedTo.length > 0) {
      errors.push({ in: 'body', path: 'restrictedTo', message: 'only a restricted meeting lists members' });
    }
    const codes = [...new Set([...(f.hostCode ? [f.hostCode] : []), ...f.restrictedTo])];
    const ids = await memberIdsByCode(conn, codes);
    if (f.hostCode && !ids.has(f.hostCode))
      errors.push({ in: 'body', path: 'hostCode', message: `no member has code ${f.hostCode}` });
    f.restrictedTo.forEach((code, i) => {
      if (!ids.has(code)) errors.push({ in: 'body', path: `restrictedTo.${i}`, message: `no member has code ${code}` });
    });
    const chairs = await findPeople(conn, f.chairIds);
    f.chairIds.forEach((id, i) => {
      if (!chairs.some((p) => p.id === id))
        errors.push({ in: 'body', path: `chairIds.${i}`, message: 'no such person' });
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
    status: f.status,
    visibility: f.visibility,
    hostMemberId,
    city: f.city,
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

  /** The page's full meeting, for audit before/after. */
  async function snapshot(tx: Tx, id: string): Promise<Meeting> {
    const found = await findMeetingRow(tx, id);
    if (!found) throw notFound('Meeting');
    return assembleMeeting(found.meeting, found.hostCode, await loadMeetingParts(tx, id));
  }

  return {
    loadVisible,

    /** Meetings the caller may see: upcoming soonest first, past latest first. */
    async listMeetings(auth: Auth, query: ListMeetingsQuery): Promise<MeetingSummary[]> {
      const all = await allMeetings();
      const now = new Date();
      const items = all
        .filter((m) =>
          canReadMeeting(auth.user, { visibility: m.summary.visibility, restrictedMemberIds: m.restrictedMemberIds }),
        )
        .map((m) => m.summary)
        .filter((m) => {
          if (query.kind && m.kind !== query.kind) return false;
          if (query.status && m.status !== query.status) return false;
          if (query.from && m.endDate < query.from) return false;
          if (query.to && m.startDate > query.to) return false;
          if (query.when) {
            const upcoming = m.status !== 'held' && m.endDate >= todayIn(m.timeZone, now);
            if ((query.when === 'upcoming') !== upcoming) return false;
          }
          return true;
        });
      return query.when === 'past' ? items.reverse() : items;
    },

    /** The meeting page: agenda, delegations in protocol order, attendance, remarks. */
    async getMeeting(auth: Auth, id: string): Promise<CachedBody> {
      return (await loadVisible(auth, id)).body;
    },

    /** Creates a meeting (secretariat). */
    async createMeeting(auth: Auth, body: CreateMeetingBody): Promise<Meeting> {
      if (!canManageMeetings(auth.user)) throw new AppError('forbidden', 'Only the secretariat can create meetings.');
      return write(deps, MEETING_TAGS, async (tx) => {
        const { hostMemberId, restrictedIds } = await resolveFields(tx, body);
        const row = await insertMeeting(tx, rowValues(body, hostMemberId));
        await replaceChairs(tx, row.id, body.chairIds);
        await replaceRestrictions(tx, row.id, restrictedIds);
        await replaceAgenda(tx, row.id, body.agenda);
        const after = await snapshot(tx, row.id);
        await recordAudit(tx, auth, { action: 'meeting.created', entityType: 'meeting', entityId: row.id, after });
        return after;
      });
    },

    /** Changes a meeting (secretariat), if `version` is still current. */
    async updateMeeting(auth: Auth, id: string, version: number, body: UpdateMeetingBody): Promise<Meeting> {
      if (!canManageMeetings(auth.user)) {
        await loadVisible(auth, id);
        throw new AppError('forbidden', 'Only the secretariat can change meetings.');
      }
      return write(deps, MEETING_TAGS, async (tx) => {
        const current = await lockMeeting(tx, id);
        if (!current) throw notFound('Meeting');
        if (current.version !== version) throw versionMismatch('meeting', current.version);
        const before = await snapshot(tx, id);
        const merged: Fields = {
          kind: body.kind ?? before.kind,
          title: body.title ?? before.title,
          hostCode: body.hostCode === undefined ? before.hostCode : body.hostCode,
          chairIds: body.chairIds ?? before.chairs.map((c) => c.id),
          city: body.city === undefined ? before.city : body.city,
          venue: body.venue === undefined ? before.venue : body.venue,
          timeZone: body.timeZone ?? before.timeZone,
          startDate: body.startDate ?? before.startDate,
          endDate: body.endDate ?? before.endDate,
          startTime: body.startTime === undefined ? before.startTime : body.startTime,
          endTime: body.endTime === undefined ? before.endTime : body.endTime,
          status: body.status ?? before.status,
          visibility: body.visibility ?? before.visibility,
          restrictedTo:
            body.restrictedTo ?? (body.visibility && body.visibility !== 'restricted' ? [] : before.restrictedTo),
          workingLanguage: body.workingLanguage ?? before.workingLanguage,
          seatQuota: body.seatQuota ?? before.seatQuota,
          summary: body.summary === undefined ? before.summary : body.summary,
          agenda: body.agenda ?? before.agenda.map((a) => ({ title: a.title, lineOfEffort: a.lineOfEffort })),
        };
        const { hostMemberId, restrictedIds } = await resolveFields(tx, merged);
        await updateMeetingRow(tx, id, { ...rowValues(merged, hostMemberId), version: current.version + 1 });
        if (body.chairIds) await replaceChairs(tx, id, merged.chairIds);
        if (body.restrictedTo || body.visibility) await replaceRestrictions(tx, id, restrictedIds);
        if (body.agenda) await replaceAgenda(tx, id, merged.agenda);
        const after = await snapshot(tx, id);
        await recordAudit(tx, auth, { action: 'meeting.updated', entityType: 'meeting', entityId: id, before, after });
        return after;
      });
    },

    /** Records remarks by a person at the meeting, with quotes that may be cited (secretariat). */
    async addRemark(auth: Auth, id: string, body: CreateRemarkBody): Promise<Meeting> {
      await loadVisible(auth, id);
      if (!canManageMeetings(auth.user)) throw new AppError('forbidden', 'Only the secretariat can record remarks.');
      return write(deps, MEETING_TAGS, async (tx) => {
        const [person] = await findPeople(tx, [body.personId]);
        if (!person) throw invalid([{ in: 'body', path: 'personId', message: 'no such person' }]);
        const created = await insertRemark(tx, id, body);
        await recordAudit(tx, auth, {
          action: 'remark.created',
          entityType: 'meeting',
          entityId: id,
          after: { remarkId: created.remark.id, personId: body.personId, context: body.context, quotes: body.quotes },
        });
        return snapshot(tx, id);
      });
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
