import type { ActorList, PersonList } from '../../../shared/registry.js';
import type { Db, Tx } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { insertPerson, listActorRows, listPeopleRows } from './registry.repo.js';

/**
 * Records a person who speaks for a member, inside the caller's transaction: how another module
 * adds someone it names (a delegation's new head). The caller has checked that it may.
 */
export async function addPerson(tx: Tx, auth: Auth, values: { name: string; title: string | null; memberId: string }) {
  const person = await insertPerson(tx, values);
  await recordAudit(tx, auth, { action: 'person.created', entityType: 'person', entityId: person.id, after: person });
  return person;
}

/** Actors (partner forces, never members) and people (ministers, heads of delegation, focal points): public facts. */
export function createRegistryService(deps: { db: Db }) {
  return {
    /** Every non-member actor, by name. */
    async listActors(_auth: Auth): Promise<ActorList> {
      return { items: await listActorRows(deps.db) };
    },
    /** People, by name; `memberCode` narrows to one member's. */
    async listPeople(_auth: Auth, memberCode?: string): Promise<PersonList> {
      return { items: await listPeopleRows(deps.db, memberCode) };
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
