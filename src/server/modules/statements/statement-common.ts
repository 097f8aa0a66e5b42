import type { Meeting } from '../../../shared/meetings.js';
import type { StatementStatus } from '../../../shared/statements.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError } from '../../lib/errors.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { MEETINGS_TAG, type MeetingLoader } from '../meetings/meeting-loader.js';
import { canReadMeeting } from '../meetings/meetings.policy.js';
import { MEMBERS_TAG } from '../members/members.service.js';

// What the statements' use-case files share.

/** What a statement write announces: every process drops what shows statements (and decisions). */
export const STATEMENTS_TAG = 'statements';
/** What the public page of an adopted statement depends on: statements, the members it names, its meeting's visibility. */
export const PUBLIC_PAGE_TAGS = [STATEMENTS_TAG, MEMBERS_TAG, MEETINGS_TAG];

/** What statements need of meetings: a meeting as the caller may see it (404 otherwise). */
export type StatementsDeps = ServiceDeps & { loader: MeetingLoader };

/** The meeting if the caller may see it, else undefined. */
export async function meetingIfVisible(deps: StatementsDeps, auth: Auth, id: string): Promise<Meeting | undefined> {
  try {
    return (await deps.loader.visible(auth, id)).meeting;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** 409: the statement is no longer a draft, so this cannot be done to it. */
export const notDraft = (status: StatementStatus, detail: string) =>
  new AppError('conflict', detail, { reason: 'statement_not_draft', params: { status } });

/** The ids of the meetings the caller may see. */
export async function visibleMeetingIds(loader: MeetingLoader, auth: Auth): Promise<Set<string>> {
  return new Set((await loader.all()).filter((m) => canReadMeeting(auth.user, m.access)).map((m) => m.summary.id));
}

/**
 * The record without its meeting when the caller may not see that meeting: a public statement
 * adopted at a coalition meeting names no meeting to the public (absent, not a link to a 404).
 */
export function withVisibleMeeting<T extends { meetingId: string | null }>(item: T, visible: Set<string>): T {
  return item.meetingId && !visible.has(item.meetingId) ? { ...item, meetingId: null } : item;
}
