import { sql } from 'drizzle-orm';
import type {
  CreateMemberBody,
  ListMembersQuery,
  Member,
  MemberNames,
  UpdateMemberBody,
} from '../../../shared/members.js';
import { MemberList } from '../../../shared/members.js';
import type { FieldError } from '../../../shared/problem.js';
import type { Db } from '../../db/client.js';
import type { MemberRow } from '../../db/schema/members.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { type Cache, type CachedBody, toCachedBody } from '../../lib/cache.js';
import { isStateCode, stateNames } from '../../lib/country-names.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { versionMismatch } from '../../lib/if-match.js';
import { write } from '../../lib/transaction.js';
import { canEditMembers } from './members.policy.js';
import { findMemberByCode, insertMember, listMemberRows, lockMemberByCode, updateMember } from './members.repo.js';

const TAG = 'members';
const collator = new Intl.Collator('en', { sensitivity: 'base' });

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: row.nameEn,
    names: { en: row.nameEn, fr: row.nameFr, ar: row.nameAr },
    status: row.status,
    joinedOn: row.joinedOn,
    joinedNote: row.joinedNote,
    leftOn: row.leftOn,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
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
    ? [{ in: 'body', path: 'leftOn', message: 'must not be before the joining date' }]
    : [];
}

export function createMembersService(deps: { db: Db; cache: Cache }) {
  const { db, cache } = deps;

  const allMembers = () =>
    cache.get(TAG, 'all', async () =>
      (await listMemberRows(db)).map(toMember).sort((a, b) => collator.compare(a.name, b.name)),
    );

  return {
    /** The registry, filtered, sorted by English name; served ready-serialized with its ETag. */
    async listMembers(_auth: Auth, query: ListMembersQuery): Promise<CachedBody> {
      const key = JSON.stringify([query.kind ?? '', query.status ?? '', query.q ?? '']);
      return cache.get(TAG, `list:${key}`, async () => {
        const items = (await allMembers()).filter((m) => matches(m, query));
        return toCachedBody(MemberList.parse({ items }));
      });
    },

    /** One member by code, or 404. */
    async getMember(_auth: Auth, code: string): Promise<CachedBody> {
      return cache.get(TAG, `one:${code}`, async () => {
        const row = await findMemberByCode(db, code);
        if (!row) throw notFound(`Member ${code}`);
        return toCachedBody(toMember(row), row.version);
      });
    },

    /** Adds a member (secretariat); a state's names default to the ISO names. */
    async createMember(auth: Auth, body: CreateMemberBody): Promise<Member> {
      if (!canEditMembers(auth.user)) throw new AppError('forbidden', 'Only the secretariat can add members.');
      const errors: FieldError[] = [];
      let names: Partial<MemberNames> = body.names ?? {};
      if (body.kind === 'state') {
        const iso = stateNames(body.code);
        if (!iso || body.code.length !== 3) {
          errors.push({ in: 'body', path: 'code', message: 'must be an ISO 3166-1 alpha-3 code (or XKX for Kosovo)' });
        } else {
          names = { ...iso, ...names };
        }
      } else if (isStateCode(body.code)) {
        errors.push({ in: 'body', path: 'code', message: 'is a country code; an organisation needs its own code' });
      }
      // A state whose code is wrong has no names to report missing: its code error says it all.
      const codeRejected = errors.length > 0;
      for (const lang of ['en', 'fr', 'ar'] as const) {
        if (!names[lang] && !codeRejected) errors.push({ in: 'body', path: `names.${lang}`, message: 'is required' });
      }
      errors.push(...checkDates(body.joinedOn ?? null, body.leftOn ?? null));
      if (errors.length > 0) throw invalid(errors);

      return write(deps, [TAG], async (tx) => {
        const row = await insertMember(tx, {
          code: body.code,
          kind: body.kind,
          nameEn: names.en as string,
          nameFr: names.fr as string,
          nameAr: names.ar as string,
          status: body.status,
          joinedOn: body.joinedOn ?? null,
          joinedNote: body.joinedNote ?? null,
          leftOn: body.leftOn ?? null,
          note: body.note ?? null,
        });
        if (!row) throw new AppError('conflict', `A member with code ${body.code} already exists.`);
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
      if (!canEditMembers(auth.user)) throw new AppError('forbidden', 'Only the secretariat can change members.');
      return write(deps, [TAG], async (tx) => {
        const current = await lockMemberByCode(tx, code);
        if (!current) throw notFound(`Member ${code}`);
        if (current.version !== version) throw versionMismatch('member', current.version);
        const joinedOn = body.joinedOn === undefined ? current.joinedOn : body.joinedOn;
        const leftOn = body.leftOn === undefined ? current.leftOn : body.leftOn;
        const errors = checkDates(joinedOn, leftOn);
        if (errors.length > 0) throw invalid(errors);
        const row = await updateMember(tx, current.id, {
          nameEn: body.names?.en ?? current.nameEn,
          nameFr: body.names?.fr ?? current.nameFr,
          nameAr: body.names?.ar ?? current.nameAr,
          status: body.status ?? current.status,
          joinedOn,
          joinedNote: body.joinedNote === undefined ? current.joinedNote : body.joinedNote,
          leftOn,
          note: body.note === undefined ? current.note : body.note,
          version: current.version + 1,
          updatedAt: sql`now()` as unknown as Date,
        });
        const before = toMember(current);
        const after = toMember(row);
        await recordAudit(tx, auth, {
          action: 'member.updated',
          entityType: 'member',
          entityId: row.id,
          before,
          after,
        });
        return after;
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
