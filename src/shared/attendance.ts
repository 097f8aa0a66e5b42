// Attendance rules the server and the web share, without zod: the public meeting page uses them.
import type { ATTENDANCE_STATUSES } from './enums.js';

/**
 * The note the demo's seed writes on the delegations the sources do not place in Brussels by name:
 * the 60-partner count makes their attendance likely, no source confirms it. Recording attendance
 * replaces it (the audit trail keeps it); the meeting page counts the delegations that still have it.
 */
export const INFERRED_ATTENDANCE_NOTE = 'Attendance inferred from the 60-partner count; not confirmed by a source.';

/** Is this delegation's attendance only the seed's inference, with nothing recorded since? */
export const isInferredAttendance = (d: {
  attendance: (typeof ATTENDANCE_STATUSES)[number];
  attendanceNote: string | null;
}): boolean => d.attendance === 'unknown' && d.attendanceNote === INFERRED_ATTENDANCE_NOTE;
