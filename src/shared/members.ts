import { z } from 'zod';
import { MEMBER_KINDS, MEMBER_STATUSES } from './enums.js';
import { AnswerId, Text } from './text.js';

export const MemberKind = z.enum(MEMBER_KINDS);
export type MemberKind = z.infer<typeof MemberKind>;

export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;

/** The shape of a member code; a field error names it as the format `member_code`. */
export const MEMBER_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,11}$/;

/** States: ISO 3166-1 alpha-3 (XKX for Kosovo). Organisations: a short upper-case code (EU, LAS). */
export const MemberCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(MEMBER_CODE_PATTERN, 'must be 2–12 letters or digits, starting with a letter');

export const IsoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

export const MemberNames = z.object({
  en: Text.trim().min(1, 'is required').max(200),
  fr: Text.trim().min(1, 'is required').max(200),
  ar: Text.trim().min(1, 'is required').max(200),
});
export type MemberNames = z.infer<typeof MemberNames>;

/** A member's names as an answer gives them (MemberNames checks them as input). */
export const MemberNamesAnswer = z.object({ en: z.string(), fr: z.string(), ar: z.string() });

export const Member = z.object({
  id: AnswerId,
  code: z.string(),
  kind: MemberKind,
  name: z.string(),
  names: MemberNamesAnswer,
  /** The official long form ("Republic of North Macedonia") where it differs from the short `names`; null otherwise. */
  officialNames: MemberNamesAnswer.nullable(),
  status: MemberStatus,
  joinedOn: z.string().nullable(),
  joinedNote: z.string().nullable(),
  leftOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const ListMembersQuery = z.object({
  kind: MemberKind.optional(),
  status: MemberStatus.optional(),
  q: Text.trim().max(100).optional(),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuery>;

export const MemberCodeParams = z.object({ code: MemberCode });
export type MemberCodeParams = z.infer<typeof MemberCodeParams>;

const NullableText = Text.trim().max(2000).nullable();

/**
 * A new member. A state's names default to the ISO country names; an organisation must give
 * its names, since no standard list holds them.
 */
export const CreateMemberBody = z.strictObject({
  code: MemberCode,
  kind: MemberKind,
  names: MemberNames.partial().optional(),
  status: MemberStatus.default('active'),
  joinedOn: IsoDate.nullable().optional(),
  joinedNote: NullableText.optional(),
  leftOn: IsoDate.nullable().optional(),
  note: NullableText.optional(),
});
export type CreateMemberBody = z.infer<typeof CreateMemberBody>;

/** A change to a member; the code and kind are its identity and do not change. */
export const UpdateMemberBody = z.strictObject({
  names: MemberNames.partial().optional(),
  status: MemberStatus.optional(),
  joinedOn: IsoDate.nullable().optional(),
  joinedNote: NullableText.optional(),
  leftOn: IsoDate.nullable().optional(),
  note: NullableText.optional(),
});
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;
