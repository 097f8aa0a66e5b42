import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResults } from '../../../shared/search.js';
import { api, q as encode } from '../../app/api.js';

/** The hits for `q` (none asked for an empty query); the last answer stays shown while the next loads. */
export function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api<SearchResults>(`/search?q=${encode(q)}&limit=50`, { signal }),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** The results page's address for a query. */
export const searchPath = (q: string) => `/search?q=${encode(q.trim())}`;
