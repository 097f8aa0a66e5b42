import { fold } from '../../../shared/fold.js';
import type { Language } from '../../../shared/i18n.js';
import type { Delegation, Meeting } from '../../../shared/meetings.js';
import { nameIn } from '../members/member-name.js';

/**
 * Has the meeting's first day come where it is held? Only what the page offers depends on it: the
 * server decides by the database's clock, and refuses attendance before then (meeting_not_started).
 */
export function hasBegun(meeting: Pick<Meeting, 'startDate' | 'timeZone'>, now = new Date()): boolean {
  // en-CA writes a date as YYYY-MM-DD, comparable with the ISO start date.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: meeting.timeZone }).format(now);
  return today >= meeting.startDate;
}

/** The delegations whose member's name in the reader's language, or code, holds the query (folded: case, accents). */
export function filterDelegations(delegations: Delegation[], query: string, language: Language): Delegation[] {
  const q = fold(query.trim());
  if (!q) return delegations;
  return delegations.filter(
    (d) => fold(nameIn(d.memberNames, d.memberName, language)).includes(q) || fold(d.memberCode).includes(q),
  );
}
