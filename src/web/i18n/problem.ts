import type { TFunction } from 'i18next';
import { isApiError } from '../app/api.js';

/**
 * A failed request in the reader's words, from the problem's `reason` when it has one, else its
 * `code`; never from the server's English `detail`.
 */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('problem.internal_error');
  if (error.status === 0) return t('problem.unreachable');
  const problem = error.problem;
  if (!problem) return t('problem.http', { status: error.status });
  // A closed meeting is said by its status, which the sentence needs in words, not as a code.
  const status = problem.params?.status;
  if (problem.reason === 'meeting_closed' && (status === 'held' || status === 'cancelled')) {
    return t(`meetingClosed.${status}`);
  }
  if (problem.reason) return t(`reason.${problem.reason}`, { ...problem.params });
  return t(`problem.${problem.code}`);
}
