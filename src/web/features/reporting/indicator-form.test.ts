import { describe, expect, it } from 'vitest';
import { newIndicatorValues, toIndicatorBody } from './indicator-form.js';

describe('indicator form', () => {
  it('reads categories and targets one a line', () => {
    const body = toIndicatorBody({
      ...newIndicatorValues(),
      key: ' revenue ',
      names: { en: 'Revenue', fr: '', ar: 'الإيرادات' },
      unit: 'USD',
      unitTranslations: { fr: ' dollars US ', ar: '' },
      lineOfEffort: 'LOE3-finance',
      periodType: 'quarter',
      categories: 'oil_sales: Oil sales\n\nransom\n',
      targets: '2015-Q1: 1 000',
    });
    expect(body).toMatchObject({
      key: 'revenue',
      names: { en: 'Revenue', fr: undefined, ar: 'الإيرادات' },
      unitTranslations: { fr: 'dollars US', ar: undefined },
      categories: [
        { key: 'oil_sales', names: { en: 'Oil sales' } },
        { key: 'ransom', names: { en: 'ransom' } },
      ],
      targets: [{ period: '2015-Q1', value: 1000 }],
    });
  });
});
