import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SetLanguageBody, SignInBody } from '../../shared/auth.js';
import { PLEDGE_COLUMNS, VALUE_COLUMNS } from '../../shared/imports.js';
import { Language } from '../../shared/language.js';
import {
  AttendanceStatus,
  CreateMeetingBody,
  CreateRemarkBody,
  InviteBody,
  MeetingKind,
  PutAttendanceBody,
  PutDelegationBody,
  RepresentationLevel,
  UpdateMeetingBody,
  UpdateRemarkBody,
} from '../../shared/meetings.js';
import { CreateMemberBody, UpdateMemberBody } from '../../shared/members.js';
import { CreatePledgeBody, PledgeEventBody, UpdatePledgeBody } from '../../shared/pledges.js';
import {
  AddOfficeBody,
  ApproveReportBody,
  CreateIndicatorBody,
  EndOfficeBody,
  OfficeRole,
  OpenPeriodBody,
  PutReportBody,
  ReopenPeriodBody,
  ReturnReportBody,
  UpdateIndicatorBody,
} from '../../shared/progress.js';
import { MergePersonBody } from '../../shared/registry.js';
import { NewSource, SourceChange } from '../../shared/sources.js';
import {
  AddFollowUpBody,
  AddPositionBody,
  AddTextVersionBody,
  AdoptAtMeetingBody,
  CreateStatementBody,
  ExtendProcedureBody,
  FollowUpStatus,
  OpenProcedureBody,
  PositionKind,
  ProcedureKind,
  RespondBody,
  StatementKind,
  UpdateFollowUpBody,
  UpdateStatementBody,
  WithdrawProcedureBody,
} from '../../shared/statements.js';
import { people } from '../db/schema/members.js';
import { fixedClock } from '../lib/clock.js';
import { insertSession, revokeSessionByHash } from '../modules/auth/auth.repo.js';
import { hashToken } from '../modules/auth/auth.service.js';
import { csvLine } from '../modules/imports/files.js';
import {
  buildAdoptedStatement,
  buildDelegation,
  buildMeeting,
  buildMember,
  buildPerson,
  buildProcedure,
  buildStatement,
  buildTextVersion,
  buildUser,
  type TestPerson,
  uniqueMemberCode,
} from './factories.js';
import { createTestApp, databaseSnapshot, engines, parseProblem, type TestContext, type TestUser } from './harness.js';
import { buildPledge, buildPledgeEvent } from './pledge-factories.js';
import {
  buildIndicator,
  buildLineOfEffort,
  buildPeriod,
  buildReport,
  buildWorkingGroup,
} from './progress-factories.js';
import { buildSource } from './source-factories.js';

/**
 * Hostile input at every write route: whatever arrives, the answer is never a 5xx, a refused
 * request is problem+json, and it changes nothing at all (every table, row by row).
 *
 * Most requests (four in five) are well-formed JSON of a valid body with exactly one thing wrong
 * (a field of the wrong type, out of range, too long, with a NUL, an unknown member or person, a
 * key too many, a path naming the wrong record, a stale If-Match), so that they get past the
 * parser and the schema into the services, where partial writes can happen. The rest are hostile
 * throughout: random bodies, content types, paths and headers.
 */

const NOW = '2030-06-15T12:00:00Z';
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
/** The deadline of the fixtures' open procedures: after NOW, so that none ends during the run. */
const PROCEDURE_DEADLINE = '2030-07-01T00:00:00Z';

/** Who sends it: a role's session, or (sign-in and sign-out) a session of their own or none. */
type Who =
  | 'anonymous'
  | 'secretariat'
  | 'focal_point'
  | 'observer'
  | 'fresh_session'
  | 'revoked_session'
  | 'garbage_cookie';

/** The If-Match of the record as it is now, looked up just before the request. */
const CURRENT = { current: true } as const;

interface Attempt {
  method: string;
  url: string;
  who: Who;
  contentType: string | null;
  payload: string;
  ifMatch?: string | typeof CURRENT | null;
  /** Where the record's version is read for CURRENT. */
  versionAt?: string;
  /** The route's body schema: what the test uses to tell how many requests get past it. */
  schema?: z.ZodType;
}

interface Fixtures {
  /** Members A and B; C is never invited anywhere. */
  a: string;
  b: string;
  c: string;
  /** A person of A, a person of B, and one who sits on B's delegation to `planned` but now speaks for A. */
  pa: TestPerson;
  pb: TestPerson;
  moved: TestPerson;
  /** Three people of C, to merge into one another (none of the other routes names them). */
  twins: TestPerson[];
  /** Meetings: planned (A, B invited), held (A), cancelled (A), restricted to B (A, B invited). */
  planned: string;
  held: string;
  cancelled: string;
  restricted: string;
  /** Remarks by A's person at `planned`, with a quote. */
  remark: string;
  /** Whose password the sign-in attempts know. */
  account: TestUser;
  /** Notifications: one of the focal point session's, one of a focal point of C's (hidden from every session). */
  notifications: { mine: string; theirs: string };
  /**
   * Statements and procedures: a draft with versions 1 and 2 to circulate, and open procedures
   * circulated to A and B: a silence and an endorsement to respond to, one to extend, one to withdraw.
   */
  procedures: { draft: string; silence: string; endorsement: string; extended: string; withdrawn: string };
  /**
   * Statements: a draft with versions 1 and 2, one restricted to B, one to adopt (at `held`), an
   * adopted public one with its decision, a follow-up of it and a position of A on it.
   */
  statements: {
    draft: string;
    restricted: string;
    toAdopt: string;
    adopted: string;
    decision: string;
    followUp: string;
    position: string;
  };
  /** Pledges on `line`: A's only pledged, A's committed (1,000,000.00 EUR on 2015-04-01), B's pledged. */
  pledges: { line: string; pledgedA: string; committedA: string; pledgedB: string };
  /** A working group co-led by A (`office`), and an office of another group. */
  group: { key: string; office: string; otherOffice: string };
  /**
   * Reporting: a line of effort; a monthly indicator with values and one without, one by category
   * (oil_sales, ransom) and a yearly one; an open period where A's report is submitted and a
   * locked one; the periods' ids by name.
   */
  reporting: {
    line: string;
    plain: string;
    fresh: string;
    split: string;
    yearly: string;
    period: string;
    locked: string;
    periodIds: Record<string, string>;
  };
  /** An entry of the register of sources, linked to A and to `restricted`. */
  source: string;
}

// ---- pieces of requests ----------------------------------------------------------------------

const safeText = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && !s.includes('\u0000'));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '\u0000', '💥', "'; drop table members; --", '%00', '../../etc', '\u202e', 'null'),
);
const nul = fc.constantFrom('\u0000', 'a\u0000b');
const tooLong = (max: number) => fc.constant('x'.repeat(max + 1));

/** A value of a type no field takes, or a string no field accepts: the generic one bad field. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined), // the field left out
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
  nul,
  tooLong(100_000),
  anyText,
  fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER, 1e308, '9999-99-99', '2014-02-30'),
);
const extraKey = fc.oneof(
  fc.constantFrom('id', 'version', 'createdAt', 'role', 'isAdmin', '__proto__', 'constructor', 'memberId'),
  fc.string({ minLength: 1, maxLength: 10 }),
);

/**
 * A valid body with exactly one field made wrong: a value the schema lets through for the
 * service to refuse (`refused`: an unknown member or person, dates out of order, someone seated
 * elsewhere), one the schema refuses (`bad`: out of range, too long, NUL), a value of the wrong
 * type, or a key the body does not take.
 */
function oneBadField(
  valid: fc.Arbitrary<Record<string, unknown>>,
  bad: Record<string, fc.Arbitrary<unknown>>,
  refused: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const field = (values: Record<string, fc.Arbitrary<unknown>>) =>
    fc.constantFrom(...Object.keys(values)).chain((key) => values[key].map((value) => ({ key, value })));
  const change = fc.oneof(
    ...(Object.keys(refused).length > 0 ? [{ weight: 3, arbitrary: field(refused) }] : []),
    { weight: 2, arbitrary: field(bad) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...Object.keys(bad)), wrongValue).map(([key, value]) => ({ key, value })),
    },
    { weight: 1, arbitrary: fc.tuple(extraKey, fc.jsonValue()).map(([key, value]) => ({ key, value, extra: true })) },
  );
  return fc
    .tuple(valid, change)
    .filter(([body, c]) => !('extra' in c) || !(c.key in body))
    .map(([body, { key, value }]) => ({ ...body, [key]: value }));
}

