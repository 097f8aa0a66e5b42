import { INFERRED_ATTENDANCE_NOTE } from '../../../shared/attendance.js';
import { foldName } from '../../../shared/fold.js';
import {
  type AttendanceRoll,
  AttendanceStatus,
  type DelegateInput,
  DelegateRole,
  type Delegation,
  type InviteResult,
  MeetingStatus,
  type ProtocolOrder,
  ProtocolRule,
  type PutAttendanceBody,
  type PutDelegationBody,
  Visibility,
} from '../../../shared/meetings.js';
import { NotificationKind } from '../../../shared/notifications.js';
import type { FieldError } from '../../../shared/problem.js';
import type { Tx } from '../../db/client.js';
import { delegations } from '../../db/schema/meetings.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { notify } from '../notifications/notify.js';
import { findPeople, lockPeopleOf, peopleOfMember } from '../registry/registry.repo.js';
import { addPerson } from '../registry/registry.service.js';
import { MEETINGS_TAG, type MeetingLoader } from './meeting-loader.js';
import { canManageMeetings, canNameDelegation, canReadMeeting, type MeetingAccess } from './meetings.policy.js';
import {
  delegatesOf,
  deleteDelegation,
  hasMeetingBegun,
  insertDelegations,
  lockDelegation,
  lockMeeting,
  replaceDelegates,
  restrictedMemberIdsOf,
  seatsElsewhere,
} from './meetings.repo.js';

/** "1+3" → 3 seats beside the head. */
export const extraSeats = (quota: string) => Number(quota.split('+')[1] ?? 0);

/** May this caller name this delegation now? Throws 403 or 409 when not. */
function allowNaming(auth: Auth, meeting: MeetingAccess, memberId: string): void {
  const decision = canNameDelegation(auth.user, meeting, memberId);
  if (decision === 'not_own_member' || decision === 'forbidden') {
    throw new AppError('forbidden', "A focal point names only their own member's delegation.");
  }
  if (decision === 'closed') {
    throw new AppError('conflict', `The meeting is ${meeting.status}; delegations can no longer be changed.`, {
      reason: 'meeting_closed',
      params: { status: meeting.status },
    });
  }
}

/** Does the delegation fit the seat quota? 400 on the list that overflows when not. */
function checkSeats(seatQuota: string, body: PutDelegationBody): void {
  const seatsBeside = body.alternates.length + body.advisers.length;
  const allowed = extraSeats(seatQuota);
  if (seatsBeside > allowed) {
    throw invalid(
      [
        fieldError(
          // The error sits on the list that overflows first: alternates fill seats before advisers.
          body.alternates.length > allowed ? 'alternates' : 'advisers',
          'over_quota',
          `the seat quota is ${seatQuota}: at most ${allowed} beside the head`,
          { quota: seatQuota, allowed },
        ),
      ],
      `This meeting allows ${seatQuota} seats per delegation; ${1 + seatsBeside} were named.`,
    );
  }
  if (!body.head && seatsBeside > 0) {
    throw invalid([fieldError('head', 'head_required', 'a delegation with alternates or advisers needs a head')]);
  }
}

/**
 * Someone named afresh must not be a person the member already has (compared folded: "  jane
 * EXAMPLE" is Jane Example, Jose is José), nor be named twice in one request: each would make a
 * duplicate that lists the person twice on the public pages. The refusal offers the known person.
 */
