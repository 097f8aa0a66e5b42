import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../shared/meetings.js';
import ar from '../../locales/ar/meetingForms.json' with { type: 'json' };
import en from '../../locales/en/meetingForms.json' with { type: 'json' };
import {
  candidates,
  type DelegationFormValues,
  NEW_PERSON,
  type SeatValues,
  toBody,
  toFormValues,
  validateDelegation as validateDelegationIn,
} from './delegation-form.js';

// The messages as a reader sees them: through i18next, from the catalogs themselves.
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', ns: ['meetingForms'], resources: { en: { meetingForms: en }, ar: { meetingForms: ar } } });
const validateDelegation = validateDelegationIn(i18n.getFixedT('en', 'meetingForms'));

const person = (id: string, name: string, title: string | null = null) => ({ id, name, title });
const barrot = person('00000000-0000-4000-8000-000000000001', 'Jean-Noël Barrot', 'Minister of Foreign Affairs');
const lefevre = person('00000000-0000-4000-8000-000000000002', 'Sophie Lefèvre');
const martin = person('00000000-0000-4000-8000-000000000003', 'Paul Martin');

const france: Delegation = {
  memberCode: 'FRA',
  memberName: 'France',
  memberNames: { en: 'France', fr: 'France', ar: 'فرنسا' },
  memberKind: 'state',
  level: 'minister',
  head: barrot,
  delegates: [
    { role: 'adviser', person: lefevre },
    { role: 'alternate', person: martin },
  ],
  attendance: 'unknown',
  attendanceNote: null,
  version: 3,
};

const row = (personId: string, name = '', title = ''): SeatValues => ({ key: personId, personId, name, title });
const empty: DelegationFormValues = { level: '', head: row(''), alternates: [], advisers: [] };

describe('a delegation in the form’s terms and back', () => {
  it('fills the form with everyone by id, each in their list', () => {
    const values = toFormValues(france);
    expect(values.level).toBe('minister');
    expect(values.head.personId).toBe(barrot.id);
    expect(values.alternates.map((s) => s.personId)).toEqual([martin.id]);
    expect(values.advisers.map((s) => s.personId)).toEqual([lefevre.id]);
  });

  it('gives every seat its own key, for React', () => {
    const { head, alternates, advisers } = toFormValues(france);
    expect(new Set([head, ...alternates, ...advisers].map((s) => s.key)).size).toBe(3);
  });

  it('fills an unnamed delegation with nobody at its head and no level', () => {
    const values = toFormValues({ ...france, level: null, head: null, delegates: [] });
    expect(values).toMatchObject({ level: '', head: { personId: '' }, alternates: [], advisers: [] });
  });

  it('sends people on record by id, and someone new by name and title (a blank title as null)', () => {
    const body = toBody({
      level: 'minister',
      head: row(barrot.id),
      alternates: [row(NEW_PERSON, ' Anne Roy ', '  ')],
      advisers: [row(NEW_PERSON, 'Luc Bon', ' Adviser ')],
    });
    expect(body).toEqual({
      level: 'minister',
      head: { personId: barrot.id },
      alternates: [{ name: 'Anne Roy', title: null }],
      advisers: [{ name: 'Luc Bon', title: 'Adviser' }],
    });
  });

  it('sends no head and no level when none is chosen', () => {
    expect(toBody(empty)).toEqual({ level: null, head: null, alternates: [], advisers: [] });
  });
});

describe('what the form checks before sending', () => {
  it('wants a head once there are alternates or advisers', () => {
    const withAdviser = { ...empty, advisers: [row(lefevre.id)] };
    expect(validateDelegation.head.personId('', withAdviser)).toBe(
      'Name the head: a delegation with alternates or advisers needs one',
    );
    expect(validateDelegation.head.personId('', empty)).toBeNull();
  });

  it('wants each alternate or adviser chosen, and someone new named', () => {
    const values = { ...empty, head: row(barrot.id), alternates: [row(NEW_PERSON, ' ')] };
    expect(validateDelegation.alternates.personId('')).toBe('Choose someone on record, or someone new');
    expect(validateDelegation.alternates.name(' ', values, 'alternates.0.name')).toBe('Enter the name');
    expect(validateDelegation.alternates.name('Anne Roy', values, 'alternates.0.name')).toBeNull();
    // Someone on record needs no typed name.
    expect(validateDelegation.head.name('', values)).toBeNull();
  });

  it('says it in the reader’s language', () => {
    const inArabic = validateDelegationIn(i18n.getFixedT('ar', 'meetingForms'));
    expect(inArabic.alternates.personId('')).toBe(ar.delegation.errors.choose);
    expect(inArabic.alternates.personId('')).not.toBe(validateDelegation.alternates.personId(''));
  });
});

describe('who may be chosen for a seat', () => {
  it('the member’s people, then whoever sits on the delegation without being on the list', () => {
    expect(candidates([barrot, lefevre], france)).toEqual([barrot, lefevre, martin]);
  });
});