const json = (body: unknown) => JSON.stringify(body) ?? '';
const hostileContentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/xml',
);
const hostileBody = fc.oneof(
  fc.jsonValue().map(json),
  fc.dictionary(anyText, fc.jsonValue()).map(json),
  anyText,
  fc.constantFrom('{', '{"a":', '[]', 'null', '"x"', '{"__proto__":{"isAdmin":true}}', '\u0000', ''),
);
const hostilePathPart = fc.oneof(
  anyText.map(encodeURIComponent),
  fc.constantFrom('%E2%82', '%00', '..', 'A'.repeat(300), MISSING_ID, 'not-a-uuid', ''),
);
const hostileIfMatch = fc.oneof(
  fc.constantFrom('"1"', 'W/"1"', '*', '"999999999999"', '-1', '"a"', '', '"0"', '1, 2'),
  fc.string({ maxLength: 20 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);
const badIfMatch = fc.constantFrom<Attempt['ifMatch']>(null, '"999"', '"0"', 'W/"x"', '*', '"1", "2"', 'latest');
const whoOfRole = fc.constantFrom<Who>(
  'secretariat',
  'secretariat',
  'secretariat',
  'secretariat',
  'focal_point',
  'focal_point',
  'observer',
  'anonymous',
);

/**
 * One route's requests: mostly well-formed with one thing wrong — the body, the path or
 * If-Match — and else hostile throughout.
 */
function route(spec: {
  method: string;
  /** Builds the URL from its parameters. */
  url: (params: string[]) => string;
  /** Parameters naming records that are there (and that the caller may or may not see). */
  params: fc.Arbitrary<string[]>;
  /** Parameters naming the wrong record: missing, hidden, not invited, or not a name at all. */
  badParams: fc.Arbitrary<string[]>;
  valid: fc.Arbitrary<Record<string, unknown>>;
  bad: Record<string, fc.Arbitrary<unknown>>;
  refused?: Record<string, fc.Arbitrary<unknown>>;
  /** Where If-Match's version is read, when the route takes one. */
  versionAt?: (params: string[]) => string;
  who?: fc.Arbitrary<Who>;
  schema: z.ZodType;
}): fc.Arbitrary<Attempt> {
  const who = spec.who ?? whoOfRole;
  const withIfMatch = (params: string[], ifMatch: Attempt['ifMatch']) =>
    spec.versionAt ? { ifMatch, versionAt: spec.versionAt(params) } : {};
  const attempt = (params: string[], body: unknown, w: Who, ifMatch: Attempt['ifMatch'] = CURRENT): Attempt => ({
    method: spec.method,
    url: spec.url(params),
    who: w,
    contentType: 'application/json',
    payload: json(body),
    schema: spec.schema,
    ...withIfMatch(params, ifMatch),
  });
  // A body whose every wrong field the schema catches reaches no service: then the requests that
  // are wrong only in their path or If-Match carry more weight.
  const wellFormed = fc.oneof(
    {
      weight: spec.refused ? 6 : 2,
      arbitrary: fc
        .tuple(spec.params, oneBadField(spec.valid, spec.bad, spec.refused ?? {}), who)
        .map(([params, body, w]) => attempt(params, body, w)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(spec.badParams, spec.valid, who).map(([params, body, w]) => attempt(params, body, w)),
    },
    ...(spec.versionAt
      ? [
          {
            weight: 1,
            arbitrary: fc
              .tuple(spec.params, spec.valid, who, badIfMatch)
              .map(([params, body, w, ifMatch]) => attempt(params, body, w, ifMatch)),
          },
        ]
      : []),
  );
  const hostile = fc
    .tuple(
      fc.oneof(spec.params, spec.badParams, fc.array(hostilePathPart, { minLength: 2, maxLength: 2 })),
      hostileBody,
      hostileContentType,
      fc.option(hostileIfMatch),
      fc.constantFrom<Who>('secretariat', 'focal_point', 'observer', 'anonymous', 'garbage_cookie'),
    )
    .map(
      ([params, payload, contentType, ifMatch, w]): Attempt => ({
        method: spec.method,
        url: spec.url(params),
        who: w,
        contentType,
        payload,
        ifMatch,
        schema: spec.schema,
      }),
    );
  return fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: hostile });
}

/** Would the route's schema accept this body (so that the request reaches its service)? */
function passesSchema(attempt: Attempt): boolean {
  if (attempt.schema && attempt.contentType?.startsWith('text/csv'))
    return attempt.schema.safeParse(attempt.payload).success;
  // An import's form: its kind is one the route takes.
  if (attempt.contentType?.startsWith('multipart/form-data; boundary=entente'))
    return /name="kind"\r\n\r\n(values|pledges)\r\n/.test(attempt.payload);
  if (!attempt.schema || !attempt.contentType?.startsWith('application/json')) return false;
  try {
    return attempt.schema.safeParse(JSON.parse(attempt.payload)).success;
  } catch {
    return false;
  }
}

// ---- every write route, and how to make requests to it ---------------------------------------

const uuid = fc.uuid();
/** Member codes in a path: one nobody has, one of no such shape, or not a code at all. */
const memberCodeBad = fc.oneof(fc.constantFrom('ZZZ9', '', 'a', 'A'.repeat(13), 'É1', 'a b'), anyText);

const memberBad = {
  code: fc.constantFrom('', 'a', 'A'.repeat(13), 'É1', 'a b', '1AB'),
  kind: fc.constantFrom('STATE', '', 'planet'),
  names: fc.record({ en: fc.oneof(nul, tooLong(200), fc.constant('')), fr: safeText, ar: safeText }),
  status: fc.constantFrom('gone', 'ACTIVE', ''),
  joinedOn: fc.constantFrom('2014-02-30', '2014-13-01', '14-09-11', 'yesterday'),
  leftOn: fc.constantFrom('2014-02-30', '2014-9-1'),
  joinedNote: fc.oneof(nul, tooLong(2000)),
  note: fc.oneof(nul, tooLong(2000)),
};

const meetingBad = (f: Fixtures) => ({
  kind: fc.constantFrom('party', 'MINISTERIAL', ''),
  title: fc.oneof(nul, tooLong(300), fc.constant('   ')),
  titleTranslations: fc.constantFrom(
    { de: 'Treffen' },
    { fr: '' },
    { fr: '   ' },
    { fr: 'a\u0000b' },
    { ar: 'x'.repeat(301) },
    'Réunion',
    ['fr'],
  ),
  hostCode: fc.constantFrom('', 'a b', 'A'.repeat(13)),
  chairIds: fc.constantFrom(
    ['not-a-uuid'],
    Array.from({ length: 11 }, () => f.pa.id),
  ),
  restrictedTo: fc.constantFrom(
    Array.from({ length: 201 }, () => f.b),
    ['a b'],
  ),
  visibility: fc.constantFrom('secret', 'PUBLIC', ''),
  status: fc.constantFrom('done', 'postponed'),
  timeZone: fc.constantFrom('Mars/Olympus', 'EST', '+01:00', 'Europe/Nowhere', ''),
  startDate: fc.constantFrom('2030-02-30', '99999-01-01', '2030-1-1'),
  endDate: fc.constantFrom('2030-13-01', '2030-02-29'),
  startTime: fc.constantFrom('24:00', '9:00', '10:00:00', '12:60'),
  endTime: fc.constantFrom('25:00', '7'),
  seatQuota: fc.constantFrom('1+999', '1+-1', '2+1', '1+', '+3'),
  workingLanguage: fc.constantFrom('de', 'EN', ''),
  summary: fc.oneof(nul, tooLong(5000)),
  statusReason: fc.oneof(nul, tooLong(500)),
  agenda: fc.constantFrom(
    Array.from({ length: 101 }, (_, i) => ({ title: `Item ${i}` })),
    [{ title: '' }],
    [{ title: 'ok', lineOfEffort: 'x'.repeat(51) }],
    [{ title: 'ok', extra: 1 }],
  ),
});

/**
 * What the meetings service refuses that the schema cannot know: unknown members and people, dates
 * out of order, a translation of the title in its own (working) language: English, for every meeting here.
 */
const meetingRefused = (f: Fixtures) => ({
  titleTranslations: fc.record({ en: safeText, fr: safeText }, { requiredKeys: ['en'] }),
  hostCode: fc.constantFrom('ZZZ9', 'NOBODY1'),
  chairIds: fc.array(uuid, { minLength: 1, maxLength: 2 }),
  // A public meeting lists nobody; a member nobody has.
  restrictedTo: fc.constantFrom([f.a], ['ZZZ9']),
  endDate: fc.constantFrom('2000-01-01', '2029-12-31'),
  // An end time without a start time (the valid bodies have none, or 09:00 on one day).
  endTime: fc.constantFrom('00:00', '08:59'),
  // Cancelled without saying why.
  status: fc.constant('cancelled'),
  // An agenda item on a line of effort nobody has.
  agenda: fc.constantFrom([{ title: 'ok', lineOfEffort: 'LOE9-nothing' }], [{ title: 'ok', lineOfEffort: 'x' }]),
});

const delegateBad = fc.constantFrom(
  { name: '' },
  { name: 'a\u0000b' },
  { name: 'x'.repeat(201) },
  { name: 'ok', title: 'x'.repeat(301) },
  { personId: 'not-a-uuid' },
  { personId: '00000000-0000-4000-8000-000000000000', name: 'both' },
);

const statementBad = {
  kind: fc.constantFrom('manifesto', 'JOINT_STATEMENT', ''),
  title: fc.oneof(nul, tooLong(300), fc.constant('   ')),
  language: fc.constantFrom('de', 'EN', ''),
  visibility: fc.constantFrom('secret', 'PUBLIC', ''),
  meetingId: fc.constantFrom('not-a-uuid', 'x', 1),
  restrictedTo: fc.constantFrom(
    ['a b'],
    Array.from({ length: 201 }, () => 'ABC1'),
  ),
  translations: fc.constantFrom(
    { de: { title: 'Erklärung' } },
    { fr: { title: '' } },
    { fr: 'Déclaration' },
    { ar: { title: 'x'.repeat(301) } },
    { fr: { title: 'a\u0000b' } },
    { fr: { title: 'ok', note: 'x' } },
  ),
};

/** What the statements service refuses that the schema cannot know (every statement here is in English). */
const statementRefused = (f: Fixtures) => ({
  // Members listed by a statement that is not restricted; a member nobody has.
  restrictedTo: fc.constantFrom([f.a], ['ZZZ9']),
  meetingId: fc.oneof(fc.constant(MISSING_ID), uuid),
  // A translation in the original's own language.
  translations: fc.constantFrom({ en: { title: 'Itself' } }, { en: { title: 'Itself' }, fr: { title: 'Soi' } }),
});

const textBad = { text: fc.oneof(nul, tooLong(100_000), fc.constant('   ')), note: fc.oneof(nul, tooLong(1000)) };

/** Statement ids in a path that name no statement a caller should reach: missing, or not an id. */
const statementIdBad = fc.oneof(
  fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
  uuid.map((id) => [id]),
);

const statementGenerators: Record<string, (f: Fixtures) => fc.Arbitrary<Attempt>> = {
  'POST /api/v1/statements': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/statements',
      schema: CreateStatementBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc.record(
        {
          kind: fc.constantFrom(...StatementKind.options),
          title: safeText,
          language: fc.constant('en'),
          visibility: fc.constantFrom('public', 'coalition'),
          meetingId: fc.constantFrom(f.planned, f.held, null),
          translations: fc.record({ fr: safeText.map((title) => ({ title })) }, { requiredKeys: [] }),
        },
        { requiredKeys: ['kind', 'title', 'language', 'visibility'] },
      ),
      bad: statementBad,
      refused: statementRefused(f),
    }),

  'PATCH /api/v1/statements/:id': (f) =>
    route({
      method: 'PATCH',
      url: ([id]) => `/api/v1/statements/${id}`,
      schema: UpdateStatementBody,
      // The draft keeps a French translation of its title, so that French stays refused as its language.
      params: fc.constantFrom([f.statements.draft], [f.statements.restricted], [f.statements.adopted]),
      badParams: statementIdBad,
      versionAt: ([id]) => `/api/v1/statements/${id}`,
      valid: fc.record(
        {
          title: safeText,
          kind: fc.constantFrom(...StatementKind.options),
          translations: fc.record({ fr: safeText.map((title) => ({ title })) }, { requiredKeys: ['fr'] }),
        },
        { requiredKeys: [] },
      ),
      bad: { ...statementBad, status: fc.constantFrom('adopted', 'draft', 'gone') },
      refused: { ...statementRefused(f), language: fc.constant('fr') },
    }),

  'POST /api/v1/statements/:id/versions': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/statements/${id}/versions`,
      schema: AddTextVersionBody,
      params: fc.constantFrom([f.statements.draft], [f.statements.restricted], [f.statements.adopted]),
      badParams: statementIdBad,
      valid: fc.record({ text: safeText, note: fc.oneof(safeText, fc.constant(null)) }, { requiredKeys: ['text'] }),
      bad: textBad,
      // Markdown that tries to pass HTML or script through: the schema takes it, the renderer must defuse it.
      refused: {
        text: fc.oneof(
          fc.constantFrom(
            '<script>alert(1)</script>',
            '[x](javascript:alert(1))',
            '<img src=x onerror=alert(1)>',
            `${'> '.repeat(500)}deep`,
            `${'- '.repeat(500)}deep`,
            '| a |\n|---|\n'.repeat(200),
          ),
          anyText.filter((t) => t.trim().length > 0 && !t.includes('\u0000')),
        ),
      },
    }),

  'POST /api/v1/statements/:id/adopt': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/statements/${id}/adopt`,
      schema: AdoptAtMeetingBody,
      params: fc.constantFrom([f.statements.toAdopt], [f.statements.restricted], [f.statements.adopted]),
      badParams: statementIdBad,
      versionAt: ([id]) => `/api/v1/statements/${id}`,
      valid: fc.record(
        {
          textVersion: fc.constant(1),
          meetingId: fc.constantFrom(f.held, f.planned),
          adoptedOn: fc.constant('2030-03-12'),
        },
        { requiredKeys: ['textVersion', 'meetingId'] },
      ),
      bad: {
        textVersion: fc.constantFrom(0, -1, 1.5, '1', 2_147_483_648, Number.MAX_SAFE_INTEGER),
        meetingId: fc.constantFrom('not-a-uuid', ''),
        adoptedOn: fc.constantFrom('2030-02-30', 'today', '2030-1-1'),
      },
      refused: { textVersion: fc.constantFrom(2, 99), meetingId: fc.oneof(fc.constant(MISSING_ID), uuid) },
    }),

  'POST /api/v1/statements/:id/positions': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/statements/${id}/positions`,
      schema: AddPositionBody,
      params: fc.constantFrom([f.statements.adopted], [f.statements.draft]),
      badParams: statementIdBad,
      valid: fc.record({
        memberCode: fc.constantFrom(f.a),
        kind: fc.constantFrom(...PositionKind.options),
        text: safeText,
      }),
      bad: {
        memberCode: fc.constantFrom('', 'a b', 'A'.repeat(13)),
        kind: fc.constantFrom('objection', ''),
        text: fc.oneof(nul, tooLong(10_000), fc.constant(' ')),
      },
      // A member nobody has; another member than the focal point's own.
      refused: { memberCode: fc.constantFrom('ZZZ9', f.b) },
    }),

  'DELETE /api/v1/statements/:id/positions/:positionId': (f) =>
    bodylessRoute(
      fc
        .oneof(
          fc.constantFrom(
            `${f.statements.draft}/positions/${f.statements.position}`,
            `${f.statements.adopted}/positions/${MISSING_ID}`,
            `${MISSING_ID}/positions/${f.statements.position}`,
          ),
          fc.constantFrom(`${f.statements.adopted}/positions/${f.statements.position}`),
          uuid.map((id) => `${f.statements.adopted}/positions/${id}`),
          hostilePathPart.map((part) => `${f.statements.adopted}/positions/${part}`),
        )
        .map((path) => `/api/v1/statements/${path}`),
      'DELETE',
    ),

  'POST /api/v1/decisions/:id/follow-ups': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/decisions/${id}/follow-ups`,
      schema: AddFollowUpBody,
      params: fc.constant([f.statements.decision]),
      badParams: statementIdBad,
      valid: fc.oneof(
        fc.record(
          { text: safeText, ownerWorkingGroup: safeText, dueOn: fc.constant('2030-12-31') },
          { requiredKeys: ['text', 'ownerWorkingGroup'] },
        ),
        fc.record({
          text: safeText,
          ownerMemberCode: fc.constantFrom(f.a, f.b),
          status: fc.constantFrom(...FollowUpStatus.options),
        }),
      ),
      bad: {
        text: fc.oneof(nul, tooLong(2000), fc.constant('')),
        ownerMemberCode: fc.constantFrom('', 'a b'),
        ownerWorkingGroup: fc.oneof(nul, tooLong(200)),
        dueOn: fc.constantFrom('2030-02-30', 'soon'),
        status: fc.constantFrom('finished', ''),
      },
      // Two owners, or a member nobody has.
      refused: { ownerMemberCode: fc.constantFrom('ZZZ9', f.a), ownerWorkingGroup: safeText },
    }),

  'PATCH /api/v1/follow-ups/:id': (f) =>
    route({
      method: 'PATCH',
      url: ([id]) => `/api/v1/follow-ups/${id}`,
      schema: UpdateFollowUpBody,
      params: fc.constant([f.statements.followUp]),
      badParams: statementIdBad,
      versionAt: ([id]) => `/api/v1/decisions/${f.statements.decision}#followUps=${id}`,
      valid: fc.record(
        {
          text: safeText,
          status: fc.constantFrom(...FollowUpStatus.options),
          dueOn: fc.constantFrom('2031-01-31', null),
        },
        { requiredKeys: [] },
      ),
      bad: {
        text: fc.oneof(nul, tooLong(2000), fc.constant('')),
        ownerMemberCode: fc.constantFrom('', 'a b'),
        ownerWorkingGroup: fc.oneof(nul, tooLong(200)),
        dueOn: fc.constantFrom('2030-02-30', 'soon'),
        status: fc.constantFrom('finished', ''),
      },
      // Two owners, no owner, or a member nobody has.
      refused: {
        ownerMemberCode: fc.constantFrom('ZZZ9'),
        ownerWorkingGroup: fc.constant(null),
      },
    }),
};

