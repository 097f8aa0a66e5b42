import type { Actor, Person } from '../../../shared/registry.js';
import type { Db } from '../../db/client.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError } from '../../lib/errors.js';
import { canReadRegistry } from './registry.policy.js';
import { listActorRows, listPeopleRows } from './registry.repo.js';

/** Actors (partner forces, never members) and people (ministers, heads of delegation, focal points). */
export function createRegistryService(deps: { db: Db }) {
  return {
    /** Every non-member actor, by name. */
    async listActors(auth: Auth): Promise<Actor[]> {
      if (!canReadRegistry(auth.user)) throw new AppError('forbidden');
      return listActorRows(deps.db);
    },
    /** People, by name; `memberCode` narrows to one member's. */
    async listPeople(auth: Auth, memberCode?: string): Promise<Person[]> {
      if (!canReadRegistry(auth.user)) throw new AppError('forbidden');
      return listPeopleRows(deps.db, memberCode);
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
