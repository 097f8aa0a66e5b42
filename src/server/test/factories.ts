import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../shared/auth.js';
import type { CreateMeetingBody, Delegation, Meeting, PutDelegationBody } from '../../shared/meetings.js';
import type { CreateMemberBody, Member } from '../../shared/members.js';
import type { CreateStatementBody, Procedure, Statement, TextVersion } from '../../shared/statements.js';
import { systemAuth } from '../lib/auth-context.js';
import { memberIdsByCode } from '../modules/members/members.repo.js';
import { addPerson } from '../modules/registry/registry.service.js';
import { createUsersService } from '../modules/users/users.service.js';
import type { TestContext } from './harness.js';

/**
 * Entity factories for route tests: each call makes one valid record, unique per call, with
 * defaults a test overrides only where they matter to it. None of them reads the demo seed: a
 * record that needs a member gets a member built for it, unless the test names one (the seed's
 * `USA`, or the Brussels ministerial, where that is the point).
 *
 * How they write, and why:
 * - Members, meetings, invitations and named delegations go through the API as an administrator
 *   the harness keeps for each app. The routes call the owning service, which drops the app's
 *   read cache when it writes. A row inserted with drizzle, or by a service built outside the app
 *   (with a cache of its own), would leave the member list or a meeting page that an earlier test
 *   cached stale, and a test would pass or fail depending on which test ran before it.
 * - People and users are not behind the read cache: people are added with the registry's
 *   `addPerson` and users with the users service, both as `systemAuth('test')`, the way the
 *   operator's tools and other modules add them.
 * Records made this way are audited like any other: assert on the trail by content, not by count.
 */

export type Ctx = Pick<TestContext, 'app' | 'database'>;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  /** The session cookie, as a `cookie` header value. */
  cookie: string;
}

let counter = 0;
/** A token unique to this test process, for keys, codes and names. */
export const next = () => {
  counter += 1;
  return `${counter}${randomBytes(2).toString('hex')}`.toUpperCase();
};

/** A member code nobody has: an organisation's (never three letters, so never a country's). */
export const uniqueMemberCode = () => `T${next()}`.slice(0, 12);

// ---- the administrator the factories write as ------------------------------------------------

const admins = new WeakMap<FastifyInstance, Promise<TestUser>>();

async function makeAdmin(ctx: Ctx): Promise<TestUser> {
  const email = `factory.${next().toLowerCase()}@example.org`;
  const password = `factory password ${next()}`;
  const user = await createUsersService({ db: ctx.database.db }).createUser(systemAuth('test'), {
    email,
    name: 'Factory administrator',
    role: 'admin',
    password,
  });
  return { id: user.id, email, password, role: 'admin', cookie: await signIn(ctx.app, email, password) };
}

/** A request as the factories' administrator; signed in again if a test moved the clock past its session. */
export async function asAdmin(ctx: Ctx, request: InjectOptions): Promise<LightMyRequestResponse> {
  if (!admins.has(ctx.app)) admins.set(ctx.app, makeAdmin(ctx));
  const admin = await (admins.get(ctx.app) as Promise<TestUser>);
  const send = () => ctx.app.inject({ ...request, headers: { ...request.headers, cookie: admin.cookie } });
  const res = await send();
  if (res.statusCode !== 401) return res;
  admin.cookie = await signIn(ctx.app, admin.email, admin.password);
  return send();
}

export function expectStatus(res: LightMyRequestResponse, status: number, what: string): void {
  if (res.statusCode !== status) throw new Error(`factory: ${what} answered ${res.statusCode}: ${res.body}`);
}

// ---- members and people ----------------------------------------------------------------------

/** A member: by default an organisation with a fresh code and names in the three languages. */
export async function buildMember(ctx: Ctx, overrides: Partial<CreateMemberBody> = {}): Promise<Member> {
  const code = overrides.code ?? uniqueMemberCode();
  const kind = overrides.kind ?? 'organization';
  const names =
    kind === 'organization'
      ? { en: `Test organisation ${code}`, fr: `Organisation d'essai ${code}`, ar: `منظمة تجريبية ${code}` }
      : undefined;
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/members',
    payload: { code, kind, names, ...overrides },
  });
  expectStatus(res, 201, `POST /members ${code}`);
  return res.json();
}

export interface TestPerson {
  id: string;
  name: string;
  title: string | null;
  memberId: string;
  memberCode: string;
}

/** A person who speaks for `member` (a code; a new member by default). */
export async function buildPerson(
  ctx: Ctx,
  overrides: { member?: string; name?: string; title?: string | null } = {},
): Promise<TestPerson> {
  const memberCode = overrides.member ?? (await buildMember(ctx)).code;
  const name = overrides.name ?? `Test Person ${next()}`;
  return ctx.database.db.transaction(async (tx) => {
    const memberId = (await memberIdsByCode(tx, [memberCode])).get(memberCode);
    if (!memberId) throw new Error(`factory: no member has code ${memberCode}`);
    const person = await addPerson(tx, systemAuth('test'), { name, title: overrides.title ?? null, memberId });
    return { id: person.id, name: person.name, title: person.title, memberId, memberCode };
  });
}

