import type { ActorList, MergePersonBody, PersonList, PersonMerge } from '../../../shared/registry.js';
import type { Tx } from '../../db/client.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { MEETINGS_TAG } from '../meetings/meeting-loader.js';
import { coalitionOnlyPersonIds, meetingsSeatingBoth, movePersonRecords } from '../meetings/meeting-people.js';
import { canMergePeople, canSeeCoalitionPeople } from './registry.policy.js';
import { deletePerson, insertPerson, listActorRows, listPeopleRows, lockPeople } from './registry.repo.js';

/**
 * Records a person who speaks for a member, inside the caller's transaction: how another module
 * adds someone it names (a delegation's new head). The caller has checked that it may.
 */
export async function addPerson(tx: Tx, auth: Auth, values: { name: string; title: string | null; memberId: string }) {
  const person = await insertPerson(tx, values);
  await recordAudit(tx, auth, { action: 'person.created', entityType: 'person', entityId: person.id, after: person });
  return person;
}

/** Actors (partner forces, never members) and people (ministers, heads of delegation, focal points). */
export function createRegistryService(deps: ServiceDeps) {
  return {
    /** Every non-member actor, by name. */
    async listActors(_auth: Auth): Promise<ActorList> {
      return { items: await listActorRows(deps.db) };
    },
    /**
     * People, by name; `memberCode` narrows to one member's. The public does not get those who
     * only ever sat as alternates or advisers: they are the coalition's to know.
     */
    async listPeople(auth: Auth, memberCode?: string): Promise<PersonList> {
      const rows = await listPeopleRows(deps.db, memberCode);
      if (canSeeCoalitionPeople(auth.user)) return { items: rows };
      const hidden = await coalitionOnlyPersonIds(deps.db);
      return { items: rows.filter((p) => !hidden.has(p.id)) };
    },

    /**
     * Makes two records of one person one (secretariat): `into` takes the other's seats, remarks
     * and chairs, and the other is deleted. Refused (409) when both sit at one meeting.
     */
    async mergePerson(auth: Auth, id: string, body: MergePersonBody): Promise<PersonMerge> {
      requireRole(auth, canMergePeople, 'Only the secretariat can merge people.');
      if (body.into === id) {
        throw invalid([fieldError('into', 'merge_into_itself', 'is the person being merged')]);
      }
      return write(deps, [MEETINGS_TAG], async (tx) => {
        const locked = await lockPeople(tx, [id, body.into]);
        const merged = locked.find((p) => p.id === id);
        const into = locked.find((p) => p.id === body.into);
        if (!merged) throw notFound('Person');
        if (!into) throw invalid([fieldError('into', 'unknown_person', 'no such person')]);
        if (into.memberId !== merged.memberId) {
          throw invalid([fieldError('into', 'person_of_other_member', 'speaks for another member')]);
        }
        const together = await meetingsSeatingBoth(tx, id, into.id);
        if (together.length > 0) {
          throw new AppError(
            'conflict',
            `${merged.name} and ${into.name} sit on one delegation at ${together.length} meeting(s): take one off first.`,
            { reason: 'people_on_one_delegation', params: { meetings: together.length } },
          );
        }
        const moved = await movePersonRecords(tx, id, into.id);
        await deletePerson(tx, id);
        const { memberId: _m, ...kept } = into;
        const { memberId: _g, ...gone } = merged;
        await recordAudit(tx, auth, {
          action: 'person.merged',
          entityType: 'person',
          entityId: id,
          before: { merged: gone, into: kept },
          after: { into: kept, moved },
        });
        return { into: kept, merged: id, moved };
      });
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
