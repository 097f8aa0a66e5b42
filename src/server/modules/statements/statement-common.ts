import type { Meeting } from '../../../shared/meetings.js';
import type { StatementStatus } from '../../../shared/statements.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError } from '../../lib/errors.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import type { MeetingLoader } from '../meetings/meeting-loader.js';
import { MEMBERS_TAG } from '../members/members.service.js';

// What the statements' use-case files share.

/** What a statement write announces: every process drops what shows statements (and decisions). */
export const STATEMENTS_TAG = 'statements';
/** What the public page of an adopted statement depends on: statements, and the members it names. */
export const PUBLIC_PAGE_TAGS = [STATEMENTS_TAG, MEMBERS_TAG];

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
