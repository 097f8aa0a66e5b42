import { CATEGORY_KEY_PATTERN, PERIOD_PATTERN } from '../../../shared/progress.js';

/** What a dashboard shows, kept in its address: `?from=2015-01&to=2015-12&member=FRA&category=oil_sales`. */
export interface DashboardFilters {
  from?: string;
  to?: string;
  member?: string;
  category?: string;
  /** One period (the values behind one point). */
  period?: string;
}

const MEMBER_CODE = /^[A-Z][A-Z0-9]{1,11}$/;
const FIELDS: [keyof DashboardFilters, RegExp][] = [
  ['from', PERIOD_PATTERN],
  ['to', PERIOD_PATTERN],
  ['member', MEMBER_CODE],
  ['category', CATEGORY_KEY_PATTERN],
  ['period', PERIOD_PATTERN],
];

/** The names of the dashboard's filters, which its reset removes from the address. */
export const DASHBOARD_FILTERS: readonly (keyof DashboardFilters)[] = FIELDS.map(([name]) => name);

/** The filters an address holds; a value that is not well formed is no filter. */
export function readFilters(params: URLSearchParams): DashboardFilters {
  const filters: DashboardFilters = {};
  for (const [name, pattern] of FIELDS) {
    const value = params.get(name);
    if (value && pattern.test(value)) filters[name] = value;
  }
  return filters;
}

/** The filters as a query string, in a fixed order, without the empty ones. */
export function filtersQuery(filters: DashboardFilters & { by?: string }): string {
  const params = new URLSearchParams();
  for (const name of ['by', ...FIELDS.map(([n]) => n)] as const) {
    const value = (filters as Record<string, string | undefined>)[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** Where the approved values behind a figure are listed. */
export function valuesPath(indicator: string, filters: DashboardFilters): string {
  const query = filtersQuery(filters);
  return `/indicators/${encodeURIComponent(indicator)}/values${query ? `?${query}` : ''}`;
}

/** Where an indicator's dashboard is, with filters. */
export function dashboardPath(indicator: string, filters: DashboardFilters = {}): string {
  const query = filtersQuery(filters);
  return `/indicators/${encodeURIComponent(indicator)}${query ? `?${query}` : ''}`;
}
