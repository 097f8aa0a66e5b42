import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMemberBody, Member, MemberList, UpdateMemberBody } from '../../../shared/members.js';
import type { Actor, Person, PersonMerge } from '../../../shared/registry.js';
import { api, q } from '../../app/api.js';

export const membersKey = ['members'] as const;
const memberKey = (code: string) => ['members', 'one', code] as const;

/**
 * The whole registry (a coalition has tens of members, not thousands): the members page,
 * the home counts and the map all filter this one list in the browser.
 */
export const membersQuery = () =>
  queryOptions({
    queryKey: [...membersKey, 'all'],
    queryFn: ({ signal }) => api<MemberList>('/members', { signal }).then((list) => list.items),
  });

export function useMembers() {
  return useQuery(membersQuery());
}

/** One member; `fresh` reads it again even when the cache has it (before editing it). */
export const memberQuery = (code: string) =>
  queryOptions({
    queryKey: memberKey(code),
    queryFn: ({ signal }) => api<Member>(`/members/${q(code)}`, { signal }),
  });

export function useMember(code: string, options: { fresh?: boolean } = {}) {
  return useQuery({ ...memberQuery(code), refetchOnMount: options.fresh ? 'always' : true });
}

export const peopleQuery = (memberCode: string) =>
  queryOptions({
    queryKey: ['people', memberCode],
    queryFn: ({ signal }) =>
      api<{ items: Person[] }>(`/people?member=${q(memberCode)}`, { signal }).then((list) => list.items),
  });

export function usePeople(memberCode: string) {
  return useQuery(peopleQuery(memberCode));
}

export const actorsQuery = () =>
  queryOptions({
    queryKey: ['actors'],
    queryFn: ({ signal }) => api<{ items: Actor[] }>('/actors', { signal }).then((list) => list.items),
  });

export function useActors() {
  return useQuery(actorsQuery());
}

/** The body as the form sends it: `status` may be left to the server's default. */
export type NewMember = Omit<CreateMemberBody, 'status'> & Partial<Pick<CreateMemberBody, 'status'>>;

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMember) => api<Member>('/members', { method: 'POST', body }),
    onSuccess: (member) => {
      queryClient.setQueryData(memberKey(member.code), member);
      return queryClient.invalidateQueries({ queryKey: membersKey });
    },
  });
}

export function useUpdateMember(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateMemberBody }) =>
      api<Member>(`/members/${q(code)}`, { method: 'PATCH', body, ifMatch: version }),
    onSuccess: (member) => {
      queryClient.setQueryData(memberKey(member.code), member);
      return queryClient.invalidateQueries({ queryKey: membersKey, predicate: (query) => query.queryKey[1] !== 'one' });
    },
  });
}

/** Merges a person into another record of the same person (secretariat): their seats, remarks and chairs move. */
export function useMergePerson(memberCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, into }: { id: string; into: string }) =>
      api<PersonMerge>(`/people/${q(id)}/merge`, { method: 'POST', body: { into } }),
    // The member's people, and every meeting page that named the merged person.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['people', memberCode] }),
        queryClient.invalidateQueries({ queryKey: ['meetings'] }),
      ]),
  });
}
