import { createContext, useContext } from 'react';
import { isApiError } from '../../app/api.js';

/** A person on record whom a refused save offers instead of a new name that matches theirs. */
export interface PersonOffer {
  personId: string;
  name: string;
}

/** The offers a refusal made, by the path of the name field (`head.name`, `advisers.1.name`). */
export type PersonOffers = Record<string, PersonOffer>;

/** The `person_exists` errors of a refused save, as offers; none for any other answer. */
export function offersOf(error: unknown): PersonOffers {
  if (!isApiError(error, 400)) return {};
  const offers: PersonOffers = {};
  for (const e of error.fieldErrors) {
    const { personId, name } = e.params ?? {};
    if (e.code === 'person_exists' && typeof personId === 'string' && typeof name === 'string') {
      offers[e.path] = { personId, name };
    }
  }
  return offers;
}

export const PersonOffersContext = createContext<PersonOffers>({});
export const usePersonOffers = () => useContext(PersonOffersContext);
