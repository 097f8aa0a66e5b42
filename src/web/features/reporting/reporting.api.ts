import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateIndicatorBody,
  Indicator,
  IndicatorList,
  OpenPeriodBody,
  PutReportBody,
  Report,
  ReportingPeriod,
  ReportingPeriodList,
  ReportList,
  ReportStatus,
  ValueRef,
} from '../../../shared/progress.js';
import { api, q } from '../../app/api.js';

// Indicators, periods and reports are read and changed together: a review changes a report, the
// queue and the periods' counts. Any change reads them all again.
export const reportingKey = ['reporting'] as const;

export function useIndicators() {
  return useQuery({
    queryKey: [...reportingKey, 'indicators'],
    queryFn: ({ signal }) => api<IndicatorList>('/indicators', { signal }).then((r) => r.items),
  });
}

export function usePeriods() {
  return useQuery({
    queryKey: [...reportingKey, 'periods'],
    queryFn: ({ signal }) => api<ReportingPeriodList>('/periods', { signal }).then((r) => r.items),
  });
}

export function useReportQueue(filter: { period: string | null; status: ReportStatus | null }) {
  const query = new URLSearchParams();
  if (filter.period) query.set('period', filter.period);
  if (filter.status) query.set('status', filter.status);
  return useQuery({
    queryKey: [...reportingKey, 'queue', query.toString()],
    queryFn: ({ signal }) => api<ReportList>(`/reports?${query}`, { signal }).then((r) => r.items),
  });
}

const reportPath = (period: string, member: string) => `/reports/${q(period)}/${q(member)}`;

export function useReport(period: string, member: string) {
  return useQuery({
    queryKey: [...reportingKey, 'report', period, member],
    queryFn: ({ signal }) => api<Report>(reportPath(period, member), { signal }),
    refetchOnMount: 'always',
  });
}

function useReportingMutation<Vars, Result>(fn: (vars: Vars) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: reportingKey }),
  });
}

/** The report's actions, each with the version it was read at. */
export function useReportActions(period: string, member: string) {
  const path = reportPath(period, member);
  return {
    save: useReportingMutation((v: { version: number; body: PutReportBody }) =>
      api<Report>(path, { method: 'PUT', body: v.body, ifMatch: v.version }),
    ),
    submit: useReportingMutation((v: { version: number }) =>
      api<Report>(`${path}/submit`, { method: 'POST', ifMatch: v.version }),
    ),
    approve: useReportingMutation((v: { version: number; values?: ValueRef[] }) =>
      api<Report>(`${path}/approve`, {
        method: 'POST',
        body: v.values ? { values: v.values } : {},
        ifMatch: v.version,
      }),
    ),
    giveBack: useReportingMutation((v: { version: number; reason: string; values?: ValueRef[] }) =>
      api<Report>(`${path}/return`, {
        method: 'POST',
        body: { reason: v.reason, ...(v.values ? { values: v.values } : {}) },
        ifMatch: v.version,
      }),
    ),
  };
}

export function useCreateIndicator() {
  return useReportingMutation((body: CreateIndicatorBody) => api<Indicator>('/indicators', { method: 'POST', body }));
}

export function useUpdateIndicator() {
  return useReportingMutation((v: { key: string; version: number; body: Partial<CreateIndicatorBody> }) =>
    api<Indicator>(`/indicators/${q(v.key)}`, { method: 'PATCH', body: v.body, ifMatch: v.version }),
  );
}

export function useOpenPeriod() {
  return useReportingMutation((body: OpenPeriodBody) => api<ReportingPeriod>('/periods', { method: 'POST', body }));
}

export function useReopenPeriod() {
  return useReportingMutation((v: { period: string; version: number; closesOn: string }) =>
    api<ReportingPeriod>(`/periods/${q(v.period)}/reopen`, {
      method: 'POST',
      body: { closesOn: v.closesOn },
      ifMatch: v.version,
    }),
  );
}