async function newcomersKnownAlready(
  tx: Tx,
  memberId: string,
  entries: { input: DelegateInput; path: string }[],
): Promise<FieldError[]> {
  const fresh = entries.flatMap((e) => ('name' in e.input ? [{ name: e.input.name, path: `${e.path}.name` }] : []));
  if (fresh.length === 0) return [];
  // Held until the transaction ends, so that a concurrent request naming the same newcomer waits and then sees them.
  await lockPeopleOf(tx, memberId);
  const known = new Map<string, { id: string; name: string }>();
  for (const person of await peopleOfMember(tx, memberId)) {
    const key = foldName(person.name);
    if (!known.has(key)) known.set(key, person);
  }
  const errors: FieldError[] = [];
  const named = new Set<string>();
  for (const { name, path } of fresh) {
    const key = foldName(name);
    const person = known.get(key);
    if (person) {
      errors.push(
        fieldError(path, 'person_exists', `${person.name} is on record already: name them by personId`, {
          personId: person.id,
          name: person.name,
        }),
      );
    } else if (named.has(key)) {
      errors.push(fieldError(path, 'person_twice', 'is already on this delegation'));
    }
    named.add(key);
  }
  return errors;
}

/** People named by id must exist and speak for this member; people named afresh are created for it. */
async function resolveDelegates(tx: Tx, auth: Auth, memberId: string, body: PutDelegationBody) {
  const entries: { input: DelegateInput; role: DelegateRole; path: string }[] = [
    ...(body.head ? [{ input: body.head, role: DelegateRole.enum.head, path: 'head' }] : []),
    ...body.alternates.map((input, i) => ({ input, role: DelegateRole.enum.alternate, path: `alternates.${i}` })),
    ...body.advisers.map((input, i) => ({ input, role: DelegateRole.enum.adviser, path: `advisers.${i}` })),
  ];
  const known = await findPeople(
    tx,
    entries.flatMap((e) => ('personId' in e.input ? [e.input.personId] : [])),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!('personId' in e.input)) continue;
    const { personId } = e.input;
    const person = known.find((p) => p.id === personId);
    const path = `${e.path}.personId`;
    if (!person) errors.push(fieldError(path, 'unknown_person', 'no such person'));
    else if (person.memberId !== memberId) {
      errors.push(fieldError(path, 'person_of_other_member', 'speaks for another member'));
    }
    if (seen.has(personId)) errors.push(fieldError(path, 'person_twice', 'is already on this delegation'));
    seen.add(personId);
  }
  errors.push(...(await newcomersKnownAlready(tx, memberId, entries)));
  if (errors.length > 0) throw invalid(errors);
  const seats: { personId: string; role: DelegateRole }[] = [];
  for (const e of entries) {
    if ('personId' in e.input) {
      seats.push({ personId: e.input.personId, role: e.role });
    } else {
      const person = await addPerson(tx, auth, { name: e.input.name, title: e.input.title ?? null, memberId });
      seats.push({ personId: person.id, role: e.role });
    }
  }
  return seats;
}

/**
 * A member's delegation locked with its meeting: decisions are made on the rows as they are now.
 * The meeting is share-locked, so that attendance at the door is recorded for many delegations at
 * once while a change of the meeting's status or quota waits for them (and they for it).
 */
async function lockDelegationOfMeeting(tx: Tx, meetingId: string, memberCode: string) {
  const meeting = await lockMeeting(tx, meetingId, 'share');
  const delegation = meeting ? await lockDelegation(tx, meetingId, memberCode) : undefined;
  if (!meeting || !delegation) return undefined;
  const access: MeetingAccess = {
    visibility: meeting.visibility,
    status: meeting.status,
    restrictedMemberIds: await restrictedMemberIdsOf(tx, meetingId),
  };
  return { ...delegation, meeting, access };
}

/**
 * Invitations, delegations (head, level, alternates, advisers within the seat quota),
 * the attendance roll and the protocol order of one meeting.
 */
