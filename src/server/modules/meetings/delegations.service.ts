import type { DelegateInput, Delegation, PutDelegationBody } from '../../../shared/meetings.js';
import type { FieldError } from '../../../shared/problem.js';
import type { Db, Tx } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import type { Cache } from '../../lib/cache.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { versionMismatch } from '../../lib/if-match.js';
import { write } from '../../lib/transaction.js';
import { PROTOCOL_RULE } from './meetings.mapper.js';
import { canManageMeetings, canNameDelegation } from './meetings.policy.js';
import {
  delegatesOf,
  findPeople,
  insertDelegations,
  insertPerson,
  lockDelegation,
  lockMeeting,
  memberIdsByCode,
  replaceDelegates,
  seatsElsewhere,
  updateDelegationRow,
} from './meetings.repo.js';
import { MEETING_TAGS, type MeetingsService } from './meetings.service.js';

/** "1+3" → 3 seats beside the head. */
export const extraSeats = (quota: string) => Number(quota.split('+')[1] ?? 0);

/** May this caller name this delegation now, and does it fit the seat quota? Throws when not. */
function checkNaming(
  auth: Auth,
  meeting: {
    status: 'planned' | 'held' | 'cancelled';
    visibility: 'public' | 'coalition' | 'restricted';
    seatQuota: string;
    restrictedMemberIds: string[];
  },
  memberId: string,
  body: PutDelegationBody,
): void {
  const decision = canNameDelegation(auth.user, meeting, memberId);
  if (decision === 'not_own_member' || decision === 'forbidden') {
    throw new AppError('forbidden', "A focal point names only their own member's delegation.");
  }
  if (decision === 'closed') {
    throw new AppError('conflict', `The meeting is ${meeting.status}; delegations can no longer be changed.`);
  }
  const seatsBeside = body.alternates.length + body.advisers.length;
  const allowed = extraSeats(meeting.seatQuota);
  if (seatsBeside > allowed) {
    throw invalid(
      [
        {
          in: 'body',
          // The error sits on the list that overflows first: alternates fill seats before advisers.
          path: body.alternates.length > allowed ? 'alternates' : 'advisers',
          message: `the seat quota is ${meeting.seatQuota}: at most ${allowed} beside the head`,
        },
      ],
      `This meeting allows ${meeting.seatQuota} seats per delegation; ${1 + seatsBeside} were named.`,
    );
  }
  if (!body.head && seatsBeside > 0) {
    throw invalid([{ in: 'body', path: 'head', message: 'a delegation with alternates or advisers needs a head' }]);
  }
}

/**
 * Invitations, delegations (head, level, alternates, advisers within the seat quota),
 * the attendance roll and the protocol order of one meeting.
 */
