import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberContributions } from '../../../shared/progress.js';
import type { MemberStatementList } from '../../../shared/statements.js';
import { api, q } from '../../app/api.js';

// Keyed under the lists they come from: a change to statements or figures reads these again too.

/** The adopted statements circulated to a member that the reader may see, and where it stood. */
export const memberStatementsQuery = (code: string) =>
  queryOptions({
    queryKey: ['statements', 'member', code],
    queryFn: ({ signal }) =>
      api<MemberStatementList>(`/members/${q(code)}/statements`, { signal }).then((list) => list.items),
  });

export function useMemberStatements(code: string) {
  return useQuery(memberStatementsQuery(code));
}

/** A member's approved values per indicator the reader may see. */
export const memberContributionsQuery = (code: string) =>
  queryOptions({
    queryKey: ['figures', 'member', code],
    queryFn: ({ signal }) =>
      api<MemberContributions>(`/members/${q(code)}/contributions`, { signal }).then((list) => list.items),
  });

export function useMemberContributions(code: string) {
  return useQuery(memberContributionsQuery(code));
}
