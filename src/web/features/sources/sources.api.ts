import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewSource, Source, SourceChange, SourceList, SourceSubject } from '../../../shared/sources.js';
import { api, q } from '../../app/api.js';

export const sourcesKey = ['sources'] as const;

/** What the register is asked for: the press or the sources, by member or meeting, or any subject's key. */
export interface SourcesQuery {
  kind?: 'press' | 'source';
  member?: string | null;
  meeting?: string | null;
  subject?: SourceSubject;
  key?: string;
}

function toParams(query: SourcesQuery): URLSearchParams {
  const params = new URLSearchParams({ limit: '500' });
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return params;
}

/** The entries the caller may see, newest first (a register holds hundreds, not thousands: one page of 500). */
export function sourcesQuery(query: SourcesQuery) {
  const params = toParams(query);
  return queryOptions({
    queryKey: [...sourcesKey, 'list', params.toString()],
    queryFn: ({ signal }) => api<SourceList>(`/sources?${params}`, { signal }).then((list) => list.items),
  });
}

export function useSources(query: SourcesQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...sourcesQuery(query), enabled: options.enabled ?? true });
}

/** One entry; `fresh` reads it again even when the cache has it (before changing it). */
export function useSource(id: string, options: { fresh?: boolean } = {}) {
  return useQuery({
    queryKey: [...sourcesKey, 'one', id],
    queryFn: ({ signal }) => api<Source>(`/sources/${q(id)}`, { signal }),
    refetchOnMount: options.fresh ? 'always' : true,
  });
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSource) => api<Source>('/sources', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourcesKey }),
  });
}

export function useUpdateSource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: SourceChange }) =>
      api<Source>(`/sources/${q(id)}`, { method: 'PATCH', body, ifMatch: version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourcesKey }),
  });
}

export function useDeleteSource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version }: { version: number }) =>
      api<null>(`/sources/${q(id)}`, { method: 'DELETE', ifMatch: version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourcesKey }),
  });
}
