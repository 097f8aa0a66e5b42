import { randomId } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { DelegateInput, Delegation, PutDelegationBody, RepresentationLevel } from '../../../shared/meetings.js';

/** The picker's value for "someone not on record yet": a name and a title are typed instead. */
export const NEW_PERSON = 'new';

/** One seat as the form edits it; `personId` is an id, NEW_PERSON, or '' (nobody chosen). */
export interface SeatValues {
  key: string;
  personId: string;
  name: string;
  title: string;
}

export interface DelegationFormValues {
  level: RepresentationLevel | '';
  head: SeatValues;
  alternates: SeatValues[];
  advisers: SeatValues[];
}

/** The two lists of seats beside the head, which share the seat quota. */
export type ListName = 'alternates' | 'advisers';

/** Someone who may sit on the delegation: a person on record for the member. */
export interface Candidate {
  id: string;
  name: string;
  title: string | null;
}

const seat = (personId = ''): SeatValues => ({ key: randomId(), personId, name: '', title: '' });

/** A seat added to a list: for someone new until a person on record is chosen. */
export const newSeat = (): SeatValues => seat(NEW_PERSON);

/** The delegation as it stands, in the form's terms: everyone named is a person on record. */
export function toFormValues(delegation: Delegation): DelegationFormValues {
  const of = (role: 'alternate' | 'adviser') =>
    delegation.delegates.filter((d) => d.role === role).map((d) => seat(d.person.id));
  return {
    level: delegation.level ?? '',
    head: seat(delegation.head?.id ?? ''),
    alternates: of('alternate'),
    advisers: of('adviser'),
  };
}

function toInput(values: SeatValues): DelegateInput {
  if (values.personId === NEW_PERSON) {
    const title = values.title.trim();
    return { name: values.name.trim(), title: title === '' ? null : title };
  }
  return { personId: values.personId };
}

/** The delegation as the API takes it: a person on record by id, someone new by name and title. */
export function toBody(values: DelegationFormValues): PutDelegationBody {
  return {
    level: values.level === '' ? null : values.level,
    head: values.head.personId === '' ? null : toInput(values.head),
    alternates: values.alternates.map(toInput),
    advisers: values.advisers.map(toInput),
  };
}

/** `alternates.2.name` → the row `alternates.2`. */
const rowOf = (values: DelegationFormValues, list: ListName, path: string) => values[list][Number(path.split('.')[1])];

/**
 * Only what the server would refuse for sure is checked here; its answer decides the rest.
 * The messages are in the reader's language, as the server's field errors are.
 */
export function validateDelegation(t: TFunction<['meetingForms']>) {
  const nameRequired = (value: string, row: SeatValues | undefined) =>
    row?.personId === NEW_PERSON && value.trim() === '' ? t('meetingForms:delegation.errors.name') : null;
  const chosen = (value: string) => (value === '' ? t('meetingForms:delegation.errors.choose') : null);
  return {
    head: {
      personId: (value: string, values: DelegationFormValues) =>
        value === '' && values.alternates.length + values.advisers.length > 0
          ? t('meetingForms:delegation.errors.head')
          : null,
      name: (value: string, values: DelegationFormValues) => nameRequired(value, values.head),
    },
    alternates: {
      personId: chosen,
      name: (value: string, values: DelegationFormValues, path: string) =>
        nameRequired(value, rowOf(values, 'alternates', path)),
    },
    advisers: {
      personId: chosen,
      name: (value: string, values: DelegationFormValues, path: string) =>
        nameRequired(value, rowOf(values, 'advisers', path)),
    },
  };
}

/**
 * The member's people, and whoever already sits on the delegation: a seat whose person the
 * list does not have (yet) would otherwise show as "Choose…" and be lost on saving.
 */
export function candidates(people: Candidate[], delegation: Delegation): Candidate[] {
  const seated = delegation.delegates.map((d) => d.person).filter((p) => !people.some((q) => q.id === p.id));
  return [...people, ...seated];
}
