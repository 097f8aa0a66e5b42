import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Language } from '../../../shared/i18n.js';
import type {
  AttendanceStatus,
  CreateMeetingBody,
  Delegation,
  InviteResult,
  Meeting,
  MeetingKind,
  MeetingSummary,
  MemberDelegationList,
  ProtocolOrder,
  PutDelegationBody,
  UpdateMeetingBody,
  UpdateRemarkBody,
} from '../../../shared/meetings.js';
import type { Person } from '../../../shared/registry.js';
import { api, q } from '../../app/api.js';
import { type MeetingsFilter, meetingsQuery } from './meetings-filter.js';

export const meetingsKey = ['meetings'] as const;
const meetingKey = (id: string) => ['meetings', 'one', id] as const;

export type When = 'upcoming' | 'past';

/** Meetings the caller may see: upcoming soonest first, past latest first (the server's order). */
export function useMeetings(when: When, kind: MeetingKind | null) {
  return useMeetingList(when, { kind });
}

/** One meeting; `fresh` reads it again even when the cache has it (before changing it). */
export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: meetingKey(id),
    queryFn: ({ signal }) => api<Meeting>(`/meetings/${q(id)}`, { signal }),
  });

export function useMeeting(id: string, options: { fresh?: boolean } = {}) {
  return useQuery({ ...meetingQuery(id), refetchOnMount: options.fresh ? 'always' : true });
}

export const protocolOrderQuery = (id: string) =>
  queryOptions({
    queryKey: [...meetingKey(id), 'protocol-order'],
    queryFn: ({ signal }) => api<z.infer<typeof ProtocolOrder>>(`/meetings/${q(id)}/protocol-order`, { signal }),
  });

export function useProtocolOrder(id: string) {
  return useQuery(protocolOrderQuery(id));
}

/** A member's delegation, always read afresh: the form sends its version back. */
export function useDelegation(id: string, code: string) {
  return useQuery({
    queryKey: [...meetingKey(id), 'delegation', code],
    queryFn: ({ signal }) => api<Delegation>(`/meetings/${q(id)}/delegations/${q(code)}`, { signal }),
    refetchOnMount: 'always',
  });
}

/** Any change to a meeting touches its page, the lists and the printable list: read them again. */
function useInvalidateMeetings() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meetingsKey });
}

export function useCreateMeeting() {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (body: Partial<CreateMeetingBody>) => api<Meeting>('/meetings', { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}

export function useInviteMembers(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (memberCodes: string[]) =>
      api<z.infer<typeof InviteResult>>(`/meetings/${q(id)}/invitations`, {
        method: 'POST',
        body: { memberCodes },
      }),
    onSuccess: () => invalidate(),
  });
}

export function usePutDelegation(id: string, code: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: PutDelegationBody }) =>
      api<Delegation>(`/meetings/${q(id)}/delegations/${q(code)}`, { method: 'PUT', body, ifMatch: version }),
    // A person named afresh is now on record for the member.
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['people', code] })]),
  });
}

export function usePutAttendance(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ code, version, attendance }: { code: string; version: number; attendance: AttendanceStatus }) =>
      api<Delegation>(`/meetings/${q(id)}/attendance/${q(code)}`, {
        method: 'PUT',
        body: { attendance },
        ifMatch: version,
      }),
    onSuccess: () => invalidate(),
  });
}

export const meetingIcsUrl = (id: string) => `/api/v1/meetings/${q(id)}/calendar.ics`;
export const allMeetingsIcsUrl = '/api/v1/calendar.ics';

/** Meetings the caller may see, `when` (or all, soonest first), as the filter asks: the server searches. */
export function meetingListQuery(when: When | null, filter: Partial<MeetingsFilter> = {}, limit?: number) {
  const query = meetingsQuery(filter);
  if (when) query.set('when', when);
  if (limit) query.set('limit', String(limit));
  query.sort();
  return queryOptions({
    queryKey: [...meetingsKey, 'list', query.toString()],
    queryFn: ({ signal }) =>
      api<{ items: MeetingSummary[] }>(`/meetings?${query}`, { signal }).then((list) => list.items),
  });
}

export function useMeetingList(when: When | null, filter: Partial<MeetingsFilter> = {}, limit?: number) {
  return useQuery(meetingListQuery(when, filter, limit));
}

/** A member's delegations to the meetings the caller may see, latest first (heads only). */
export const memberDelegationsQuery = (code: string) =>
  queryOptions({
    queryKey: [...meetingsKey, 'member', code],
    queryFn: ({ signal }) =>
      api<MemberDelegationList>(`/members/${q(code)}/delegations`, { signal }).then((list) => list.items),
  });

export function useMemberDelegations(code: string) {
  return useQuery(memberDelegationsQuery(code));
}

/** The meeting's delegations and attendance as CSV, member names in `language`. */
export const delegationsCsvUrl = (id: string, language: Language) =>
  `/api/v1/meetings/${q(id)}/delegations.csv?lang=${language}`;

/** A change to the meeting itself, based on the version the page read (If-Match). */
export function useUpdateMeeting(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateMeetingBody }) =>
      api<Meeting>(`/meetings/${q(id)}`, { method: 'PATCH', body, ifMatch: version }),
    onSuccess: () => invalidate(),
  });
}

/** Withdraws a member's invitation (its delegation names nobody yet). */
export function useUninvite(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (code: string) => api<null>(`/meetings/${q(id)}/invitations/${q(code)}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateRemark(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ remarkId, version, body }: { remarkId: string; version: number; body: UpdateRemarkBody }) =>
      api<Meeting>(`/meetings/${q(id)}/remarks/${q(remarkId)}`, { method: 'PATCH', body, ifMatch: version }),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteRemark(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (remarkId: string) => api<Meeting>(`/meetings/${q(id)}/remarks/${q(remarkId)}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(),
  });
}

/** Everyone in the registry: the people a meeting's chairs are chosen from. */
export function useAllPeople() {
  return useQuery({
    queryKey: ['people', 'all'],
    queryFn: ({ signal }) => api<{ items: Person[] }>('/people', { signal }).then((list) => list.items),
  });
}