export function createDelegationsService(deps: { db: Db; cache: Cache; meetings: MeetingsService }) {
  const { meetings } = deps;

  async function delegationOf(auth: Auth, meetingId: string, memberCode: string): Promise<Delegation> {
    const { meeting } = await meetings.loadVisible(auth, meetingId);
    const delegation = meeting.delegations.find((d) => d.memberCode === memberCode);
    if (!delegation) throw notFound(`A delegation of ${memberCode} to this meeting`);
    return delegation;
  }

  /** People named by id must exist and speak for this member; people named afresh are created for it. */
  async function resolveDelegates(tx: Tx, auth: Auth, memberId: string, body: PutDelegationBody) {
    const entries: { input: DelegateInput; role: 'head' | 'alternate' | 'adviser'; path: string }[] = [
      ...(body.head ? [{ input: body.head, role: 'head' as const, path: 'head' }] : []),
      ...body.alternates.map((input, i) => ({ input, role: 'alternate' as const, path: `alternates.${i}` })),
      ...body.advisers.map((input, i) => ({ input, role: 'adviser' as const, path: `advisers.${i}` })),
    ];
    const ids = entries.flatMap((e) => ('personId' in e.input ? [e.input.personId] : []));
    const known = await findPeople(tx, ids);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    for (const e of entries) {
      if (!('personId' in e.input)) continue;
      const { personId } = e.input;
      const person = known.find((p) => p.id === personId);
      if (!person) errors.push({ in: 'body', path: `${e.path}.personId`, message: 'no such person' });
      else if (person.memberId !== memberId) {
        errors.push({ in: 'body', path: `${e.path}.personId`, message: 'speaks for another member' });
      }
      if (seen.has(personId))
        errors.push({ in: 'body', path: `${e.path}.personId`, message: 'is already on this delegation' });
      seen.add(personId);
    }
    if (errors.length > 0) throw invalid(errors);
    const seats: { personId: string; role: 'head' | 'alternate' | 'adviser' }[] = [];
    for (const e of entries) {
      if ('personId' in e.input) {
        seats.push({ personId: e.input.personId, role: e.role });
      } else {
        const person = await insertPerson(tx, { name: e.input.name, title: e.input.title ?? null, memberId });
        await recordAudit(tx, auth, {
          action: 'person.created',
          entityType: 'person',
          entityId: person.id,
          after: person,
        });
        seats.push({ personId: person.id, role: e.role });
      }
    }
    return seats;
  }

  return {
    /** Invites members to a meeting (secretariat): each gets an empty delegation. */
    async invite(auth: Auth, meetingId: string, memberCodes: string[]) {
      await meetings.loadVisible(auth, meetingId);
      if (!canManageMeetings(auth.user)) throw new AppError('forbidden', 'Only the secretariat can invite members.');
      return write(deps, MEETING_TAGS, async (tx) => {
        const meeting = await lockMeeting(tx, meetingId);
        if (!meeting) throw notFound('Meeting');
        if (meeting.status === 'cancelled') throw new AppError('conflict', 'The meeting is cancelled.');
        const codes = [...new Set(memberCodes)];
        const ids = await memberIdsByCode(tx, codes);
        const unknown = codes.filter((c) => !ids.has(c));
        if (unknown.length > 0) {
          throw invalid(
            unknown.map((c) => ({
              in: 'body',
              path: `memberCodes.${memberCodes.indexOf(c)}`,
              message: `no member has code ${c}`,
            })),
          );
        }
        const created = await insertDelegations(tx, meetingId, [...ids.values()]);
        const invited = codes.filter((c) => created.some((d) => d.memberId === ids.get(c)));
        for (const d of created) {
          await recordAudit(tx, auth, {
            action: 'delegation.invited',
            entityType: 'delegation',
            entityId: d.id,
            after: d,
          });
        }
        return { invited, alreadyInvited: codes.filter((c) => !invited.includes(c)) };
      });
    },

    /** One member's delegation to a meeting; 404 when not invited or the meeting is hidden. */
    getDelegation: delegationOf,

    /**
     * Names a member's delegation: the head, the level of representation, alternates and
     * advisers, within the seat quota; replaces what was there.
     */
    async putDelegation(
      auth: Auth,
      meetingId: string,
      memberCode: string,
      version: number,
      body: PutDelegationBody,
    ): Promise<Delegation> {
      const loaded = await meetings.loadVisible(auth, meetingId);
      await write(deps, MEETING_TAGS, async (tx) => {
        const meeting = await lockMeeting(tx, meetingId);
        const current = await lockDelegation(tx, meetingId, memberCode);
        if (!meeting || !current) throw notFound(`A delegation of ${memberCode} to this meeting`);
        const memberId = current.memberId;
        // Decided on the locked meeting: a status change committed meanwhile is seen here.
        checkNaming(auth, { ...meeting, restrictedMemberIds: loaded.restrictedMemberIds }, memberId, body);
        if (current.version !== version) throw versionMismatch('delegation', current.version);
        const before = { level: current.level, seats: await delegatesOf(tx, current.id) };
        const seats = await resolveDelegates(tx, auth, memberId, body);
        const taken = await seatsElsewhere(
          tx,
          meetingId,
          current.id,
          seats.map((s) => s.personId),
        );
        if (taken.length > 0) {
          throw new AppError(
            'conflict',
            `${taken.length === 1 ? 'A person' : 'Some people'} named here already sit on the delegation of ${taken.map((t) => t.memberCode).join(', ')}.`,
          );
        }
        await replaceDelegates(tx, meetingId, current.id, seats);
        const row = await updateDelegationRow(tx, current.id, { level: body.level, version: current.version + 1 });
        await recordAudit(tx, auth, {
          action: 'delegation.named',
          entityType: 'delegation',
          entityId: current.id,
          before,
          after: { level: row.level, seats },
        });
      });
      return delegationOf(auth, meetingId, memberCode);
    },

    /** Records whether a delegation was present (secretariat). */
    async putAttendance(
      auth: Auth,
      meetingId: string,
      memberCode: string,
      version: number,
      body: { attendance: 'unknown' | 'present' | 'absent'; note?: string | null },
    ): Promise<Delegation> {
      await delegationOf(auth, meetingId, memberCode);
      if (!canManageMeetings(auth.user)) throw new AppError('forbidden', 'Only the secretariat records attendance.');
      await write(deps, MEETING_TAGS, async (tx) => {
        const meeting = await lockMeeting(tx, meetingId);
        const current = await lockDelegation(tx, meetingId, memberCode);
        if (!meeting || !current) throw notFound(`A delegation of ${memberCode} to this meeting`);
        if (meeting.status === 'cancelled')
          throw new AppError('conflict', 'The meeting was cancelled: nobody attended.');
        if (current.version !== version) throw versionMismatch('delegation', current.version);
        const row = await updateDelegationRow(tx, current.id, {
          attendance: body.attendance,
          attendanceNote: body.note === undefined ? current.attendanceNote : body.note,
          version: current.version + 1,
        });
        await recordAudit(tx, auth, {
          action: 'attendance.recorded',
          entityType: 'delegation',
          entityId: current.id,
          before: { attendance: current.attendance, attendanceNote: current.attendanceNote },
          after: { attendance: row.attendance, attendanceNote: row.attendanceNote },
        });
      });
      return delegationOf(auth, meetingId, memberCode);
    },

    /** The attendance roll: every invited delegation, in protocol order, with counts. */
    async getAttendance(auth: Auth, meetingId: string) {
      const { meeting } = await meetings.loadVisible(auth, meetingId);
      const items = meeting.delegations.map((d) => ({
        memberCode: d.memberCode,
        memberName: d.memberName,
        attendance: d.attendance,
        attendanceNote: d.attendanceNote,
        head: d.head,
        level: d.level,
      }));
      return { items, present: items.filter((i) => i.attendance === 'present').length, invited: items.length };
    },

    /** The tour de table: invited delegations in protocol order, and the rule that orders them. */
    async getProtocolOrder(auth: Auth, meetingId: string) {
      const { meeting } = await meetings.loadVisible(auth, meetingId);
      return {
        language: meeting.workingLanguage,
        rule: PROTOCOL_RULE[meeting.workingLanguage],
        items: meeting.delegations.map((d, i) => ({
          position: i + 1,
          memberCode: d.memberCode,
          name: d.memberNames[meeting.workingLanguage],
          kind: d.memberKind,
          isHost: d.memberCode === meeting.hostCode,
        })),
      };
    },
  };
}

export type DelegationsService = ReturnType<typeof createDelegationsService>;
