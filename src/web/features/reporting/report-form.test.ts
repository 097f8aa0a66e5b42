import { describe, expect, it } from 'vitest';
import type { Indicator, Report } from '../../../shared/progress.js';
import { entriesOf, periodTypeOf, reportRows, toPutBody } from './report-form.js';

const indicator = (key: string, periodType: Indicator['periodType'], categories: string[] = []): Indicator => ({
  id: key,
  key,
  names: { en: key },
  unit: 'count',
  unitTranslations: {},
  lineOfEffort: 'LOE1-military',
  memberAggregation: 'sum',
  timeAggregation: 'flow',
  periodType,
  categories: categories.map((c) => ({ key: c, names: { en: c } })),
  visibility: 'public',
  targets: [],
  description: null,
  version: 1,
  updatedAt: '2030-01-01T00:00:00Z',
});

const report = (values: Report['values'] = []): Report => ({
  period: '2015-01',
  member: { code: 'FRA', names: { en: 'France', fr: 'France', ar: 'فرنسا' } },
  status: 'draft',
  returnReason: null,
  locked: false,
  closesOn: '2015-02-15',
  submittedAt: null,
  reviewedAt: null,
  values,
  version: 1,
});

describe('report form', () => {
  it('knows a period type from its name', () => {
    expect(['2015-01', '2015-Q3', '2015'].map(periodTypeOf)).toEqual(['month', 'quarter', 'year']);
  });

  it("makes a row per indicator of the period's type, and per category", () => {
    const rows = reportRows(
      [indicator('a', 'month'), indicator('b', 'month', ['x', 'y']), indicator('c', 'year')],
      '2015-01',
    );
    expect(rows.map((r) => [r.indicator.key, r.category])).toEqual([
      ['a', null],
      ['b', 'x'],
      ['b', 'y'],
    ]);
  });

  it('sends the rows with a number, keeping notes, and says which row each came from', () => {
    const rows = reportRows([indicator('a', 'month'), indicator('b', 'month', ['x', 'y'])], '2015-01');
    const r = report([
      {
        id: '1',
        indicator: 'b',
        category: 'y',
        value: 4,
        note: 'n',
        status: 'draft',
        approvedValue: null,
        returnReason: null,
        updatedAt: '',
      },
    ]);
    expect(entriesOf(rows, r)).toEqual(['', '', '4']);
    expect(toPutBody(rows, ['1 000', '', '4,5'], r)).toEqual({
      body: {
        values: [
          { indicator: 'a', value: 1000, note: null },
          { indicator: 'b', category: 'y', value: 4.5, note: 'n' },
        ],
      },
      rowOf: [0, 2],
    });
  });
});
