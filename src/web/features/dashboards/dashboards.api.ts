import { useQuery } from '@tanstack/react-query';
import type { ApprovedValueList, Breakdown, LineOfEffortFigures, Series } from '../../../shared/progress.js';
import { api, q } from '../../app/api.js';
import { type DashboardFilters, filtersQuery } from './dashboard-filters.js';

const base = (key: string) => `/indicators/${q(key)}`;

/** An indicator's series under the dashboard's filters. */
export function useSeries(key: string, filters: DashboardFilters) {
  return useQuery({
    queryKey: ['figures', key, 'series', filters],
    queryFn: ({ signal }) => api<Series>(`${base(key)}/series?${filtersQuery(filters)}`, { signal }),
  });
}

/** An indicator's breakdown by member or category under the dashboard's filters. */
export function useBreakdown(key: string, by: 'member' | 'category', filters: DashboardFilters, enabled = true) {
  return useQuery({
    queryKey: ['figures', key, 'breakdown', by, filters],
    queryFn: ({ signal }) => api<Breakdown>(`${base(key)}/breakdown?${filtersQuery({ ...filters, by })}`, { signal }),
    enabled,
  });
}

/** The approved values behind a figure. */
export function useApprovedValues(key: string, filters: DashboardFilters) {
  return useQuery({
    queryKey: ['figures', key, 'values', filters],
    queryFn: ({ signal }) => api<ApprovedValueList>(`${base(key)}/values?${filtersQuery(filters)}`, { signal }),
  });
}

/** Every indicator of a line of effort the reader may see, with its latest figure. */
export function useLineFigures(key: string) {
  return useQuery({
    queryKey: ['figures', 'line', key],
    queryFn: ({ signal }) => api<LineOfEffortFigures>(`/lines-of-effort/${q(key)}/figures`, { signal }),
  });
}