/** Pledge ids in a path that name no pledge a caller should reach: missing, or not an id. */
const pledgeIdBad = fc.oneof(
  fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
  uuid.map((id) => [id]),
);

/** An FX file: good lines, with one line made wrong in one way (or none). */
const fxLine = fc
  .tuple(
    fc.integer({ min: 1, max: 28 }),
    fc.constantFrom('EUR', 'GBP', 'JPY', 'KWD'),
    fc.constantFrom('1.0759', '0.008343', '3.31', '1'),
  )
  .map(([day, currency, rate]) => `2031-01-${String(day).padStart(2, '0')},${currency},${rate}`);
const fxBadLine = fc.constantFrom(
  '2031-02-30,EUR,1.1',
  '2031-02-01,XYZ,1',
  '2031-02-01,eur,1',
  '2031-02-01,EUR,abc',
  '2031-02-01,EUR,0',
  '2031-02-01,EUR,-1',
  '2031-02-01,EUR,1e5',
  `2031-02-01,EUR,${'9'.repeat(19)}`,
  '2031-02-01,EUR',
  '2031-02-01,EUR,1,extra',
  '"2031-02-01,EUR,1',
  '2031-02-01,\u0000,1',
  ',,',
);
const fxFile = fc
  .tuple(
    fc.constantFrom('date,currency,usd_per_unit', 'date,currency,usd_per_unit', 'date;currency;rate', ''),
    fc.uniqueArray(fxLine, { maxLength: 5, selector: (l) => l.slice(0, 14) }),
    fc.option(fxBadLine, { freq: 1 }),
    fc.option(fc.integer({ min: 0, max: 5 })),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, lines, bad, duplicate, eol]) => {
    const body = [...lines];
    if (bad !== null) body.splice(Math.min(body.length, 2), 0, bad);
    if (duplicate !== null && lines.length > 0) body.push(lines[duplicate % lines.length]);
    return [header, ...body].join(eol);
  });

