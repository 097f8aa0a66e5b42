import { useQuery } from '@tanstack/react-query';
import type { OpenDataCatalog } from '../../../shared/open-data.js';
import { api } from '../../app/api.js';

/** The open data's catalog: the datasets, their columns and downloads, the feeds. */
export function useOpenDataCatalog() {
  return useQuery({
    queryKey: ['open-data'],
    queryFn: ({ signal }) => api<OpenDataCatalog>('/open-data', { signal }),
    // The catalog changes only with a release of the server.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
