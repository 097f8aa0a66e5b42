import { describe, expect, it } from 'vitest';
import { emptyMeetingsFilter, filterChoices, meetingsQuery, readMeetingsFilter } from './meetings-filter.js';

describe('the meetings filter in the address', () => {
  it.each([
    ['', emptyMeetingsFilter],
    [
      'q=Bruxelles&year=2014&kind=ministerial&city=Brussels&member=irq',
      { q: 'Bruxelles', year: 2014, kind: 'ministerial', city: 'Brussels', member: 'IRQ' },
    ],
    // What the server would refuse is dropped, not sent.
    ['year=twenty&kind=party&member=1-bad&city=%20', emptyMeetingsFilter],
    ['year=1066', emptyMeetingsFilter],
    ['year=2014.5', emptyMeetingsFilter],
  ])('reads ?%s', (query, filter) => {
    expect(readMeetingsFilter(new URLSearchParams(query))).toEqual(filter);
  });

  it('writes back what it reads, leaving empty values out', () => {
    const query = 'q=Bruxelles&year=2014&kind=ministerial&city=Brussels&member=IRQ';
    expect(meetingsQuery(readMeetingsFilter(new URLSearchParams(query))).toString()).toBe(query);
    expect(meetingsQuery({ ...emptyMeetingsFilter, q: '  ' }).toString()).toBe('');
  });

  it('offers every year a meeting runs in, latest first, and each city once, in order', () => {
    const collator = new Intl.Collator('fr');
    const choices = filterChoices(
      [
        { startDate: '2014-12-03', endDate: '2014-12-03', city: 'Bruxelles' },
        { startDate: '2015-12-31', endDate: '2016-01-01', city: 'Érbil' },
        { startDate: '2015-06-02', endDate: '2015-06-02', city: 'Paris' },
        { startDate: '2015-06-03', endDate: '2015-06-03', city: 'Bruxelles' },
        { startDate: '2015-06-04', endDate: '2015-06-04', city: null },
      ],
      collator,
    );
    expect(choices).toEqual({ years: [2016, 2015, 2014], cities: ['Bruxelles', 'Érbil', 'Paris'] });
  });
});
