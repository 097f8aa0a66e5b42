import { describe, expect, it } from 'vitest';
import { meetingOption, titlesOf } from './statement-title.js';

describe('titlesOf', () => {
  it('flattens the translations a statement carries, leaving out the empty ones', () => {
    expect(titlesOf({ fr: { title: 'Déclaration' }, ar: { title: '' } })).toEqual({ fr: 'Déclaration' });
    expect(titlesOf(null)).toEqual({});
  });
});

describe('meetingOption', () => {
  const meeting = {
    id: 'm1',
    title: 'Réunion ministérielle',
    titleTranslations: { en: 'Ministerial meeting' },
    workingLanguage: 'fr' as const,
    startDate: '2014-12-03',
  };
  it('labels a meeting with its title in the reader language, else the original, and its first day', () => {
    expect(meetingOption(meeting, 'en', (d) => d)).toEqual({ value: 'm1', label: 'Ministerial meeting (2014-12-03)' });
    expect(meetingOption(meeting, 'ar', (d) => d).label).toBe('Réunion ministérielle (2014-12-03)');
  });
});
