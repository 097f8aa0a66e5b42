import { describe, expect, it } from 'vitest';
import { dashboardPath, filtersQuery, readFilters, valuesPath } from './dashboard-filters.js';

describe('dashboard filters in the address', () => {
  it('reads well-formed filters and drops the rest', () => {
    expect(readFilters(new URLSearchParams('from=2015-01&to=2015-Q4&member=FRA&category=oil_sales'))).toEqual({
      from: '2015-01',
      to: '2015-Q4',
      member: 'FRA',
      category: 'oil_sales',
    });
    expect(readFilters(new URLSearchParams('from=2015-13&member=fr&category=Oil&period=x'))).toEqual({});
  });

  it('writes them in a fixed order, without empty ones', () => {
    expect(filtersQuery({ member: 'FRA', from: '2015', to: undefined, by: 'member' })).toBe(
      'by=member&from=2015&member=FRA',
    );
    expect(valuesPath('air_strikes', { period: '2015-01', member: 'USA' })).toBe(
      '/indicators/air_strikes/values?member=USA&period=2015-01',
    );
    expect(dashboardPath('air_strikes')).toBe('/indicators/air_strikes');
  });
});
