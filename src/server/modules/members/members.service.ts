import {
  type CreateMemberBody,
  type ListMembersQuery,
  type Member,
  MemberKind,
  type MemberList,
  type MemberNames,
  type UpdateMemberBody,
} from '../../../shared/members.js';
import type { FieldError } from '../../../shared/problem.js';
import { type MemberRow, members } from '../../db/schema/members.js';
import { requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { isStateCode, officialStateNames, stateNames } from '../../lib/country-names.js';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { canEditMembers } from './members.policy.js';
import {
  insertMember,
  lockMemberByCode,
  type MemberReadRow,
  readAllMembers,
  readMemberByCode,
} from './members.repo.js';

/** The read cache's tag for everything that shows members: a member's change drops it. */
export const MEMBERS_TAG = 'members';
const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** A member as the API shows it, from a row a write returned or a hot read gave. */
export function toMember(row: MemberRow | MemberReadRow): Member {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: row.nameEn,
    names: { en: row.nameEn, fr: row.nameFr, ar: row.nameAr },
    officialNames: row.officialNames ?? null,
    status: row.status,
    joinedOn: row.joinedOn,
    joinedNote: row.joinedNote,
    leftOn: row.leftOn,
    note: row.note,
    version: row.version,
    updatedAt: typeof row.updatedAt === 'string' ? row.updatedAt : row.updatedAt.toISOString(),
  };
}

/** Lower-case, accents dropped: "cote" finds "Côte d'Ivoire". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matches(member: Member, query: ListMembersQuery): boolean {
  if (query.kind && member.kind !== query.kind) return false;
  if (query.status && member.status !== query.status) return false;
  if (query.q) {
    const q = fold(query.q);
    const haystack = [member.code, member.names.en, member.names.fr, member.names.ar].map(fold);
    if (!haystack.some((h) => h.includes(q))) return false;
  }
  return true;
}

function checkDates(joinedOn: string | null, leftOn: string | null): FieldError[] {
  return joinedOn && leftOn && leftOn < joinedOn
    ? [fieldError('leftOn', 'before_start', 'must not be before the joining date')]
    : [];
}

/** What zod cannot check of a new member; its names, a state's filled in from the ISO list. */
function checkNewMember(body: CreateMemberBody): MemberNames {
  const errors: FieldError[] = [];
  let names: Partial<MemberNames> = body.names ?? {};
  if (body.kind === MemberKind.enum.state) {
    const iso = stateNames(body.code);
    if (!iso || body.code.length !== 3) {
      errors.push(fieldError('code', 'not_a_country_code', 'must be an ISO 3166-1 alpha-3 code (or XKX for Kosovo)'));
    } else {
      names = { ...iso, ...names };
    }
  } else if (isStateCode(body.code)) {
    errors.push(
      fieldError('code', 'country_code_for_organization', 'is a country code; an organisation needs its own code'),
    );
  }
  // A state whose code is wrong has no names to report missing: its code error says it all.
  const codeRejected = errors.length > 0;
  for (const lang of ['en', 'fr', 'ar'] as const) {
    if (!names[lang] && !codeRejected) errors.push(fieldError(`names.${lang}`, 'required', 'is required'));
  }
  errors.push(...checkDates(body.joinedOn ?? null, body.leftOn ?? null));
  if (errors.length > 0) throw invalid(errors);
  return names as MemberNames;
}

export function createMembersService(deps: ServiceDeps) {
  const { read, cache } = deps;

  const allMembers = () =>
    cache.get(MEMBERS_TAG, 'all', async () =>
      (await readAllMembers(read)).map(toMember).sort((a, b) => collator.compare(a.name, b.name)),
    );

  return {
    /** The registry, filtered, sorted by English name. */
    async listMembers(_auth: Auth, query: ListMembersQuery): Promise<MemberList> {
      const key = JSON.stringify([query.kind ?? '', query.status ?? '', query.q ?? '']);
      return cache.get(MEMBERS_TAG, `list:${key}`, async () => ({
        items: (await allMembers()).filter((m) => matches(m, query)),
      }));
    },

    /** One member by code, or 404. */
    async getMember(_auth: Auth, code: string): Promise<Member> {
      // A code nobody has is not kept: anyone can ask for any number of them.
      return cache.get(MEMBERS_TAG, `one:${code}`, async () => {
        const row = await readMemberByCode(read, code);
        if (!row) throw notFound(`Member ${code}`);
        return toMember(row);
      });
    },

    /** Adds a member (secretariat); a state's names default to the ISO names. */
    async createMember(auth: Auth, body: CreateMemberBody): Promise<Member> {
      requireRole(auth, canEditMembers, 'Only the secretariat can add members.');
      const names = checkNewMember(body);
      return write(deps, [MEMBERS_TAG], async (tx) => {
        const row = await insertMember(tx, {
          code: body.code,
          kind: body.kind,
          nameEn: names.en,
          nameFr: names.fr,
          nameAr: names.ar,
          officialNames: body.kind === MemberKind.enum.state ? officialStateNames(body.code) : null,
          status: body.status,
          joinedOn: body.joinedOn ?? null,
          joinedNote: body.joinedNote ?? null,
          leftOn: body.leftOn ?? null,
          note: body.note ?? null,
        });
        if (!row) {
          throw new AppError('conflict', `A member with code ${body.code} already exists.`, {
            reason: 'member_code_taken',
            params: { code: body.code },
          });
        }
        const member = toMember(row);
        await recordAudit(tx, auth, {
          action: 'member.created',
          entityType: 'member',
          entityId: row.id,
          after: member,
        });
        return member;
      });
    },

    /** Changes a member (secretariat), if `version` is still the current one. */
    async updateMember(auth: Auth, code: string, version: number, body: UpdateMemberBody): Promise<Member> {
      requireRole(auth, canEditMembers, 'Only the secretariat can change members.');
      const { after } = await write(deps, [MEMBERS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: members,
          entity: 'member',
          action: 'member.updated',
          version,
          lock: () => lockMemberByCode(tx, code),
          view: toMember,
          change: (current) => {
            const joinedOn = body.joinedOn === undefined ? current.joinedOn : body.joinedOn;
            const leftOn = body.leftOn === undefined ? current.leftOn : body.leftOn;
            const errors = checkDates(joinedOn, leftOn);
            if (errors.length > 0) throw invalid(errors);
            return {
              nameEn: body.names?.en ?? current.nameEn,
              nameFr: body.names?.fr ?? current.nameFr,
              nameAr: body.names?.ar ?? current.nameAr,
              status: body.status ?? current.status,
              joinedOn,
              joinedNote: body.joinedNote === undefined ? current.joinedNote : body.joinedNote,
              leftOn,
              note: body.note === undefined ? current.note : body.note,
            };
          },
        }),
      );
      return after;
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