const pledgeGenerators: Record<string, (f: Fixtures) => fc.Arbitrary<Attempt>> = {
  'POST /api/v1/pledges': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/pledges',
      schema: CreatePledgeBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc.record(
        {
          memberCode: fc.constant(f.a),
          lineOfEffort: fc.constant(f.pledges.line),
          kind: fc.constant('financial'),
          amountMinor: fc.integer({ min: 1, max: 1e12 }),
          currency: fc.constantFrom('EUR', 'USD', 'JPY'),
          valueDate: fc.constantFrom('2015-03-31', '2016-01-04'),
          note: safeText,
        },
        { requiredKeys: ['memberCode', 'lineOfEffort', 'kind', 'amountMinor', 'currency', 'valueDate'] },
      ),
      bad: {
        memberCode: fc.constantFrom('', 'a b', 'A'.repeat(13)),
        lineOfEffort: fc.constantFrom('', 'x'.repeat(41), 'a b', '-LOE'),
        kind: fc.constantFrom('cash', 'FINANCIAL', ''),
        amountMinor: fc.constantFrom(0, -1, 1.5, '100', Number.MAX_SAFE_INTEGER + 2),
        currency: fc.constantFrom('eur', 'EURO', '€', ''),
        valueDate: fc.constantFrom('2015-02-30', '2015-13-01', '31/03/2015'),
        quantity: fc.constantFrom(0, -1, 1e16, Number.NaN, '3'),
        note: fc.oneof(nul, tooLong(2000)),
      },
      // Another member's, nobody's; a line nobody has; a currency ISO 4217 lacks; the other kind's fields.
      refused: {
        memberCode: fc.constantFrom(f.b, 'ZZZ9'),
        lineOfEffort: fc.constant('LOE99-nowhere'),
        currency: fc.constantFrom('XYZ', 'ABC'),
        quantity: fc.constant(3),
        unit: fc.constant('trucks'),
        kind: fc.constant('in_kind'),
      },
    }),

  'PATCH /api/v1/pledges/:id': (f) =>
    route({
      method: 'PATCH',
      url: ([id]) => `/api/v1/pledges/${id}`,
      schema: UpdatePledgeBody,
      params: fc.constantFrom([f.pledges.pledgedA], [f.pledges.pledgedA], [f.pledges.pledgedB], [f.pledges.committedA]),
      badParams: pledgeIdBad,
      versionAt: ([id]) => `/api/v1/pledges/${id}`,
      valid: fc.record({ note: safeText, amountMinor: fc.integer({ min: 1, max: 1e12 }) }, { requiredKeys: [] }),
      bad: {
        amountMinor: fc.constantFrom(0, -1, 1.5, '100'),
        currency: fc.constantFrom('eur', ''),
        valueDate: fc.constantFrom('2015-02-30', 'today'),
        lineOfEffort: fc.constantFrom('', 'a b'),
        note: fc.oneof(nul, tooLong(2000)),
      },
      refused: {
        currency: fc.constantFrom('XYZ'),
        lineOfEffort: fc.constant('LOE99-nowhere'),
        quantity: fc.constant(2),
        description: safeText,
      },
    }),

  'POST /api/v1/pledges/:id/events': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/pledges/${id}/events`,
      schema: PledgeEventBody,
      params: fc.constantFrom(
        [f.pledges.committedA],
        [f.pledges.committedA],
        [f.pledges.pledgedA],
        [f.pledges.pledgedB],
      ),
      badParams: pledgeIdBad,
      versionAt: ([id]) => `/api/v1/pledges/${id}`,
      valid: fc.record({
        status: fc.constant('disbursed'),
        on: fc.constant('2015-05-01'),
        amountMinor: fc.integer({ min: 1, max: 1000 }),
      }),
      bad: {
        status: fc.constantFrom('pledged', 'paid', ''),
        on: fc.constantFrom('2015-02-30', 'yesterday', ''),
        amountMinor: fc.constantFrom(0, -5, 0.5, '10'),
        note: fc.oneof(nul, tooLong(2000)),
      },
      // Committed twice; more than is committed; before the last event; a withdrawal with an amount.
      refused: {
        status: fc.constantFrom('committed', 'withdrawn'),
        amountMinor: fc.constantFrom(100_000_001, Number.MAX_SAFE_INTEGER),
        on: fc.constantFrom('2000-01-01', '2015-03-01'),
      },
    }),

  'POST /api/v1/fx-rates/import': () => {
    const wellFormed = fc
      .tuple(
        fxFile,
        fc.constantFrom<Who>('secretariat', 'secretariat', 'secretariat', 'focal_point', 'observer', 'anonymous'),
      )
      .map(
        ([payload, who]): Attempt => ({
          method: 'POST',
          url: '/api/v1/fx-rates/import',
          who,
          contentType: 'text/csv',
          payload,
          schema: z.string(),
        }),
      );
    const hostile = fc.tuple(hostileBody, hostileContentType, whoOfRole).map(
      ([payload, contentType, who]): Attempt => ({
        method: 'POST',
        url: '/api/v1/fx-rates/import',
        who,
        contentType,
        payload,
      }),
    );
    return fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: hostile });
  },
};

// ---- imports: multipart bodies ----------------------------------------------------------------

/** A multipart body as a string: the fields, then a file of `content` named `fileName`. */
function multipartText(
  boundary: string,
  fields: Record<string, string>,
  fileName: string | null,
  content: string,
): string {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (fileName !== null)
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
    );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/**
 * Imports: a multipart form with a kind and a file of rows that are mostly wrong (an unknown
 * member, a bad number, a period nobody opened, hostile text), or a file that is no CSV at all,
 * or a form that is no form. A file of the header alone is the import that succeeds.
 */
const importGenerator = (f: Fixtures): fc.Arbitrary<Attempt> => {
  const cell = fc.oneof(
    anyText,
    fc.constantFrom(f.a, f.b, 'ZZZ9', '2015', '2015-Q1', '2030-13', '12', '-1', '1e400', 'x', '', 'approved'),
    fc.constantFrom('returned', 'financial', 'in_kind', 'USD', 'JPY', '10.555', MISSING_ID, '"', '=1+1'),
  );
  const columns = { values: VALUE_COLUMNS, pledges: PLEDGE_COLUMNS };
  const file = fc
    .tuple(
      fc.constantFrom<'values' | 'pledges'>('values', 'pledges'),
      fc.array(fc.array(cell, { maxLength: 15 }), { maxLength: 4 }),
      fc.boolean(),
    )
    .map(([kind, rows, header]) => ({
      kind,
      content: [...(header ? [columns[kind]] : []), ...rows].map((r) => csvLine(r)).join(''),
    }));
  const wellFormed = fc
    .tuple(
      file,
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyText }),
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('values.csv', 'pledges.csv') },
        { weight: 1, arbitrary: fc.constantFrom('sheet.xlsx', 'notes.txt', '', '../../x.csv') },
      ),
      fc.option(fc.oneof(uuid, anyText), { nil: undefined }),
      whoOfRole,
    )
    .map(([{ kind, content }, badKind, fileName, id, who]): Attempt => {
      const fields: Record<string, string> = { kind: badKind ?? kind };
      if (id !== undefined) fields.id = id;
      return {
        method: 'POST',
        url: '/api/v1/imports',
        who,
        contentType: 'multipart/form-data; boundary=entente-hostile',
        payload: multipartText('entente-hostile', fields, fileName, content),
      };
    });
  const hostile = fc
    .tuple(
      hostileBody,
      fc.constantFrom('multipart/form-data; boundary=x', 'multipart/form-data', 'text/csv'),
      whoOfRole,
    )
    .map(
      ([payload, contentType, who]): Attempt => ({ method: 'POST', url: '/api/v1/imports', who, contentType, payload }),
    );
  return fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: hostile });
};

/** Working groups' keys in a path that name no group a caller should reach. */
const groupKeyBad = fc.oneof(fc.constantFrom('no-such-group', 'a%20b', 'x'.repeat(41)), hostilePathPart);
const officeDayBad = fc.constantFrom('2015-02-30', '2015-13-01', 'soon', '', 20150101);

const lineGenerators: Record<string, (f: Fixtures) => fc.Arbitrary<Attempt>> = {
  'POST /api/v1/working-groups/:key/offices': (f) =>
    route({
      method: 'POST',
      url: ([key]) => `/api/v1/working-groups/${key}/offices`,
      schema: AddOfficeBody,
      params: fc.constant([f.group.key]),
      badParams: groupKeyBad.map((key) => [key]),
      versionAt: ([key]) => `/api/v1/working-groups/${key}`,
      valid: fc.record(
        {
          memberCode: fc.constantFrom(f.a, f.b),
          role: fc.constantFrom(...OfficeRole.options),
          fromOn: fc.constantFrom('2015-01-01', null),
          toOn: fc.constantFrom('2016-01-01', null),
          note: fc.oneof(safeText, fc.constant(null)),
        },
        { requiredKeys: ['memberCode', 'role', 'fromOn'] },
      ),
      bad: {
        memberCode: memberBad.code,
        role: fc.constantFrom('chair', 'CO_LEAD', ''),
        fromOn: officeDayBad,
        toOn: officeDayBad,
        note: fc.oneof(nul, tooLong(1000)),
      },
      // A member nobody has; an end before the start (every valid body starts on 1 January 2015 or has no start).
      refused: { memberCode: fc.constantFrom('ZZZ9', 'NOBODY1'), toOn: fc.constant('2014-12-31') },
    }),

  'PATCH /api/v1/working-groups/:key/offices/:id': (f) =>
    route({
      method: 'PATCH',
      url: ([key, id]) => `/api/v1/working-groups/${key}/offices/${id}`,
      schema: EndOfficeBody,
      params: fc.constant([f.group.key, f.group.office]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>(
          [f.group.key, f.group.otherOffice],
          [f.group.key, MISSING_ID],
          [f.group.key, 'not-a-uuid'],
          ['no-such-group', f.group.office],
        ),
        groupKeyBad.map((key) => [key, f.group.office]),
      ),
      versionAt: ([key]) => `/api/v1/working-groups/${key}`,
      valid: fc.record({ toOn: fc.constantFrom('2016-01-01', null) }),
      bad: { toOn: officeDayBad },
      // Before the office began (3 December 2014).
      refused: { toOn: fc.constantFrom('2014-12-02', '2000-01-01') },
    }),
};

// ---- reporting (issue 10) -------------------------------------------------------------------

const indicatorBad = {
  key: fc.constantFrom('', 'Upper', 'a b', 'x'.repeat(81)),
  names: fc.constantFrom({}, { en: '' }, { en: 'a\u0000b' }, { en: 'ok', de: 'x' }, 'Name'),
  unit: fc.oneof(nul, tooLong(100), fc.constant(' ')),
  lineOfEffort: fc.constantFrom('', 'a b', 'x'.repeat(41)),
  memberAggregation: fc.constantFrom('avg', ''),
  timeAggregation: fc.constantFrom('sum', ''),
  periodType: fc.constantFrom('week', 'MONTH'),
  visibility: fc.constantFrom('secret', ''),
  categories: fc.constantFrom(
    [{ key: 'Bad', names: { en: 'x' } }],
    [{ key: 'ok', names: {} }],
    Array.from({ length: 51 }, (_, i) => ({ key: `c${i}`, names: { en: 'x' } })),
  ),
  targets: fc.constantFrom(
    [{ period: '2015-13', value: 1 }],
    [{ period: '2015', value: 1e16 }],
    [{ period: '2015', value: '1' }],
  ),
  description: fc.oneof(nul, tooLong(4000)),
};

/** What the indicators service refuses that the schema cannot know. */
const indicatorRefused = {
  lineOfEffort: fc.constantFrom('LOE99-none', 'nowhere'),
  categories: fc.constant([
    { key: 'twice', names: { en: 'A' } },
    { key: 'twice', names: { en: 'B' } },
  ]),
  targets: fc.constant([
    { period: '2015', value: 1 },
    { period: '2015-01', value: 1 },
    { period: '2015-Q1', value: 1 },
  ]),
};

const reportPath = ([period, member]: string[]) => `/api/v1/reports/${period}/${member}`;
const reportParams = (f: Fixtures) =>
  fc.constantFrom<string[]>(
    [f.reporting.period, f.a],
    [f.reporting.period, f.a],
    [f.reporting.period, f.b],
    [f.reporting.locked, f.a],
  );
const reportBadParams = (f: Fixtures): fc.Arbitrary<string[]> =>
  fc.oneof(
    fc.constantFrom<string[]>(
      ['1999-01', f.a],
      [f.reporting.period, 'ZZZ9'],
      ['2015-13', f.a],
      [f.reporting.period, 'a b'],
    ),
    fc.tuple(fc.constant(f.reporting.period), memberCodeBad.map(encodeURIComponent)).map((p) => [...p]),
  );
const valueRefsBad = fc.constantFrom(
  [{ indicator: 'Bad Key' }],
  'all',
  [{ indicator: 'ok', extra: 1 }],
  Array.from({ length: 5001 }, () => ({ indicator: 'ok' })),
);
const valueRefsRefused = (f: Fixtures) =>
  fc.constantFrom(
    [{ indicator: 'nope' }],
    [{ indicator: f.reporting.split, category: 'plunder' }],
    [{ indicator: f.reporting.plain, category: null }],
  );

const reportingGenerators: Record<string, (f: Fixtures) => fc.Arbitrary<Attempt>> = {
  'POST /api/v1/indicators': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/indicators',
      schema: CreateIndicatorBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc.record(
        {
          key: fc.constant(null).map(() => `h_${randomBytes(4).toString('hex')}`),
          names: fc.record({ en: safeText, fr: safeText }, { requiredKeys: ['en'] }),
          unit: safeText,
          lineOfEffort: fc.constant(f.reporting.line),
          memberAggregation: fc.constantFrom('sum', 'max', 'mean'),
          timeAggregation: fc.constantFrom('flow', 'stock'),
          periodType: fc.constantFrom('month', 'quarter', 'year'),
          visibility: fc.constantFrom('public', 'coalition'),
          categories: fc.constant([{ key: 'oil_sales', names: { en: 'Oil sales' } }]),
          description: fc.oneof(safeText, fc.constant(null)),
        },
        {
          requiredKeys: [
            'key',
            'names',
            'unit',
            'lineOfEffort',
            'memberAggregation',
            'timeAggregation',
            'periodType',
            'visibility',
          ],
        },
      ),
      bad: indicatorBad,
      refused: { ...indicatorRefused, key: fc.constant(f.reporting.plain) },
    }),

  'PATCH /api/v1/indicators/:key': (f) =>
    route({
      method: 'PATCH',
      url: ([key]) => `/api/v1/indicators/${key}`,
      schema: UpdateIndicatorBody,
      params: fc.constantFrom([f.reporting.plain], [f.reporting.fresh], [f.reporting.split]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>(['no_such_indicator'], ['Bad Key']),
        hostilePathPart.map((p) => [p]),
      ),
      versionAt: ([key]) => `/api/v1/indicators/${key}`,
      valid: fc.record(
        { unit: safeText, names: fc.record({ en: safeText }), visibility: fc.constantFrom('public', 'coalition') },
        { requiredKeys: [] },
      ),
      bad: (({ key: _key, ...rest }) => rest)(indicatorBad),
      // Once values exist: another aggregation, period type or set of categories.
      refused: {
        ...indicatorRefused,
        periodType: fc.constantFrom('quarter', 'year'),
        memberAggregation: fc.constantFrom('max', 'mean'),
        categories: fc.constantFrom([{ key: 'other', names: { en: 'Other' } }], []),
      },
    }),

  'POST /api/v1/periods': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/periods',
      schema: OpenPeriodBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc.record({
        period: fc.oneof(
          fc.integer({ min: 3000, max: 9999 }).map(String),
          fc.tuple(fc.integer({ min: 3000, max: 9999 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
        ),
        closesOn: fc.constant('9999-12-31'),
      }),
      bad: {
        period: fc.constantFrom('2015-13', '15', '2015-Q5', '', '2015-1', 'a\u0000'),
        closesOn: fc.constantFrom('2015-02-30', 'soon', '2015-1-1'),
      },
      refused: { period: fc.constantFrom(f.reporting.period, f.reporting.locked), closesOn: fc.constant('1999-01-01') },
    }),

  'POST /api/v1/periods/:period/reopen': (f) =>
    route({
      method: 'POST',
      url: ([period]) => `/api/v1/periods/${period}/reopen`,
      schema: ReopenPeriodBody,
      params: fc.constantFrom([f.reporting.locked], [f.reporting.period]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>(['1999-01'], ['2015-13'], ['']),
        hostilePathPart.map((p) => [p]),
      ),
      versionAt: ([period]) => `/api/v1/periods#items=${f.reporting.periodIds[period] ?? MISSING_ID}`,
      valid: fc.record(
        { closesOn: fc.constantFrom('3001-01-01', '3002-06-30', '9999-01-01'), reason: safeText },
        { requiredKeys: ['closesOn'] },
      ),
      bad: {
        closesOn: fc.constantFrom('2015-02-30', 'later', ''),
        reason: fc.oneof(nul, tooLong(2000), fc.constant('')),
      },
      refused: { closesOn: fc.constantFrom('2000-01-01', '2030-06-01') },
    }),

  'PUT /api/v1/reports/:period/:memberCode': (f) =>
    route({
      method: 'PUT',
      url: reportPath,
      schema: PutReportBody,
      params: reportParams(f),
      badParams: reportBadParams(f),
      versionAt: reportPath,
      valid: fc.record({
        values: fc.oneof(
          fc.constant([]),
          fc.integer().map((value) => [{ indicator: f.reporting.plain, value }]),
          fc
            .tuple(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), safeText)
            .map(([value, note]) => [
              { indicator: f.reporting.plain, value: 3, note },
              { indicator: f.reporting.split, category: 'oil_sales', value },
            ]),
        ),
      }),
      bad: {
        values: fc.constantFrom(
          [{ indicator: 'Bad Key', value: 1 }],
          [{ indicator: 'ok', value: '1' }],
          [{ indicator: 'ok', value: 1e16 }],
          [{ indicator: 'ok', value: 1, extra: 1 }],
          [{ indicator: 'ok', value: 1, note: 'x'.repeat(2001) }],
          [{ indicator: 'ok', category: 'Bad', value: 1 }],
          Array.from({ length: 5001 }, () => ({ indicator: 'ok', value: 1 })),
        ),
      },
      refused: {
        values: fc.constantFrom(
          [{ indicator: 'nope', value: 1 }],
          [{ indicator: f.reporting.split, value: 1 }],
          [{ indicator: f.reporting.split, category: 'plunder', value: 1 }],
          [{ indicator: f.reporting.plain, category: 'oil_sales', value: 1 }],
          [{ indicator: f.reporting.yearly, value: 1 }],
          [
            { indicator: f.reporting.plain, value: 1 },
            { indicator: f.reporting.plain, value: 2 },
          ],
        ),
      },
    }),

  'POST /api/v1/reports/:period/:memberCode/submit': (f) =>
    route({
      method: 'POST',
      url: ([period, member]) => `${reportPath([period, member])}/submit`,
      // Submit takes no body: whatever object is sent is ignored.
      schema: ApproveReportBody.partial().loose(),
      params: reportParams(f),
      badParams: reportBadParams(f),
      versionAt: reportPath,
      valid: fc.constant({}),
      bad: { values: valueRefsBad },
    }),

  'POST /api/v1/reports/:period/:memberCode/approve': (f) =>
    route({
      method: 'POST',
      url: ([period, member]) => `${reportPath([period, member])}/approve`,
      schema: ApproveReportBody,
      params: reportParams(f),
      badParams: reportBadParams(f),
      versionAt: reportPath,
      valid: fc.record(
        {
          values: fc.constantFrom(
            [{ indicator: f.reporting.plain }],
            [{ indicator: f.reporting.split, category: 'oil_sales' }],
          ),
        },
        { requiredKeys: [] },
      ),
      bad: { values: valueRefsBad },
      refused: { values: valueRefsRefused(f) },
    }),

  'POST /api/v1/reports/:period/:memberCode/return': (f) =>
    route({
      method: 'POST',
      url: ([period, member]) => `${reportPath([period, member])}/return`,
      schema: ReturnReportBody,
      params: reportParams(f),
      badParams: reportBadParams(f),
      versionAt: reportPath,
      valid: fc.record(
        { reason: safeText, values: fc.constantFrom([{ indicator: f.reporting.plain }]) },
        { requiredKeys: ['reason'] },
      ),
      bad: { reason: fc.oneof(nul, tooLong(4000), fc.constant('')), values: valueRefsBad },
      refused: { values: valueRefsRefused(f) },
    }),
};

