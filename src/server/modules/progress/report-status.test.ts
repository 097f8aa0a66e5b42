import { describe, expect, it } from 'vitest';
import { reportStatusOf, sameFigure } from './reports.service.js';

describe('reportStatusOf', () => {
  it.each([
    [[], 'draft'],
    [['draft', 'approved'], 'draft'],
    [['submitted', 'approved'], 'submitted'],
    [['submitted', 'draft'], 'draft'],
    [['returned', 'submitted', 'approved'], 'returned'],
    [['approved', 'approved'], 'approved'],
  ] as const)('%j → %s', (statuses, status) => {
    expect(reportStatusOf(statuses)).toBe(status);
  });
});

describe('sameFigure', () => {
  it('compares to the six decimals the table keeps', () => {
    expect(sameFigure(1.0000001, 1)).toBe(true);
    expect(sameFigure(1.000001, 1)).toBe(false);
    expect(sameFigure(null, 1)).toBe(false);
  });
});
