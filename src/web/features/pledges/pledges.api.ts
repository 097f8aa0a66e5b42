import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePledgeBody,
  FxImportResult,
  FxRateList,
  Pledge,
  PledgeEventBody,
  PledgeKind,
  PledgeList,
  PledgeStatus,
  PledgeTotals,
} from '../../../shared/pledges.js';
import { api, q } from '../../app/api.js';

// Pledges, their totals and the FX table are read together: a new rate changes the totals and
// every pledge's US dollars, an event changes the totals. Any change reads them all again.
export const pledgesKey = ['pledges'] as const;

export interface PledgesFilter {
  member: string | null;
  lineOfEffort: string | null;
  status: PledgeStatus | null;
  kind: PledgeKind | null;
}

export function pledgesQuery(filter: PledgesFilter) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  return queryOptions({
    queryKey: [...pledgesKey, 'list', query.toString()],
    queryFn: ({ signal }) => api<PledgeList>(`/pledges?${query}`, { signal }).then((list) => list.items),
  });
}

/** A member's pledges: their page's list. */
export const memberPledgesQuery = (code: string) =>
  pledgesQuery({ member: code, lineOfEffort: null, status: null, kind: null });

export function usePledges(filter: PledgesFilter) {
  return useQuery(pledgesQuery(filter));
}

export function usePledge(id: string) {
  return useQuery({
    queryKey: [...pledgesKey, 'one', id],
    queryFn: ({ signal }) => api<Pledge>(`/pledges/${q(id)}`, { signal }),
  });
}

export function usePledgeTotals(by: PledgeTotals['by']) {
  return useQuery({
    queryKey: [...pledgesKey, 'totals', by],
    queryFn: ({ signal }) => api<PledgeTotals>(`/pledges/totals?by=${by}`, { signal }),
  });
}

export function useFxRates(currency: string | null) {
  return useQuery({
    queryKey: [...pledgesKey, 'fx', currency ?? ''],
    queryFn: ({ signal }) =>
      api<FxRateList>(`/fx-rates${currency ? `?currency=${q(currency)}` : ''}`, { signal }).then((r) => r.items),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: pledgesKey });
}

export function useCreatePledge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreatePledgeBody) => api<Pledge>('/pledges', { method: 'POST', body }),
    onSuccess: () => {
      void invalidate();
    },
  });
}

export function useAddPledgeEvent(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: PledgeEventBody }) =>
      api<Pledge>(`/pledges/${q(id)}/events`, { method: 'POST', body, ifMatch: version }),
    onSuccess: () => {
      void invalidate();
    },
  });
}

export function useImportFxRates() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (csv: string) =>
      api<FxImportResult>('/fx-rates/import', { method: 'POST', body: csv, contentType: 'text/csv' }),
    onSuccess: () => {
      void invalidate();
    },
  });
}
