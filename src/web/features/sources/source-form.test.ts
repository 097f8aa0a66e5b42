import { describe, expect, it } from 'vitest';
import type { Source } from '../../../shared/sources.js';
import { emptySource, sourceFieldOf, toBody, toFormValues } from './source-form.js';

const source: Source = {
  id: '00000000-0000-4000-8000-000000000001',
  ref: null,
  kind: 'press',
  title: 'An article',
  publisher: 'The Paper',
  date: '2015-01-22',
  url: null,
  language: 'fr',
  excerpt: null,
  note: 'Read in print.',
  visibility: 'coalition',
  links: [
    { subject: 'person', id: 'p', key: 'p', label: 'John Kerry' },
    { subject: 'member', id: 'm', key: 'IRQ', label: 'Iraq' },
    { subject: 'indicator', id: 'i', key: 'air_strikes', label: 'Strikes' },
  ],
  version: 3,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('the source form', () => {
  it('sends empty fields as null and trims the rest', () => {
    const body = toBody({ ...emptySource, title: '  A title ', publisher: 'Reuters', members: ['IRQ'] });
    expect(body).toEqual({
      kind: 'press',
      title: 'A title',
      publisher: 'Reuters',
      date: null,
      url: null,
      language: 'en',
      excerpt: null,
      note: null,
      visibility: 'public',
      links: [{ subject: 'member', key: 'IRQ' }],
    });
  });

  it('keeps the links it does not show when an entry is changed', () => {
    const values = toFormValues(source);
    expect(values).toMatchObject({ members: ['IRQ'], indicators: ['air_strikes'], url: '', language: 'fr' });
    expect(toBody(values).links).toEqual([
      { subject: 'member', key: 'IRQ' },
      { subject: 'indicator', key: 'air_strikes' },
      { subject: 'person', key: 'p' },
    ]);
  });

  it("puts a link's error on the picker that holds it", () => {
    const fieldOf = sourceFieldOf({ ...emptySource, members: ['IRQ', 'NOPE'], meetings: ['x'], indicators: ['k'] });
    expect(fieldOf('links.1.key')).toBe('members');
    expect(fieldOf('links.2.key')).toBe('meetings');
    expect(fieldOf('links.3.key')).toBe('indicators');
    expect(fieldOf('title')).toBe('title');
  });
});