// ---- users ----------------------------------------------------------------------------------

export interface UserOverrides {
  role?: Role;
  /** A focal point's member code; a new member by default. Other roles take none. */
  member?: string;
  email?: string;
  password?: string;
  name?: string;
}

export type SignedOutUser = Omit<TestUser, 'cookie'> & { cookie: null; memberCode: string | null };

/** A user (an observer by default), signed in through the API unless `signedIn: false`. */
export async function buildUser(ctx: Ctx, overrides: UserOverrides & { signedIn: false }): Promise<SignedOutUser>;
export async function buildUser(
  ctx: Ctx,
  overrides?: UserOverrides & { signedIn?: true },
): Promise<TestUser & { memberCode: string | null }>;
export async function buildUser(
  ctx: Ctx,
  overrides: UserOverrides & { signedIn?: boolean } = {},
): Promise<(TestUser | SignedOutUser) & { memberCode: string | null }> {
  const role = overrides.role ?? 'observer';
  const id = next().toLowerCase();
  const email = overrides.email ?? `${role}.${id}@example.org`;
  const password = overrides.password ?? `correct horse ${id} battery`;
  const memberCode = role === 'focal_point' ? (overrides.member ?? (await buildMember(ctx)).code) : null;
  const user = await createUsersService({ db: ctx.database.db }).createUser(systemAuth('test'), {
    email,
    name: overrides.name ?? `Test ${role} ${id}`,
    role,
    member: memberCode ?? undefined,
    password,
  });
  const base = { id: user.id, email, password, role, memberCode };
  if (overrides.signedIn === false) return { ...base, cookie: null };
  return { ...base, cookie: await signIn(ctx.app, email, password) };
}

/** A user of `role` (a focal point of `member`, a new member by default), signed in. */
export async function signedInUser(
  ctx: Ctx,
  role: Role,
  overrides: { member?: string; email?: string; password?: string } = {},
): Promise<TestUser> {
  return buildUser(ctx, { ...overrides, role, member: role === 'focal_point' ? overrides.member : undefined });
}

/** Signs in through the API and returns the session cookie header. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 204) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'entente_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  return `entente_session=${cookie.value}`;
}

// ---- meetings and delegations ----------------------------------------------------------------

/**
 * A meeting: by default a planned, public working group on one day in Brussels' zone, in English,
 * with no host, chair, agenda or translation of its title (`titleTranslations: { fr: '…' }` gives
 * some; never in the working language). `invite` lists member codes to invite; the page returned
 * shows them (a meeting meant to be held or cancelled is created planned, invited, then given its status).
 */
export async function buildMeeting(
  ctx: Ctx,
  overrides: Partial<CreateMeetingBody> & { invite?: string[] } = {},
): Promise<Meeting> {
  const { invite, status, statusReason, ...fields } = overrides;
  const later = invite?.length && status && status !== 'planned' ? status : undefined;
  // A cancelled meeting always says why.
  const reason = statusReason ?? (status === 'cancelled' ? 'Cancelled in a test.' : null);
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: {
      kind: 'working_group',
      title: `Test meeting ${next()}`,
      timeZone: 'Europe/Brussels',
      startDate: '2030-03-12',
      endDate: fields.startDate ?? '2030-03-12',
      ...fields,
      status: later ? 'planned' : status,
      statusReason: later ? null : reason,
    },
  });
  expectStatus(res, 201, 'POST /meetings');
  const meeting: Meeting = res.json();
  if (!invite?.length) return meeting;
  await inviteMembers(ctx, meeting.id, invite);
  if (later) {
    const changed = await asAdmin(ctx, {
      method: 'PATCH',
      url: `/api/v1/meetings/${meeting.id}`,
      headers: { 'if-match': `"${meeting.version}"` },
      payload: { status: later, statusReason: reason },
    });
    expectStatus(changed, 200, `PATCH /meetings/${meeting.id}`);
  }
  const page = await asAdmin(ctx, { url: `/api/v1/meetings/${meeting.id}` });
  expectStatus(page, 200, `GET /meetings/${meeting.id}`);
  return page.json();
}

async function inviteMembers(ctx: Ctx, meetingId: string, memberCodes: string[]): Promise<void> {
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: `/api/v1/meetings/${meetingId}/invitations`,
    payload: { memberCodes },
  });
  expectStatus(res, 200, `POST /meetings/${meetingId}/invitations`);
}

export interface TestDelegation {
  meetingId: string;
  memberCode: string;
  delegation: Delegation;
}

