import { describe, expect, it } from 'vitest';
import { emptyOffice, nameIn, toOfficeBody } from './office-form.js';

describe('office form', () => {
  it('starts today as a co-lead, open-ended', () => {
    expect(emptyOffice('2015-01-22')).toEqual({
      memberCode: '',
      role: 'co_lead',
      fromOn: '2015-01-22',
      toOn: '',
      note: '',
    });
  });

  it('sends blank days and a blank note as none', () => {
    expect(toOfficeBody({ memberCode: 'NLD', role: 'participant', fromOn: '', toOn: ' ', note: '  ' })).toEqual({
      memberCode: 'NLD',
      role: 'participant',
      fromOn: null,
      toOn: null,
      note: null,
    });
    expect(
      toOfficeBody({
        memberCode: 'TUR',
        role: 'co_lead',
        fromOn: '2015-01-01',
        toOn: '2016-01-01',
        note: ' Rotating ',
      }),
    ).toMatchObject({ fromOn: '2015-01-01', toOn: '2016-01-01', note: 'Rotating' });
  });

  it("names in the reader's language, else English (marked so)", () => {
    expect(nameIn({ en: 'Military', fr: 'Militaire', ar: 'عسكري' }, 'ar')).toEqual({ text: 'عسكري', lang: 'ar' });
    expect(nameIn({ en: 'Military' }, 'fr')).toEqual({ text: 'Military', lang: 'en' });
  });
});
