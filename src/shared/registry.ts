import { z } from 'zod';
import { AnswerId, Text } from './text.js';

/** A partner force the coalition supports: recorded, never a member, never voting. */
export const Actor = z.object({
  id: AnswerId,
  name: z.string(),
  kind: z.string(),
  countryCode: z.string().nullable(),
  note: z.string().nullable(),
});
export type Actor = z.infer<typeof Actor>;
export const ActorList = z.object({ items: z.array(Actor) });
export type ActorList = z.infer<typeof ActorList>;

export const Person = z.object({
  id: AnswerId,
  name: z.string(),
  title: z.string().nullable(),
  memberCode: z.string().nullable(),
  /** Who the person speaks for when that is not a member (e.g. NATO's Secretary General). */
  affiliation: z.string().nullable(),
  note: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;
export const PersonList = z.object({ items: z.array(Person) });
export type PersonList = z.infer<typeof PersonList>;
export const ListPeopleQuery = z.object({ member: Text.trim().toUpperCase().max(12).optional() });
export type ListPeopleQuery = z.infer<typeof ListPeopleQuery>;

export const PersonIdParams = z.object({ id: z.uuid({ message: 'must be a person id' }) });
export type PersonIdParams = z.infer<typeof PersonIdParams>;

/** Two records of one person made one: `into` is kept and takes the other's seats, remarks and chairs. */
export const MergePersonBody = z.strictObject({ into: z.uuid({ message: 'must be a person id' }) });
export type MergePersonBody = z.infer<typeof MergePersonBody>;

export const PersonMerge = z.object({
  /** The person kept, with everything the merged one had. */
  into: Person,
  /** The id of the person merged, who is no more. */
  merged: AnswerId,
  moved: z.object({ seats: z.number().int(), remarks: z.number().int(), chairs: z.number().int() }),
});
export type PersonMerge = z.infer<typeof PersonMerge>;
