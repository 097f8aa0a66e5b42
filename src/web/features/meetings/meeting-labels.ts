import type { AttendanceStatus, MeetingStatus } from '../../../shared/meetings.js';

export const STATUS_COLORS: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', cancelled: 'red' };

export const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = { present: 'green', absent: 'red', unknown: 'gray' };

/** "1+3" → 3: the seats beside the head of delegation. */
export const extraSeats = (quota: string): number => Number(quota.split('+')[1] ?? 0);
