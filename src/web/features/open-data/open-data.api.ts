import { useQuery } from '@tanstack/react-query';
import type { AuditHead } from '../../../shared/audit.js';
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

/** The audit chain's head: the hash an outsider notes to tell later whether history was rewritten. */
export function useAuditHead() {
  return useQuery({
    queryKey: ['audit', 'head'],
    queryFn: ({ signal }) => api<AuditHead>('/audit/head', { signal }),
  });
}