const sourceBad = {
  kind: fc.constantFrom('rumour', 'PRESS', ''),
  title: fc.oneof(nul, tooLong(500), fc.constant('  ')),
  publisher: fc.oneof(nul, tooLong(300), fc.constant('')),
  date: fc.constantFrom('2015-02-30', '2015-13-01', '15-01-22', 'today'),
  url: fc.constantFrom('ftp://example.org', 'javascript:alert(1)', 'https://', 'x'.repeat(2001)),
  language: fc.constantFrom('English', 'EN', 'e', '', 'en_GB'),
  excerpt: fc.oneof(nul, tooLong(1000)),
  note: fc.oneof(nul, tooLong(2000)),
  visibility: fc.constantFrom('secret', ''),
  links: fc.constantFrom(
    [{ subject: 'planet', key: 'IRQ' }],
    [{ subject: 'member' }],
    [{ subject: 'member', key: '' }],
    [{ subject: 'member', key: 'IRQ', extra: 1 }],
    Array.from({ length: 201 }, () => ({ subject: 'member', key: 'IRQ' })),
    'IRQ',
  ),
};

/** Links whose keys name nothing: each a 400 at `links.N.key`. */
const sourceRefused = {
  links: fc.constantFrom(
    [{ subject: 'member', key: 'NOPE' }],
    [{ subject: 'meeting', key: MISSING_ID }],
    [{ subject: 'statement', key: 'not-an-id' }],
    [{ subject: 'indicator', key: 'no_such_indicator' }],
    [{ subject: 'decision', key: MISSING_ID }],
    [{ subject: 'person', key: MISSING_ID }],
  ),
};

const sourceValid = (f: Fixtures) =>
  fc.record(
    {
      kind: fc.constantFrom('source', 'press'),
      title: safeText,
      publisher: safeText,
      date: fc.constantFrom('2015-01-22', null),
      url: fc.constantFrom('https://news.example.org/a', null),
      language: fc.constantFrom('en', 'fr', 'ar', null),
      excerpt: safeText,
      visibility: fc.constantFrom('public', 'coalition', 'restricted'),
      links: fc.constantFrom([], [{ subject: 'member', key: f.a }], [{ subject: 'meeting', key: f.planned }]),
    },
    { requiredKeys: ['kind', 'title', 'publisher'] },
  );

const sourceGenerators: Record<string, (f: Fixtures) => fc.Arbitrary<Attempt>> = {
  'POST /api/v1/sources': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/sources',
      schema: NewSource,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: sourceValid(f),
      bad: sourceBad,
      refused: sourceRefused,
    }),
  'PATCH /api/v1/sources/:id': (f) =>
    route({
      method: 'PATCH',
      url: ([id]) => `/api/v1/sources/${id}`,
      schema: SourceChange,
      params: fc.constant([f.source]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
        hostilePathPart.map((p) => [p]),
      ),
      versionAt: ([id]) => `/api/v1/sources/${id}`,
      valid: sourceValid(f).map(({ kind: _kind, ...rest }) => rest),
      bad: sourceBad,
      refused: sourceRefused,
    }),
  // Never the current version: a request that gets past it would remove the fixture for the others.
  'DELETE /api/v1/sources/:id': (f) =>
    fc
      .tuple(
        fc.oneof(fc.constant(f.source), fc.constant(MISSING_ID), uuid, hostilePathPart),
        whoOfRole,
        badIfMatch,
        fc.constantFrom({ contentType: null, payload: '' }, { contentType: 'application/json', payload: '{}' }),
      )
      .map(
        ([id, who, ifMatch, body]): Attempt => ({
          method: 'DELETE',
          url: `/api/v1/sources/${id}`,
          who,
          ifMatch,
          ...body,
        }),
      ),
};

