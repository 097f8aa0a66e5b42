import { type AttendanceStatus, DelegateRole, type RepresentationLevel } from '../../../shared/meetings.js';
import { type Read, readStatement } from '../../db/client.js';
import type { PersonRef } from './meetings.repo.js';

/** One of a member's delegations: the meeting it went to, its level, its head, its attendance. */
export interface MemberDelegationRow {
  meetingId: string;
  level: RepresentationLevel | null;
  attendance: AttendanceStatus;
  attendanceNote: string | null;
  head: PersonRef | null;
}

// The head only: alternates and advisers are the coalition's, and this read is the same for everyone.
const memberDelegations = readStatement<MemberDelegationRow & { memberId: string | null }>(
  'member_delegations',
  `select x.id as "memberId", d.meeting_id as "meetingId", d.level, d.attendance, d.attendance_note as "attendanceNote",
    case when p.id is null then null else json_build_object('id', p.id, 'name', p.name, 'title', p.title) end as head
  from members x
    left join delegations d on d.member_id = x.id
    left join delegates s on s.delegation_id = d.id and s.role = $2
    left join people p on p.id = s.person_id
  where x.code = $1`,
);

/**
 * A member's delegations to every meeting (visible or not: the caller filters), or undefined when
 * no member has this code.
 */
export async function readMemberDelegations(read: Read, code: string): Promise<MemberDelegationRow[] | undefined> {
  const rows = await read(memberDelegations, [code, DelegateRole.enum.head]);
  if (rows.length === 0) return undefined;
  return rows.filter((r) => r.meetingId !== null).map(({ memberId: _, ...row }) => row);
}