export function createDelegationsService(deps: ServiceDeps & { loader: MeetingLoader }) {
  const { loader } = deps;

  async function getDelegation(auth: Auth, meetingId: string, memberCode: string): Promise<Delegation> {
    const { meeting } = await loader.visible(auth, meetingId);
    const delegation = meeting.delegations.find((d) => d.memberCode === memberCode);
    if (!delegation) throw notFound(`A delegation of ${memberCode} to this meeting`);
    return delegation;
  }

  return {
    /** Invites members to a meeting (secretariat): each gets an empty delegation. */
    async invite(auth: Auth, meetingId: string, memberCodes: string[]): Promise<InviteResult> {
      await loader.visible(auth, meetingId);
      requireRole(auth, canManageMeetings, 'Only the secretariat can invite members.');
      return write(deps, [MEETINGS_TAG], async (tx) => {
        const meeting = await lockMeeting(tx, meetingId);
        if (!meeting) throw notFound('Meeting');
        if (meeting.status === MeetingStatus.enum.cancelled) {
          throw new AppError('conflict', 'The meeting is cancelled.', { reason: 'meeting_cancelled' });
        }
        const codes = [...new Set(memberCodes)];
        const ids = await memberIdsByCode(tx, codes);
        const unknown = codes.filter((c) => !ids.has(c));
        if (unknown.length > 0) {
          throw invalid(unknown.map((c) => unknownMember(`memberCodes.${memberCodes.indexOf(c)}`, c)));
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
        // Each invited member's focal points are asked to name the delegation, in this transaction;
        // not when the meeting is restricted to other members: they could not see it, and the
        // notification would tell them its title.
        const shownTo =
          meeting.visibility === Visibility.enum.restricted ? await restrictedMemberIdsOf(tx, meetingId) : null;
        for (const code of invited) {
          if (shownTo && !shownTo.includes(ids.get(code) as string)) continue;
          await notify(tx, deps.clock, {
            kind: NotificationKind.enum.delegation_invited,
            to: { focalPointsOf: [ids.get(code) as string] },
            params: {
              meetingId,
              meetingTitle: meeting.title,
              titleTranslations: meeting.titleTranslations,
              workingLanguage: meeting.workingLanguage,
              memberCode: code,
              startDate: meeting.startDate,
              endDate: meeting.endDate,
              deadline: null,
            },
          });
        }
        return { invited, alreadyInvited: codes.filter((c) => !invited.includes(c)) };
      });
    },

    /** One member's delegation to a meeting; 404 when not invited or the meeting is hidden. */
    getDelegation,

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
      await write(deps, [MEETINGS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: delegations,
          entity: 'delegation',
          action: 'delegation.named',
          version,
          lock: () => lockDelegationOfMeeting(tx, meetingId, memberCode),
          visible: (d) => canReadMeeting(auth.user, d.access),
          // Decided on the locked meeting: a status change committed meanwhile is seen here.
          allow: (d) => allowNaming(auth, d.access, d.memberId),
          view: async (d) => ({ level: d.level, seats: await delegatesOf(tx, d.id) }),
          change: async (d) => {
            checkSeats(d.meeting.seatQuota, body);
            const seats = await resolveDelegates(tx, auth, d.memberId, body);
            const taken = await seatsElsewhere(
              tx,
              meetingId,
              d.id,
              seats.map((s) => s.personId),
            );
            if (taken.length > 0) {
              const elsewhere = [...new Set(taken.map((t) => t.memberCode))];
              throw new AppError(
                'conflict',
                `${taken.length === 1 ? 'A person' : 'Some people'} named here already sit on the delegation of ${elsewhere.join(', ')}.`,
                { reason: 'seated_elsewhere', params: { members: elsewhere.join(',') } },
              );
            }
            await replaceDelegates(tx, meetingId, d.id, seats);
            return { level: body.level };
          },
        }),
      );
      return getDelegation(auth, meetingId, memberCode);
    },

    /** Records whether a delegation was present (secretariat). */
    async putAttendance(
      auth: Auth,
      meetingId: string,
      memberCode: string,
      version: number,
      body: PutAttendanceBody,
    ): Promise<Delegation> {
      await write(deps, [MEETINGS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: delegations,
          entity: 'delegation',
          action: 'attendance.recorded',
          version,
          lock: async () => {
            const d = await lockDelegationOfMeeting(tx, meetingId, memberCode);
            return d && { ...d, begun: await hasMeetingBegun(tx, deps.clock, meetingId) };
          },
          visible: (d) => canReadMeeting(auth.user, d.access),
          allow: (d) => {
            requireRole(auth, canManageMeetings, 'Only the secretariat records attendance.');
            if (d.meeting.status === MeetingStatus.enum.cancelled) {
              throw new AppError('conflict', 'The meeting was cancelled: nobody attended.', {
                reason: 'meeting_cancelled',
              });
            }
            // Nobody is present at a meeting yet to come; a meeting marked held has happened, whatever its dates.
            if (d.meeting.status !== MeetingStatus.enum.held && !d.begun) {
              throw new AppError(
                'conflict',
                `The meeting starts on ${d.meeting.startDate} (${d.meeting.timeZone}): attendance is recorded once it is held.`,
                { reason: 'meeting_not_started', params: { startDate: d.meeting.startDate } },
              );
            }
          },
          view: (d) => ({ attendance: d.attendance, attendanceNote: d.attendanceNote }),
          change: (d) => ({
            attendance: body.attendance,
            // What is recorded now replaces the seed's inference; a note of the sources stays.
            attendanceNote:
              body.note !== undefined
                ? body.note
                : d.attendanceNote === INFERRED_ATTENDANCE_NOTE
                  ? null
                  : d.attendanceNote,
          }),
        }),
      );
      return getDelegation(auth, meetingId, memberCode);
    },

    /** The attendance roll: every invited delegation, in protocol order, with counts. */
    async getAttendance(auth: Auth, meetingId: string): Promise<AttendanceRoll> {
      const { meeting } = await loader.visible(auth, meetingId);
      const items = meeting.delegations.map((d) => ({
        memberCode: d.memberCode,
        memberName: d.memberName,
        attendance: d.attendance,
        attendanceNote: d.attendanceNote,
        head: d.head,
        level: d.level,
      }));
      return {
        items,
        present: items.filter((i) => i.attendance === AttendanceStatus.enum.present).length,
        invited: items.length,
      };
    },

    /** The tour de table: invited delegations in protocol order, and the rule that orders them. */
    async getProtocolOrder(auth: Auth, meetingId: string): Promise<ProtocolOrder> {
      const { meeting } = await loader.visible(auth, meetingId);
      return {
        language: meeting.workingLanguage,
        rule: ProtocolRule.enum.host_then_states_then_organizations,
        items: meeting.delegations.map((d, i) => ({
          position: i + 1,
          memberCode: d.memberCode,
          name: d.memberNames[meeting.workingLanguage],
          kind: d.memberKind,
          isHost: d.memberCode === meeting.hostCode,
        })),
      };
    },

    /**
     * Withdraws a member's invitation (secretariat): only while its delegation names nobody, so
     * that no one a focal point named disappears with it.
     */
    async uninvite(auth: Auth, meetingId: string, memberCode: string): Promise<void> {
      await loader.visible(auth, meetingId);
      requireRole(auth, canManageMeetings, 'Only the secretariat can withdraw invitations.');
      await write(deps, [MEETINGS_TAG], async (tx) => {
        const delegation = await lockDelegationOfMeeting(tx, meetingId, memberCode);
        if (!delegation) throw notFound(`A delegation of ${memberCode} to this meeting`);
        const seats = await delegatesOf(tx, delegation.id);
        if (seats.length > 0) {
          throw new AppError('conflict', `The delegation of ${memberCode} names people: it cannot be uninvited.`, {
            reason: 'delegation_has_people',
          });
        }
        await deleteDelegation(tx, delegation.id);
        const { meeting: _meeting, access: _access, ...before } = delegation;
        await recordAudit(tx, auth, {
          action: 'delegation.uninvited',
          entityType: 'delegation',
          entityId: delegation.id,
          before: { ...before, memberCode },
        });
      });
    },
  };
}

export type DelegationsService = ReturnType<typeof createDelegationsService>;