/**
 * An invitation: `member`'s delegation to `meeting` (each new by default), empty unless `named`
 * gives its level and seats (named by the administrator, so whatever the meeting's status).
 */
export async function buildDelegation(
  ctx: Ctx,
  overrides: {
    meeting?: string;
    member?: string;
    named?: Partial<PutDelegationBody>;
  } = {},
): Promise<TestDelegation> {
  const meetingId = overrides.meeting ?? (await buildMeeting(ctx)).id;
  const memberCode = overrides.member ?? (await buildMember(ctx)).code;
  await inviteMembers(ctx, meetingId, [memberCode]);
  const url = `/api/v1/meetings/${meetingId}/delegations/${memberCode}`;
  const invited = await asAdmin(ctx, { url });
  expectStatus(invited, 200, `GET ${url}`);
  if (!overrides.named) return { meetingId, memberCode, delegation: invited.json() };
  const named = await asAdmin(ctx, {
    method: 'PUT',
    url,
    headers: { 'if-match': `"${invited.json().version}"` },
    payload: { level: null, head: null, ...overrides.named },
  });
  expectStatus(named, 200, `PUT ${url}`);
  return { meetingId, memberCode, delegation: named.json() };
}

// ---- statements ------------------------------------------------------------------------------

/**
 * A statement: by default a public joint statement in English, drafted with no meeting, no text
 * and no translation. `text` adds version 1 at once (the statement returned then lists it).
 */
export async function buildStatement(
  ctx: Ctx,
  overrides: Partial<CreateStatementBody> & { text?: string } = {},
): Promise<Statement> {
  const { text, ...fields } = overrides;
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/statements',
    payload: {
      kind: 'joint_statement',
      title: `Test statement ${next()}`,
      language: 'en',
      visibility: 'public',
      ...fields,
    },
  });
  expectStatus(res, 201, 'POST /statements');
  const statement: Statement = res.json();
  if (text === undefined) return statement;
  await buildTextVersion(ctx, statement.id, text);
  const page = await asAdmin(ctx, { url: `/api/v1/statements/${statement.id}` });
  expectStatus(page, 200, `GET /statements/${statement.id}`);
  return page.json();
}

/** The next text version of a draft statement (a short text of two paragraphs by default). */
export async function buildTextVersion(ctx: Ctx, statementId: string, text?: string): Promise<TextVersion> {
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: `/api/v1/statements/${statementId}/versions`,
    payload: {
      text:
        text ??
        `The partners reaffirm their common resolve (${next()}).\n\nThey agree to meet again before the end of the year.`,
    },
  });
  expectStatus(res, 201, `POST /statements/${statementId}/versions`);
  return res.json();
}

/**
 * A statement adopted by consensus at a meeting (a new one, unless `meetingId` names one): made
 * as `buildStatement` makes it, with version 1 (`text`, or a short default), then adopted.
 */
export async function buildAdoptedStatement(
  ctx: Ctx,
  overrides: Partial<CreateStatementBody> & { text?: string; adoptedOn?: string } = {},
): Promise<Statement> {
  const { adoptedOn, ...fields } = overrides;
  const meetingId = fields.meetingId ?? (await buildMeeting(ctx)).id;
  const draft = await buildStatement(ctx, { ...fields, meetingId, text: fields.text ?? 'The partners agree.' });
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: `/api/v1/statements/${draft.id}/adopt`,
    headers: { 'if-match': `"${draft.version}"` },
    payload: { textVersion: 1, ...(adoptedOn ? { adoptedOn } : {}) },
  });
  expectStatus(res, 200, `POST /statements/${draft.id}/adopt`);
  return res.json();
}

// ---- procedures ------------------------------------------------------------------------------

/**
 * A procedure, opened by the factories' administrator: by default a silence procedure on a new
 * public draft with one text version (two paragraphs), circulated to one new member. The deadline
 * is the test's to give, after its clock's now.
 */
export async function buildProcedure(
  ctx: Ctx,
  overrides: {
    deadline: string;
    statement?: string;
    textVersion?: number;
    kind?: 'silence' | 'endorsement';
    members?: string[];
    timeZone?: string;
  },
): Promise<Procedure> {
  const statementId = overrides.statement ?? (await buildStatement(ctx)).id;
  const textVersion = overrides.textVersion ?? (await buildTextVersion(ctx, statementId)).number;
  const members = overrides.members ?? [(await buildMember(ctx)).code];
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: `/api/v1/statements/${statementId}/procedures`,
    payload: {
      kind: overrides.kind ?? 'silence',
      textVersion,
      deadline: overrides.deadline,
      members,
      ...(overrides.timeZone ? { timeZone: overrides.timeZone } : {}),
    },
  });
  expectStatus(res, 201, `POST /statements/${statementId}/procedures`);
  return res.json();
}
