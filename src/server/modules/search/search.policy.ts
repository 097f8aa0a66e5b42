import { Visibility } from '../../../shared/meetings.js';
import { isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';
import type { ViewerSql } from '../meetings/meetings.policy.js';

/**
 * Who sees an entry of the register of sources: public ones everyone, coalition ones anyone signed
 * in, restricted ones the secretariat (a source lists no members). Until the sources module
 * exports its own rule, search holds it here.
 */
export function canReadSource(user: SessionUser | null, source: { visibility: Visibility }): boolean {
  if (source.visibility === Visibility.enum.public) return true;
  if (!user) return false;
  return source.visibility === Visibility.enum.coalition || isSecretariat(user);
}

/** canReadSource as a SQL condition on the source row `o`; search.policy.test.ts checks the two agree. */
export const sourceVisibleSql = (o: string, viewer: Pick<ViewerSql, 'signedIn' | 'secretariat'>): string =>
  `(${o}.visibility = '${Visibility.enum.public}' or (${viewer.signedIn} and (${o}.visibility = '${Visibility.enum.coalition}' or ${viewer.secretariat})))`;
