import { Visibility } from '../../../shared/meetings.js';
import { isFocalPointOf, isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';
import type { ViewerSql } from '../meetings/meetings.policy.js';

/** What the policy needs to know of an entry of the register. */
export interface SourceAccess {
  visibility: Visibility;
  /** The members the entry links to: they are the "named members" of a restricted entry. */
  memberIds: string[];
}

/**
 * Public entries are for everyone, coalition ones for anyone signed in. An entry has no list of
 * its own of who may see it when restricted: the members it links to are those members (an
 * article about Iraq's delegation is Iraq's to see), with the secretariat. Anyone else gets 404.
 */
export function canReadSource(user: SessionUser | null, source: SourceAccess): boolean {
  if (source.visibility === Visibility.enum.public) return true;
  if (!user) return false;
  if (source.visibility === Visibility.enum.coalition) return true;
  if (isSecretariat(user)) return true;
  return source.memberIds.some((memberId) => isFocalPointOf(user, memberId));
}

/**
 * canReadSource as a SQL condition on the source row `o`, for queries that must not load what the
 * caller may not see (search); search.routes.test.ts checks it agrees with the register's list.
 */
export const sourceVisibleSql = (o: string, viewer: ViewerSql): string =>
  `(${o}.visibility = '${Visibility.enum.public}' or (${viewer.signedIn} and (${o}.visibility = '${Visibility.enum.coalition}'
    or ${viewer.secretariat} or exists (select 1 from source_links sl
      where sl.source_id = ${o}.id and sl.member_id = ${viewer.memberId}))))`;

/** The secretariat keeps the register: adds, changes and removes entries. */
export const canEditSources = (user: SessionUser | null): boolean => isSecretariat(user);