const generators: Record<string, (f: Fixtures) => fc.Arbitrary<Attempt>> = {
  ...sourceGenerators,
  'POST /api/v1/imports': importGenerator,
  ...statementGenerators,
  ...pledgeGenerators,
  ...lineGenerators,
  ...reportingGenerators,
  'POST /api/v1/members': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/members',
      schema: CreateMemberBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc.record(
        {
          code: fc.constant(null).map(() => uniqueMemberCode()),
          kind: fc.constant('organization'),
          names: fc.record({ en: safeText, fr: safeText, ar: safeText }),
          status: fc.constantFrom('active', 'former'),
          joinedOn: fc.constant('2014-09-11'),
          note: safeText,
        },
        { requiredKeys: ['code', 'kind', 'names', 'joinedOn'] },
      ),
      bad: memberBad,
      refused: {
        // A country's code for an organisation; a code taken; a state that is no country.
        code: fc.constantFrom('FRA', f.a, f.b),
        kind: fc.constant('state'),
        names: fc.constantFrom({ en: 'only English' }, { fr: 'seulement', ar: 'فقط' }),
        leftOn: fc.constantFrom('1900-01-01', '2014-09-10'),
      },
    }),

  'PATCH /api/v1/members/:code': (f) => {
    const { code: _code, kind: _kind, ...bad } = memberBad;
    return route({
      method: 'PATCH',
      url: ([code]) => `/api/v1/members/${code}`,
      schema: UpdateMemberBody,
      params: fc.constantFrom([f.a]),
      badParams: memberCodeBad.map((c) => [encodeURIComponent(c)]),
      versionAt: ([code]) => `/api/v1/members/${code}`,
      valid: fc.record(
        { note: safeText, names: safeText.map((en) => ({ en })), status: fc.constant('active') },
        {
          requiredKeys: [],
        },
      ),
      bad: { ...bad, code: fc.constantFrom(f.b, 'XXX'), kind: fc.constantFrom('state', 'organization') },
      // A joined on 2014-09-11: leaving before that is refused.
      refused: { leftOn: fc.constantFrom('1900-01-01', '2014-09-10'), joinedOn: fc.constantFrom('2999-01-01') },
    });
  },

  'POST /api/v1/meetings': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/meetings',
      schema: CreateMeetingBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc
        .record({
          kind: fc.constantFrom(...MeetingKind.options),
          title: safeText,
          timeZone: fc.constantFrom('Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Riyadh'),
          startDate: fc.constantFrom('2030-01-01', '2031-06-30'),
          hostCode: fc.constantFrom(f.a, f.b, null),
          chairIds: fc.constantFrom([], [f.pa.id]),
          agenda: fc.array(fc.record({ title: safeText }), { maxLength: 2 }),
          titleTranslations: fc.option(fc.record({ fr: safeText, ar: safeText }, { requiredKeys: [] }), {
            nil: undefined,
          }),
        })
        .map((m) => ({ ...m, endDate: m.startDate })),
      bad: meetingBad(f),
      refused: meetingRefused(f),
    }),

  'PATCH /api/v1/meetings/:id': (f) =>
    route({
      method: 'PATCH',
      url: ([id]) => `/api/v1/meetings/${id}`,
      schema: UpdateMeetingBody,
      params: fc.constantFrom([f.planned], [f.held], [f.restricted]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
        uuid.map((id) => [id]),
      ),
      versionAt: ([id]) => `/api/v1/meetings/${id}`,
      // Every meeting here keeps a French translation of its title, so that French stays refused as its working language.
      valid: fc.record(
        {
          title: safeText,
          titleTranslations: fc.record({ fr: safeText, ar: safeText }, { requiredKeys: ['fr'] }),
          summary: safeText,
          city: safeText,
        },
        { requiredKeys: [] },
      ),
      bad: meetingBad(f),
      refused: { ...meetingRefused(f), workingLanguage: fc.constant('fr') },
    }),

  'POST /api/v1/meetings/:id/invitations': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/meetings/${id}/invitations`,
      schema: InviteBody,
      params: fc.constantFrom([f.planned], [f.restricted], [f.cancelled], [f.held]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
        uuid.map((id) => [id]),
      ),
      valid: fc.record({ memberCodes: fc.constantFrom([f.a], [f.b], [f.a, f.b]) }),
      bad: {
        memberCodes: fc.constantFrom(
          [],
          Array.from({ length: 301 }, () => f.a),
          f.a,
          ['a b'],
          [''],
        ),
      },
      refused: { memberCodes: fc.constantFrom(['ZZZ9'], [f.a, 'ZZZ9'], ['NOBODY1', 'NOBODY2']) },
    }),

  'PUT /api/v1/meetings/:id/delegations/:memberCode': (f) =>
    route({
      method: 'PUT',
      url: ([id, code]) => `/api/v1/meetings/${id}/delegations/${code}`,
      schema: PutDelegationBody,
      params: fc.constantFrom([f.planned, f.a], [f.planned, f.b], [f.held, f.a], [f.restricted, f.a]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([f.planned, f.c], [f.planned, 'ZZZ9'], [MISSING_ID, f.a], ['not-a-uuid', f.a]),
        memberCodeBad.map((c) => [f.planned, encodeURIComponent(c)]),
      ),
      versionAt: ([id, code]) => `/api/v1/meetings/${id}/delegations/${code}`,
      valid: fc.record({
        level: fc.constantFrom(...RepresentationLevel.options, null),
        // A's person, or a new one: naming someone new writes a person before the later checks.
        head: fc.constantFrom({ personId: f.pa.id }, { name: 'New Head', title: 'Envoy' }),
        alternates: fc.constant([]),
        advisers: fc.constantFrom([], [{ name: 'New Adviser' }]),
      }),
      bad: {
        level: fc.constantFrom('king', 'MINISTER', ''),
        head: delegateBad,
        alternates: fc.oneof(
          fc.array(delegateBad, { minLength: 1, maxLength: 2 }),
          fc.constant(Array.from({ length: 21 }, (_, i) => ({ name: `A${i}` }))),
        ),
        advisers: fc.array(delegateBad, { minLength: 1, maxLength: 2 }),
      },
      refused: {
        // No such person; someone who speaks for B.
        head: fc.oneof(
          uuid.map((personId) => ({ personId })),
          fc.constant({ personId: f.pb.id }),
        ),
        alternates: fc.constantFrom(
          // Over the quota (1+3); A's person twice when the head is them too.
          [{ name: 'A1' }, { name: 'A2' }, { name: 'A3' }, { name: 'A4' }],
          [{ personId: f.pa.id }],
          // Someone who sits on B's delegation: refused (409) after the new head was created.
          [{ personId: f.moved.id }],
        ),
      },
      who: fc.constantFrom<Who>('secretariat', 'secretariat', 'focal_point', 'focal_point', 'observer', 'anonymous'),
    }),

  'PUT /api/v1/meetings/:id/attendance/:memberCode': (f) =>
    route({
      method: 'PUT',
      url: ([id, code]) => `/api/v1/meetings/${id}/attendance/${code}`,
      schema: PutAttendanceBody,
      params: fc.constantFrom([f.planned, f.a], [f.held, f.a], [f.cancelled, f.a], [f.restricted, f.a]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([f.planned, f.c], [f.planned, 'ZZZ9'], [MISSING_ID, f.a], ['not-a-uuid', f.a]),
        memberCodeBad.map((c) => [f.planned, encodeURIComponent(c)]),
      ),
      versionAt: ([id, code]) => `/api/v1/meetings/${id}/delegations/${code}`,
      valid: fc.record(
        { attendance: fc.constantFrom(...AttendanceStatus.options), note: fc.oneof(safeText, fc.constant(null)) },
        { requiredKeys: ['attendance'] },
      ),
      bad: {
        attendance: fc.constantFrom('maybe', 'PRESENT', ''),
        note: fc.oneof(nul, tooLong(1000)),
      },
    }),

  'POST /api/v1/meetings/:id/remarks': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/meetings/${id}/remarks`,
      schema: CreateRemarkBody,
      params: fc.constantFrom([f.planned], [f.held], [f.restricted]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
        uuid.map((id) => [id]),
      ),
      valid: fc.record({
        personId: fc.constantFrom(f.pa.id, f.pb.id),
        context: fc.oneof(safeText, fc.constant(null)),
        quotes: fc.array(fc.record({ text: safeText }), { maxLength: 2 }),
      }),
      bad: {
        personId: fc.constantFrom('not-a-uuid', ''),
        context: fc.oneof(nul, tooLong(500)),
        quotes: fc.constantFrom(
          Array.from({ length: 51 }, () => ({ text: 'q' })),
          [{ text: '' }],
          [{ text: 'x'.repeat(5001) }],
          [{ text: 'a\u0000b' }],
          [{ text: 'ok', context: 'x'.repeat(501) }],
        ),
      },
      refused: { personId: uuid },
    }),

  'POST /api/v1/people/:id/merge': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/people/${id}/merge`,
      schema: MergePersonBody,
      // A merge that succeeds deletes its person: the later ones answer 404, as they should.
      params: fc.constantFrom(...f.twins.map((t) => [t.id])),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid'], ['']),
        uuid.map((id) => [id]),
      ),
      valid: fc.record({ into: fc.constantFrom(...f.twins.map((t) => t.id)) }),
      bad: { into: fc.constantFrom('not-a-uuid', '', 'x'.repeat(37)) },
      // No such person; someone of another member.
      refused: { into: fc.oneof(uuid, fc.constant(f.pa.id), fc.constant(f.pb.id)) },
    }),

  'POST /api/v1/auth/sign-in': (f) =>
    route({
      method: 'POST',
      url: () => '/api/v1/auth/sign-in',
      schema: SignInBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc.constant({ email: f.account.email, password: f.account.password }),
      bad: {
        email: fc.constantFrom('not an email', `${'a'.repeat(250)}@x.org`, '', 'a@'),
        password: fc.constantFrom('', 'x'.repeat(1025)),
      },
      refused: {
        email: fc.oneof(fc.emailAddress(), fc.constantFrom('nobody@example.org', ` ${f.account.email.toUpperCase()} `)),
        password: fc.oneof(fc.string({ minLength: 1 }), nul),
      },
      // Never a session another attempt uses: a sign-in revokes the session it is sent with.
      who: fc.constantFrom<Who>('anonymous', 'fresh_session', 'revoked_session', 'garbage_cookie'),
    }),

  'PUT /api/v1/auth/me/language': () =>
    route({
      method: 'PUT',
      url: () => '/api/v1/auth/me/language',
      schema: SetLanguageBody,
      params: fc.constant([]),
      badParams: fc.constant([]),
      valid: fc.record({ language: fc.constantFrom(...Language.options) }),
      bad: { language: fc.constantFrom('de', 'EN', '', 'fr-CA', 'arabic', ' ar') },
      // The service refuses no well-formed choice (the one already made writes nothing): the three
      // are listed so that requests that reach it weigh as much as on the other routes.
      refused: { language: fc.constantFrom(...Language.options) },
    }),

  'POST /api/v1/notifications/:id/read': (f) =>
    bodylessRoute(
      fc
        .oneof(fc.constantFrom(f.notifications.mine, f.notifications.theirs, MISSING_ID), uuid, hostilePathPart)
        .map((id) => `/api/v1/notifications/${encodeURIComponent(String(id))}/read`),
    ),
  'POST /api/v1/notifications/read-all': () => bodylessRoute(fc.constant('/api/v1/notifications/read-all')),

  'POST /api/v1/auth/sign-out': () => signOutRoute('/api/v1/auth/sign-out'),
  'POST /api/v1/auth/sign-out-everywhere': () => signOutRoute('/api/v1/auth/sign-out-everywhere'),
  // No body either: what can be wrong is the session, the body sent anyway, the type.
  'POST /api/v1/auth/me/calendar-link': () => signOutRoute('/api/v1/auth/me/calendar-link'),

  // Last: a secretariat's accepted request deletes a fixture that the routes above use.
  'PATCH /api/v1/meetings/:id/remarks/:remarkId': (f) =>
    route({
      method: 'PATCH',
      url: ([id, remarkId]) => `/api/v1/meetings/${id}/remarks/${remarkId}`,
      schema: UpdateRemarkBody,
      params: fc.constant([f.planned, f.remark]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([f.held, f.remark], [f.planned, MISSING_ID], [MISSING_ID, f.remark]),
        fc.tuple(fc.constantFrom(f.planned, f.restricted), uuid),
        fc.constant<string[]>([f.planned, 'not-a-uuid']),
      ),
      versionAt: ([id, remarkId]) => `/api/v1/meetings/${id}#remarks=${remarkId}`,
      valid: fc.record(
        {
          context: fc.oneof(safeText, fc.constant(null)),
          quotes: fc.array(fc.record({ text: safeText }), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      bad: {
        context: fc.oneof(nul, tooLong(500)),
        quotes: fc.constantFrom(
          Array.from({ length: 51 }, () => ({ text: 'q' })),
          [{ text: '' }],
          [{ text: 'a\u0000b' }],
          [{ text: 'x'.repeat(5001) }],
          [{ text: 'ok', context: 'x'.repeat(501) }],
        ),
      },
    }),
  'DELETE /api/v1/meetings/:id/remarks/:remarkId': (f) =>
    bodylessRoute(
      fc
        .oneof(
          fc.constantFrom(`${f.held}/remarks/${f.remark}`, `${f.planned}/remarks/${MISSING_ID}`),
          fc.constantFrom(`${f.planned}/remarks/${f.remark}`),
          uuid.map((id) => `${f.planned}/remarks/${id}`),
          hostilePathPart.map((part) => `${f.planned}/remarks/${part}`),
        )
        .map((path) => `/api/v1/meetings/${path}`),
      'DELETE',
    ),
  'POST /api/v1/statements/:id/procedures': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/statements/${id}/procedures`,
      schema: OpenProcedureBody,
      params: fc.constant([f.procedures.draft]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid'], [f.procedures.silence]),
        uuid.map((id) => [id]),
      ),
      valid: fc.record(
        {
          kind: fc.constantFrom(...ProcedureKind.options),
          textVersion: fc.constantFrom(1, 2),
          deadline: fc.constantFrom(PROCEDURE_DEADLINE, '2030-06-15T14:00:00+02:00'),
          timeZone: fc.constantFrom('Europe/Brussels', 'UTC'),
          members: fc.constantFrom([f.a], [f.a, f.b]),
        },
        { requiredKeys: ['kind', 'textVersion', 'deadline', 'members'] },
      ),
      bad: {
        kind: fc.constantFrom('vote', '', 'SILENCE'),
        textVersion: fc.constantFrom(0, -1, 1.5, '1'),
        deadline: fc.constantFrom('tomorrow', '2030-13-01T00:00:00Z', '2030-07-01', '2030-07-01T00:00:00'),
        timeZone: fc.constantFrom('Mars/Olympus', 'EST', ''),
        members: fc.constantFrom(
          [],
          Array.from({ length: 301 }, () => f.a),
          ['a b'],
        ),
      },
      // A version it does not have, a deadline now or past, a member nobody has.
      refused: {
        textVersion: fc.constantFrom(3, 99),
        deadline: fc.constantFrom(NOW, '2030-06-15T11:59:59Z', '2014-12-05T17:00:00+01:00'),
        members: fc.constantFrom(['ZZZ9'], [f.a, 'NOBODY1']),
      },
    }),

  'POST /api/v1/procedures/:id/responses': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/procedures/${id}/responses`,
      schema: RespondBody,
      params: fc.constantFrom([f.procedures.endorsement], [f.procedures.endorsement], [f.procedures.silence]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
        uuid.map((id) => [id]),
      ),
      who: fc.constantFrom<Who>(
        'focal_point',
        'focal_point',
        'focal_point',
        'focal_point',
        'secretariat',
        'observer',
        'anonymous',
      ),
      valid: fc.record(
        {
          memberCode: fc.constant(f.a),
          response: fc.constant('endorse'),
          reason: safeText,
          paragraph: fc.constantFrom(1, 2),
          proposedText: safeText,
        },
        { requiredKeys: ['memberCode', 'response', 'paragraph'] },
      ),
      bad: {
        memberCode: fc.constantFrom('', 'a b', 'A'.repeat(13)),
        response: fc.constantFrom('veto', '', 'BREAK'),
        reason: fc.oneof(nul, tooLong(4000), fc.constant('')),
        paragraph: fc.constantFrom(0, -1, 1.5, '1'),
        proposedText: fc.oneof(nul, tooLong(10_000)),
      },
      // Another member's, a member not circulated or nobody's; a paragraph the text lacks; a break without a reason.
      refused: {
        memberCode: fc.constantFrom(f.b, f.c, 'ZZZ9'),
        paragraph: fc.constantFrom(3, 99),
        response: fc.constant('break'),
      },
    }),

  'POST /api/v1/procedures/:id/extend': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/procedures/${id}/extend`,
      schema: ExtendProcedureBody,
      params: fc.constant([f.procedures.extended]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
        uuid.map((id) => [id]),
      ),
      versionAt: ([id]) => `/api/v1/procedures/${id}`,
      valid: fc.record({ deadline: fc.constantFrom('2030-08-01T00:00:00Z', '2030-09-01T00:00:00Z'), reason: safeText }),
      bad: {
        deadline: fc.constantFrom('later', '2030-02-30T00:00:00Z', '2030-08-01'),
        reason: fc.oneof(nul, tooLong(2000), fc.constant('')),
      },
      // Not later than the current deadline.
      refused: { deadline: fc.constantFrom(PROCEDURE_DEADLINE, '2030-06-20T00:00:00Z', NOW) },
    }),

  'POST /api/v1/procedures/:id/withdraw': (f) =>
    route({
      method: 'POST',
      url: ([id]) => `/api/v1/procedures/${id}/withdraw`,
      schema: WithdrawProcedureBody,
      params: fc.constantFrom([f.procedures.withdrawn], [f.procedures.withdrawn], [f.procedures.silence]),
      badParams: fc.oneof(
        fc.constantFrom<string[]>([MISSING_ID], ['not-a-uuid']),
        uuid.map((id) => [id]),
      ),
      versionAt: ([id]) => `/api/v1/procedures/${id}`,
      valid: fc.record({ reason: safeText }),
      bad: { reason: fc.oneof(nul, tooLong(2000), fc.constant('')) },
    }),

  'DELETE /api/v1/meetings/:id/invitations/:memberCode': (f) =>
    bodylessRoute(
      fc
        .tuple(
          fc.oneof(fc.constantFrom(f.planned, f.held, f.cancelled, f.restricted, MISSING_ID), uuid, hostilePathPart),
          fc.oneof(fc.constantFrom(f.a, f.b, f.c), memberCodeBad.map(encodeURIComponent)),
        )
        .map(([id, code]) => `/api/v1/meetings/${id}/invitations/${code}`),
      'DELETE',
    ),
};

/** Sign-out takes no body: what can be wrong is the session, the body sent anyway, the type. */
function signOutRoute(url: string): fc.Arbitrary<Attempt> {
  const wellFormed = fc
    .tuple(
      fc.constantFrom<Who>('fresh_session', 'fresh_session', 'revoked_session', 'garbage_cookie', 'anonymous'),
      fc.oneof(
        fc.constant({ contentType: null, payload: '' }),
        fc.constant({ contentType: 'application/json', payload: '{}' }),
        fc.constant({ contentType: 'application/json', payload: '' }),
        fc.jsonValue().map((v) => ({ contentType: 'application/json', payload: json(v) })),
      ),
    )
    .map(([who, body]): Attempt => ({ method: 'POST', url, who, ...body }));
  const hostile = fc
    .tuple(
      fc.constantFrom<Who>('fresh_session', 'revoked_session', 'garbage_cookie', 'anonymous'),
      hostileBody,
      hostileContentType,
    )
    .map(([who, payload, contentType]): Attempt => ({ method: 'POST', url, who, contentType, payload }));
  return fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: hostile });
}

/** A route that takes no body: what can be wrong is the path, the caller, the body sent anyway, the type. */
function bodylessRoute(url: fc.Arbitrary<string>, method = 'POST'): fc.Arbitrary<Attempt> {
  const wellFormed = fc
    .tuple(
      url,
      whoOfRole,
      fc.oneof(
        fc.constant({ contentType: null, payload: '' }),
        fc.constant({ contentType: 'application/json', payload: '{}' }),
        fc.jsonValue().map((v) => ({ contentType: 'application/json', payload: json(v) })),
      ),
    )
    .map(([u, who, body]): Attempt => ({ method, url: u, who, ...body }));
  const hostile = fc
    .tuple(url, whoOfRole, hostileBody, hostileContentType)
    .map(([u, who, payload, contentType]): Attempt => ({ method, url: u, who, contentType, payload }));
  return fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: hostile });
}

describe.each(engines)('hostile input on %s', (engine) => {
  let ctx: TestContext;
  let fixtures: Fixtures;
  const clock = fixedClock(NOW);
  const sessions: Partial<Record<Who, TestUser>> = {};
  let sessionOwner: TestUser;

  beforeAll(async () => {
    // A fixed clock: a session's last use is touched at most once a minute, which would
    // otherwise make a refused request look as if it had written something.
    ctx = await createTestApp(engine, {
      seed: false,
      clock,
      // Throttled sign-ins never reach the password check; these attempts should.
      session: { maxFailuresPerAccount: 1_000_000, maxFailuresPerAddress: 1_000_000 },
    });
    const [a, b, c] = [
      await buildMember(ctx, { joinedOn: '2014-09-11' }),
      await buildMember(ctx),
      await buildMember(ctx),
    ];
    const pa = await buildPerson(ctx, { member: a.code });
    const pb = await buildPerson(ctx, { member: b.code });
    const moved = await buildPerson(ctx, { member: b.code });
    // Titles in English (the working language), each with a French translation.
    const titleTranslations = { fr: 'Réunion' };
    const planned = await buildMeeting(ctx, { invite: [a.code], titleTranslations });
    await buildDelegation(ctx, {
      meeting: planned.id,
      member: b.code,
      named: { head: { personId: pb.id }, alternates: [{ personId: moved.id }] },
    });
    // Someone on B's delegation who has since moved to A's service (the registry keeps one row).
    await ctx.database.db.update(people).set({ memberId: a.id }).where(eq(people.id, moved.id));
    const held = await buildMeeting(ctx, { status: 'held', invite: [a.code], titleTranslations });
    const cancelled = await buildMeeting(ctx, { status: 'cancelled', invite: [a.code] });
    const restricted = await buildMeeting(ctx, {
      visibility: 'restricted',
      restrictedTo: [b.code],
      invite: [a.code, b.code],
      titleTranslations,
    });
    fixtures = {
      a: a.code,
      b: b.code,
      c: c.code,
      pa,
      pb,
      moved: { ...moved, memberId: a.id, memberCode: a.code },
      twins: [
        await buildPerson(ctx, { member: c.code }),
        await buildPerson(ctx, { member: c.code }),
        await buildPerson(ctx, { member: c.code }),
      ],
      planned: planned.id,
      held: held.id,
      cancelled: cancelled.id,
      restricted: restricted.id,
      remark: '',
      account: await buildUser(ctx, { role: 'observer' }),
      notifications: { mine: '', theirs: '' },
      procedures: { draft: '', silence: '', endorsement: '', extended: '', withdrawn: '' },
      statements: { draft: '', restricted: '', toAdopt: '', adopted: '', decision: '', followUp: '', position: '' },
      pledges: { line: '', pledgedA: '', committedA: '', pledgedB: '' },
      group: { key: '', office: '', otherOffice: '' },
      reporting: { line: '', plain: '', fresh: '', split: '', yearly: '', period: '', locked: '', periodIds: {} },
      source: '',
    };
    const group = await buildWorkingGroup(ctx, { offices: [{ memberCode: a.code, fromOn: '2014-12-03' }] });
    const otherGroup = await buildWorkingGroup(ctx, { offices: [{ memberCode: b.code, fromOn: '2014-12-03' }] });
    fixtures.group = { key: group.key, office: group.offices[0].id, otherOffice: otherGroup.offices[0].id };
    sessions.secretariat = await buildUser(ctx, { role: 'secretariat' });
    sessions.focal_point = await buildUser(ctx, { role: 'focal_point', member: a.code });
    sessions.observer = await buildUser(ctx, { role: 'observer' });
    sessionOwner = await buildUser(ctx, { role: 'observer' });
    const remarked = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${planned.id}/remarks`,
      headers: { cookie: sessions.secretariat.cookie },
      payload: { personId: pa.id, quotes: [{ text: 'We stand together.' }] },
    });
    fixtures.remark = remarked.json().remarks[0].id;
    // Invitations tell focal points: one to the session's focal point of A, one to a focal point of C.
    const stranger = await buildUser(ctx, { role: 'focal_point', member: c.code });
    await buildMeeting(ctx, { invite: [a.code, c.code] });
    const notificationOf = async (user: TestUser) =>
      (await ctx.app.inject({ url: '/api/v1/notifications', headers: { cookie: user.cookie } })).json().items[0].id;
    fixtures.notifications = {
      mine: await notificationOf(sessions.focal_point),
      theirs: await notificationOf(stranger),
    };
    const toCirculate = await buildStatement(ctx, { text: 'One.\n\nTwo.' });
    await buildTextVersion(ctx, toCirculate.id);
    const open = (kind: 'silence' | 'endorsement') =>
      buildProcedure(ctx, { kind, deadline: PROCEDURE_DEADLINE, members: [a.code, b.code] }).then((p) => p.id);
    fixtures.procedures = {
      draft: toCirculate.id,
      silence: await open('silence'),
      endorsement: await open('endorsement'),
      extended: await open('silence'),
      withdrawn: await open('silence'),
    };
    const draft = await buildStatement(ctx, {
      visibility: 'coalition',
      translations: { fr: { title: 'Projet' } },
      text: 'One.',
    });
    await buildTextVersion(ctx, draft.id, 'One, amended.');
    const adopted = await buildAdoptedStatement(ctx, { meetingId: held.id });
    const decision = adopted.adoption?.decisionId as string;
    const admin = { cookie: sessions.secretariat.cookie };
    const followUp = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/decisions/${decision}/follow-ups`,
      headers: admin,
      payload: { text: 'Report.', ownerWorkingGroup: 'A group' },
    });
    const position = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/statements/${adopted.id}/positions`,
      headers: admin,
      payload: { memberCode: a.code, kind: 'reservation', text: 'Reserved.' },
    });
    fixtures.statements = {
      draft: draft.id,
      restricted: (await buildStatement(ctx, { visibility: 'restricted', restrictedTo: [b.code], text: 'Restricted.' }))
        .id,
      toAdopt: (await buildStatement(ctx, { text: 'To adopt.' })).id,
      adopted: adopted.id,
      decision,
      followUp: followUp.json().id,
      position: position.json().id,
    };
    const line = (await buildLineOfEffort(ctx)).key;
    const committedA = await buildPledge(ctx, { memberCode: a.code, lineOfEffort: line });
    await buildPledgeEvent(ctx, committedA, { status: 'committed', on: '2015-04-01' });
    fixtures.pledges = {
      line,
      pledgedA: (await buildPledge(ctx, { memberCode: a.code, lineOfEffort: line })).id,
      committedA: committedA.id,
      pledgedB: (await buildPledge(ctx, { memberCode: b.code, lineOfEffort: line })).id,
    };

    // Reporting: A's report in an open period, submitted; a period that closed before NOW.
    const reportLine = (await buildLineOfEffort(ctx)).key;
    const plain = await buildIndicator(ctx, { lineOfEffort: reportLine });
    const split = await buildIndicator(ctx, {
      lineOfEffort: reportLine,
      categories: [
        { key: 'oil_sales', names: { en: 'Oil sales' } },
        { key: 'ransom', names: { en: 'Ransom' } },
      ],
    });
    const openPeriod = await buildPeriod(ctx, { period: '2030-05', closesOn: '2030-12-31' });
    const locked = await buildPeriod(ctx, { period: '2030-04', closesOn: '2030-05-15' });
    await buildReport(ctx, {
      period: openPeriod.period,
      member: a.code,
      values: [
        { indicator: plain.key, value: 10 },
        { indicator: split.key, category: 'oil_sales', value: 5 },
      ],
      state: 'submitted',
    });
    await buildReport(ctx, { period: locked.period, member: a.code, values: [{ indicator: plain.key, value: 1 }] });
    fixtures.reporting = {
      line: reportLine,
      plain: plain.key,
      fresh: (await buildIndicator(ctx, { lineOfEffort: reportLine })).key,
      split: split.key,
      yearly: (await buildIndicator(ctx, { lineOfEffort: reportLine, periodType: 'year' })).key,
      period: openPeriod.period,
      locked: locked.period,
      periodIds: { [openPeriod.period]: openPeriod.id, [locked.period]: locked.id },
    };
    fixtures.source = (
      await buildSource(ctx, {
        links: [
          { subject: 'member', key: a.code },
          { subject: 'meeting', key: restricted.id },
        ],
      })
    ).id;
  });
  afterAll(() => ctx?.close());

  /** A session of the session owner's, made in the database (no password hashing per attempt). */
  async function newSession(revoked: boolean): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await ctx.database.db.transaction(async (tx) => {
      await insertSession(tx, clock, {
        userId: sessionOwner.id,
        tokenHash: hashToken(token),
        absoluteHours: 24,
        ip: '127.0.0.1',
        userAgent: null,
      });
      if (revoked) await revokeSessionByHash(tx, clock, hashToken(token));
    });
    return `entente_session=${token}`;
  }

  async function cookieOf(who: Who): Promise<string | null> {
    if (who === 'anonymous') return null;
    if (who === 'garbage_cookie') return `entente_session=${randomBytes(8).toString('hex')}; other=%%%`;
    if (who === 'fresh_session' || who === 'revoked_session') return newSession(who === 'revoked_session');
    return (sessions[who] as TestUser).cookie;
  }

  /** The version at `url`, or (`…#remarks=<id>`, `…#followUps=<id>`) of one item of that list on the page there. */
  async function currentVersion(at: string): Promise<string> {
    const [url, fragment] = at.split('#');
    const [list, itemId] = fragment ? fragment.split('=') : [];
    const res = await ctx.app.inject({ url, headers: { cookie: (sessions.secretariat as TestUser).cookie } });
    if (res.statusCode !== 200) return '"1"';
    const record = list
      ? res.json()[list].find((r: { id: string }) => r.id === itemId)
      : (res.json() as { version: number });
    return record ? `"${record.version}"` : '"1"';
  }

  /** Sends one attempt and checks the rule; returns its status. */
  async function run(attempt: Attempt): Promise<void> {
    const headers: Record<string, string> = {};
    const cookie = await cookieOf(attempt.who);
    if (cookie) headers.cookie = cookie;
    if (attempt.contentType) headers['content-type'] = attempt.contentType;
    if (attempt.ifMatch === CURRENT) headers['if-match'] = await currentVersion(attempt.versionAt as string);
    else if (typeof attempt.ifMatch === 'string') headers['if-match'] = attempt.ifMatch;

    const before = await databaseSnapshot(ctx.database);
    const res = await ctx.app.inject({
      method: attempt.method as 'POST',
      url: attempt.url,
      headers,
      payload: attempt.payload,
    });
    const what = `${attempt.method} ${attempt.url} as ${attempt.who} (${JSON.stringify(headers)}) ${attempt.payload.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 500)}`;
    expect(res.statusCode, what).toBeLessThan(500);
    if (res.statusCode < 400) return;
    expect(res.headers['content-type'], what).toContain('application/problem+json');
    // A code on every refusal, and on each of its field errors: the interface translates from them.
    expect(() => parseProblem(res.body), what).not.toThrow();
    const after = await databaseSnapshot(ctx.database);
    if (attempt.url === '/api/v1/auth/sign-in' && res.statusCode === 401) {
      // A refused sign-in is counted, by design (the throttle): one failure row, nothing else.
      const { sign_in_failures: failuresAfter, ...restAfter } = after;
      const { sign_in_failures: failuresBefore, ...restBefore } = before;
      expect(restAfter, what).toEqual(restBefore);
      const added = failuresAfter.filter((row) => !failuresBefore.includes(row)).map((row) => JSON.parse(row));
      expect(failuresAfter.length, what).toBe(failuresBefore.length + 1);
      expect(added, what).toEqual([expect.objectContaining({ ip: '127.0.0.1' })]);
    } else if (
      attempt.url === '/api/v1/imports' &&
      res.statusCode === 400 &&
      res.json().errors?.[0]?.path.startsWith('rows.')
    ) {
      // A file with bad rows is recorded, by design (its import's bad rows, for its progress page): one failed import, nothing else.
      const { imports: importsAfter, ...restAfter } = after;
      const { imports: importsBefore, ...restBefore } = before;
      expect(restAfter, what).toEqual(restBefore);
      const added = importsAfter.filter((row) => !importsBefore.includes(row)).map((row) => JSON.parse(row));
      expect(added, what).toEqual([expect.objectContaining({ status: 'failed' })]);
    } else {
      expect(after, what).toEqual(before);
    }
  }

  it('snapshots every table the migrations made', async () => {
    const { rows } = (await ctx.database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    )) as unknown as { rows: { table_name: string }[] };
    const snapshot = await databaseSnapshot(ctx.database);
    expect(Object.keys(snapshot).sort()).toEqual(rows.map((r) => r.table_name).sort());
  });

  it('has a generator for every write route the app registers', () => {
    const writes = ctx.app.routeList
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(Object.keys(generators).sort()).toEqual(writes);
  });

  it.each(Object.keys(generators))(
    '%s: never a 5xx; a refused request is problem+json and changes nothing',
    async (key) => {
      await fc.assert(
        fc.asyncProperty(generators[key](fixtures), async (attempt) => {
          await run(attempt);
        }),
        { numRuns: RUNS },
      );
    },
    300_000,
  );

  it("sends a good share of each route's requests past the parser and the schema, into its service", () => {
    // Measured on a large sample of what the generators make, not on the few runs above, so that
    // it says something about the generators and never fails by chance.
    const shares = Object.fromEntries(
      Object.entries(generators)
        // Routes without a body have no schema to get past.
        .filter(
          ([key]) =>
            !key.includes('/sign-out') &&
            !key.includes('/notifications/') &&
            !key.endsWith('/calendar-link') &&
            !key.startsWith('DELETE '),
        )
        .map(([key, generator]) => {
          const sample = fc.sample(generator(fixtures), { numRuns: 2000, seed: 42 });
          return [key, Math.round((100 * sample.filter(passesSchema).length) / sample.length)];
        }),
    );
    for (const [key, share] of Object.entries(shares))
      expect({ key, share, enough: share >= 30 }).toMatchObject({ key, enough: true });
  });

  it('answers every read of hostile paths and queries without a 5xx, and a read changes nothing', async () => {
    const reads = ctx.app.routeList.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'));
    const read = fc.tuple(
      fc.constantFrom(...reads.map((r) => r.url)),
      fc.array(hostilePathPart, { minLength: 2, maxLength: 2 }),
      fc.dictionary(
        fc.constantFrom(
          'kind',
          'q',
          'limit',
          'before',
          'member',
          'when',
          'status',
          'from',
          'to',
          'entityId',
          'statementId',
        ),
        anyText,
      ),
      fc.constantFrom<Who>('anonymous', 'secretariat', 'focal_point', 'garbage_cookie'),
    );
    await fc.assert(
      fc.asyncProperty(read, async ([template, parts, query, who]) => {
        let i = 0;
        const path = template.replace(/:[a-zA-Z]+/g, () => parts[i++] ?? '');
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const cookie = await cookieOf(who);
        const before = await databaseSnapshot(ctx.database);
        const res = await ctx.app.inject({ url: `${path}?${search}`, headers: cookie ? { cookie } : {} });
        expect(res.statusCode, `${path}?${search} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(() => parseProblem(res.body), `${path}?${search} → ${res.body.slice(0, 300)}`).not.toThrow();
        }
        expect(await databaseSnapshot(ctx.database)).toEqual(before);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 300_000);
});
