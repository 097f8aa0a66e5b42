import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/auth.js';
import { fixedClock } from '../lib/clock.js';
import {
  buildAdoptedStatement,
  buildDelegation,
  buildMeeting,
  buildMember,
  buildPerson,
  buildProcedure,
  buildStatement,
  uniqueMemberCode,
} from './factories.js';
import { approveValues, buildFiguresIndicator } from './figures-factories.js';
import {
  createTestApp,
  engines,
  parseProblem,
  signedInUser,
  signIn,
  type TestContext,
  type TestUser,
} from './harness.js';
import { buildPledge } from './pledge-factories.js';
import {
  buildIndicator,
  buildLineOfEffort,
  buildPeriod,
  buildReport,
  buildWorkingGroup,
  multipartBody,
} from './progress-factories.js';
import { buildSource } from './source-factories.js';

type Who = 'anonymous' | Role;
const everyone: Who[] = ['anonymous', 'observer', 'focal_point', 'secretariat', 'admin'];

interface Case {
  /** Builds the request for this role (some routes need fresh data each time). */
  request: (
    who: Who,
    user: TestUser | null,
  ) => Promise<{ method: string; url: string; payload?: unknown; headers?: Record<string, string> }>;
  expected: Record<Who, number>;
  /** The request carries its own session (or none) instead of the role's: routes that start or end sessions. */
  ownSession?: boolean;
}

const all = (status: number): Record<Who, number> =>
  Object.fromEntries(everyone.map((w) => [w, status])) as Record<Who, number>;
const secretariatOnly = (ok: number): Record<Who, number> => ({
  anonymous: 401,
  observer: 403,
  focal_point: 403,
  secretariat: ok,
  admin: ok,
});
const signedIn = (ok: number): Record<Who, number> => ({ ...all(ok), anonymous: 401 });
/** After the matrix's clock (12 March 2030): the procedures it opens stay open through it. */
const PROCEDURE_DEADLINE = '2030-04-01T00:00:00Z';

/**
 * Every route × every role → the status that role gets. A route added to the app without a row
 * here fails the first test, so the matrix cannot fall behind.
 */
describe.each(engines)('authorization matrix on %s', (engine) => {
  let ctx: TestContext;
  const users = new Map<Who, TestUser | null>();
  // The member the matrix's focal points speak for, and one to edit.
  let member: string;
  let edited: string;

  // A throw-away session of the same user, for routes that end sessions.
  const throwAway = async (user: TestUser | null) => (user ? signIn(ctx.app, user.email, user.password) : null);
  const withCookie = (cookie: string | null): Record<string, string> => (cookie ? { cookie } : {});

  let meetingId: string;
  let chairId: string;
  const newMeeting = () => ({
    kind: 'working_group',
    title: `Working group ${randomBytes(2).toString('hex')}`,
    timeZone: 'Europe/London',
    startDate: '2027-05-04',
    endDate: '2027-05-04',
  });
  // If-Match takes the record's `version` (a meeting page's ETag is a hash of all it shows).
  const currentVersion = async (url: string) => {
    const res = await ctx.app.inject({ url, headers: { cookie: users.get('admin')?.cookie ?? '' } });
    return `"${res.json().version}"`;
  };

  // Statements: a draft nobody was circulated (the secretariat's alone), and an adopted public one with its decision.
  let draftId: string;
  let adoptedId: string;
  let decisionId: string;
  let followUpId: string;
  let importId: string | undefined;
  const asAdmin = () => ({ cookie: users.get('admin')?.cookie ?? '' });
  /** A position of the matrix's member on the adopted statement, recorded by the admin. */
  const freshPosition = async (): Promise<string> => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/statements/${adoptedId}/positions`,
      headers: asAdmin(),
      payload: { memberCode: member, kind: 'reservation', text: 'Reserved.' },
    });
    return res.json().id;
  };

  /** Remarks recorded by the admin, for a route that changes or deletes them. */
  const freshRemark = async (): Promise<{ id: string; version: number }> => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/remarks`,
      headers: { cookie: users.get('admin')?.cookie ?? '' },
      payload: { personId: chairId, quotes: [{ text: 'Fresh.' }] },
    });
    return res.json().remarks.at(-1);
  };

  // Figures: a public indicator with an approved value, on a line of effort of its own.
  let indicatorKey: string;
  // Lines of effort and working groups: a group of a line of its own, co-led by the matrix's member.
  let lineKey: string;
  let groupKey: string;
  let officeId: string;
  /** A pledge of the matrix's member (its focal point may write to it), on the matrix's line of effort. */
  let pledgeLine: string;
  const freshPledge = () => buildPledge(ctx, { memberCode: member, lineOfEffort: pledgeLine });
  // Reporting: a public monthly indicator, and a period in which the matrix's member has a draft.
  let reportPeriod: string;
  let periodCounter = 0;
  /** The matrix's member's report in a new period, brought to `state`, as a request to `path` with its If-Match. */
  const freshReport = async (state: 'draft' | 'submitted', path: string) => {
    const period = (await buildPeriod(ctx)).period;
    const report = await buildReport(ctx, {
      period,
      member,
      values: [{ indicator: indicatorKey, value: 7 }],
      state,
    });
    return {
      method: 'POST',
      url: `/api/v1/reports/${period}/${member}${path}`,
      headers: { 'if-match': `"${report.version}"` },
    };
  };

  const cases: Record<string, Case> = {
    'GET /api/v1/lines-of-effort': {
      request: async () => ({ method: 'GET', url: '/api/v1/lines-of-effort' }),
      expected: all(200),
    },
    'GET /api/v1/lines-of-effort/:key': {
      request: async () => ({ method: 'GET', url: `/api/v1/lines-of-effort/${lineKey}` }),
      expected: all(200),
    },
    'GET /api/v1/working-groups': {
      request: async () => ({ method: 'GET', url: '/api/v1/working-groups?on=2015-01-01' }),
      expected: all(200),
    },
    'GET /api/v1/working-groups/:key': {
      request: async () => ({ method: 'GET', url: `/api/v1/working-groups/${groupKey}` }),
      expected: all(200),
    },
    'POST /api/v1/working-groups/:key/offices': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/working-groups/${groupKey}/offices`,
        headers: { 'if-match': await currentVersion(`/api/v1/working-groups/${groupKey}`) },
        payload: { memberCode: member, role: 'participant', fromOn: '2015-01-01' },
      }),
      expected: secretariatOnly(201),
    },
    'PATCH /api/v1/working-groups/:key/offices/:id': {
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/working-groups/${groupKey}/offices/${officeId}`,
        headers: { 'if-match': await currentVersion(`/api/v1/working-groups/${groupKey}`) },
        payload: { toOn: '2016-01-01' },
      }),
      expected: secretariatOnly(200),
    },
    'GET /api/v1/health': { request: async () => ({ method: 'GET', url: '/api/v1/health' }), expected: all(200) },
    'GET /api/v1/audit/head': {
      request: async () => ({ method: 'GET', url: '/api/v1/audit/head' }),
      expected: all(200),
    },
    'GET /api/v1/audit/chain/:seq': {
      request: async () => ({ method: 'GET', url: '/api/v1/audit/chain/1' }),
      expected: all(200),
    },
    'GET /api/v1/health/live': {
      request: async () => ({ method: 'GET', url: '/api/v1/health/live' }),
      expected: all(200),
    },
    'GET /api/v1/health/ready': {
      request: async () => ({ method: 'GET', url: '/api/v1/health/ready' }),
      expected: all(200),
    },
    'GET /api/v1/members': { request: async () => ({ method: 'GET', url: '/api/v1/members' }), expected: all(200) },
    'GET /api/v1/members/:code': {
      request: async () => ({ method: 'GET', url: `/api/v1/members/${member}` }),
      expected: all(200),
    },
    'POST /api/v1/members': {
      request: async () => ({
        method: 'POST',
        url: '/api/v1/members',
        payload: { code: uniqueMemberCode(), kind: 'organization', names: { en: 'Org', fr: 'Org', ar: 'منظمة' } },
      }),
      expected: secretariatOnly(201),
    },
    'PATCH /api/v1/members/:code': {
      request: async () => {
        const current = await ctx.app.inject({ url: `/api/v1/members/${edited}` });
        return {
          method: 'PATCH',
          url: `/api/v1/members/${edited}`,
          headers: { 'if-match': current.headers.etag as string },
          payload: { note: `checked ${randomBytes(2).toString('hex')}` },
        };
      },
      expected: secretariatOnly(200),
    },
    'GET /api/v1/actors': { request: async () => ({ method: 'GET', url: '/api/v1/actors' }), expected: all(200) },
    'GET /api/v1/people': { request: async () => ({ method: 'GET', url: '/api/v1/people' }), expected: all(200) },
    'POST /api/v1/people/:id/merge': {
      // Two fresh records of one person each time: a merge deletes one of them.
      request: async () => {
        const [merged, into] = [await buildPerson(ctx, { member }), await buildPerson(ctx, { member })];
        return { method: 'POST', url: `/api/v1/people/${merged.id}/merge`, payload: { into: into.id } };
      },
      expected: secretariatOnly(200),
    },
    'POST /api/v1/auth/sign-in': {
      request: async (_who, user) => ({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: user ? { email: user.email, password: user.password } : { email: 'nobody@example.org', password: 'x' },
      }),
      expected: { ...all(204), anonymous: 401 },
      ownSession: true,
    },
    'POST /api/v1/auth/sign-out': {
      request: async (_who, user) => ({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: withCookie(await throwAway(user)),
      }),
      expected: all(204),
      ownSession: true,
    },
    'POST /api/v1/auth/sign-out-everywhere': {
      // A user of its own, so that ending every session does not sign out the rest of the matrix.
      request: async (who) => {
        const own = who === 'anonymous' ? null : await signedInUser(ctx, who, { member });
        return { method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: withCookie(own?.cookie ?? null) };
      },
      expected: signedIn(204),
      ownSession: true,
    },
    'GET /api/v1/auth/me': {
      request: async () => ({ method: 'GET', url: '/api/v1/auth/me' }),
      expected: signedIn(200),
    },
    'PUT /api/v1/auth/me/language': {
      // Every signed-in role sets its own; the matrix's users each choose one in turn.
      request: async (who) => ({
        method: 'PUT',
        url: '/api/v1/auth/me/language',
        payload: { language: who === 'admin' ? 'ar' : 'fr' },
      }),
      expected: signedIn(204),
    },
    'GET /api/v1/audit': {
      request: async () => ({ method: 'GET', url: '/api/v1/audit' }),
      expected: secretariatOnly(200),
    },
    'GET /api/v1/auth/session': {
      request: async () => ({ method: 'GET', url: '/api/v1/auth/session' }),
      expected: all(200),
    },
    'GET /api/v1/meetings': { request: async () => ({ method: 'GET', url: '/api/v1/meetings' }), expected: all(200) },
    'POST /api/v1/meetings': {
      request: async () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting() }),
      expected: secretariatOnly(201),
    },
    'GET /api/v1/meetings/:id': {
      request: async () => ({ method: 'GET', url: `/api/v1/meetings/${meetingId}` }),
      expected: all(200),
    },
    'PATCH /api/v1/meetings/:id': {
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/meetings/${meetingId}`,
        headers: { 'if-match': await currentVersion(`/api/v1/meetings/${meetingId}`) },
        payload: { summary: `checked ${randomBytes(2).toString('hex')}` },
      }),
      expected: secretariatOnly(200),
    },
    'POST /api/v1/meetings/:id/invitations': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/invitations`,
        payload: { memberCodes: [edited] },
      }),
      expected: secretariatOnly(200),
    },
    'GET /api/v1/meetings/:id/delegations/:memberCode': {
      request: async () => ({ method: 'GET', url: `/api/v1/meetings/${meetingId}/delegations/${member}` }),
      expected: all(200),
    },
    'PUT /api/v1/meetings/:id/delegations/:memberCode': {
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/meetings/${meetingId}/delegations/${member}`,
        headers: { 'if-match': await currentVersion(`/api/v1/meetings/${meetingId}/delegations/${member}`) },
        payload: { level: 'minister', head: { name: `Head ${randomBytes(2).toString('hex')}` } },
      }),
      // The focal points of the matrix speak for the member: theirs to name while the meeting is planned.
      expected: { anonymous: 401, observer: 403, focal_point: 200, secretariat: 200, admin: 200 },
    },
    'GET /api/v1/meetings/:id/attendance': {
      request: async () => ({ method: 'GET', url: `/api/v1/meetings/${meetingId}/attendance` }),
      expected: all(200),
    },
    'PUT /api/v1/meetings/:id/attendance/:memberCode': {
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/meetings/${meetingId}/attendance/${member}`,
        headers: { 'if-match': await currentVersion(`/api/v1/meetings/${meetingId}/delegations/${member}`) },
        payload: { attendance: 'present' },
      }),
      expected: secretariatOnly(200),
    },
    'GET /api/v1/meetings/:id/protocol-order': {
      request: async () => ({ method: 'GET', url: `/api/v1/meetings/${meetingId}/protocol-order` }),
      expected: all(200),
    },
    'POST /api/v1/meetings/:id/remarks': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/remarks`,
        payload: { personId: chairId, context: 'Opening', quotes: [{ text: 'Welcome.' }] },
      }),
      expected: secretariatOnly(201),
    },
    'DELETE /api/v1/meetings/:id/invitations/:memberCode': {
      // A fresh invitation each time: withdrawing it deletes it.
      request: async () => {
        const { memberCode } = await buildDelegation(ctx, { meeting: meetingId });
        return { method: 'DELETE', url: `/api/v1/meetings/${meetingId}/invitations/${memberCode}` };
      },
      expected: secretariatOnly(204),
    },
    'PATCH /api/v1/meetings/:id/remarks/:remarkId': {
      request: async () => {
        const remark = await freshRemark();
        return {
          method: 'PATCH',
          url: `/api/v1/meetings/${meetingId}/remarks/${remark.id}`,
          headers: { 'if-match': `"${remark.version}"` },
          payload: { context: 'Closing' },
        };
      },
      expected: secretariatOnly(200),
    },
    'DELETE /api/v1/meetings/:id/remarks/:remarkId': {
      request: async () => ({
        method: 'DELETE',
        url: `/api/v1/meetings/${meetingId}/remarks/${(await freshRemark()).id}`,
      }),
      expected: secretariatOnly(200),
    },
    'GET /api/v1/meetings/:id/calendar.ics': {
      request: async () => ({ method: 'GET', url: `/api/v1/meetings/${meetingId}/calendar.ics` }),
      expected: all(200),
    },
    'GET /api/v1/meetings/:id/delegations.csv': {
      request: async () => ({ method: 'GET', url: `/api/v1/meetings/${meetingId}/delegations.csv` }),
      expected: all(200),
    },
    'GET /api/v1/members/:code/delegations': {
      request: async () => ({ method: 'GET', url: `/api/v1/members/${member}/delegations` }),
      expected: all(200),
    },
    'GET /api/v1/calendar.ics': {
      request: async () => ({ method: 'GET', url: '/api/v1/calendar.ics' }),
      expected: all(200),
    },
    'GET /api/v1/notifications': {
      request: async () => ({ method: 'GET', url: '/api/v1/notifications' }),
      expected: signedIn(200),
    },
    'POST /api/v1/notifications/:id/read': {
      // Each time a fresh notification of the matrix's focal point: theirs to mark, nobody else's to see.
      request: async () => ({ method: 'POST', url: `/api/v1/notifications/${await focalPointNotification()}/read` }),
      expected: { anonymous: 401, observer: 404, focal_point: 204, secretariat: 404, admin: 404 },
    },
    'GET /api/v1/desk/invitations': {
      request: async () => ({ method: 'GET', url: '/api/v1/desk/invitations' }),
      expected: { anonymous: 401, observer: 403, focal_point: 200, secretariat: 403, admin: 403 },
    },
    'GET /api/v1/desk/secretariat': {
      request: async () => ({ method: 'GET', url: '/api/v1/desk/secretariat' }),
      expected: secretariatOnly(200),
    },
    'POST /api/v1/notifications/read-all': {
      request: async () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }),
      expected: signedIn(200),
    },
    'POST /api/v1/auth/me/calendar-link': {
      // Every signed-in role has a link of its own.
      request: async () => ({ method: 'POST', url: '/api/v1/auth/me/calendar-link' }),
      expected: signedIn(201),
    },
    'GET /api/v1/calendar/:token.ics': {
      // The token is the credential: whoever holds it reads its owner's calendar, with or without a session.
      request: async () => {
        const made = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/me/calendar-link',
          headers: { cookie: users.get('observer')?.cookie ?? '' },
        });
        return { method: 'GET', url: made.json().path };
      },
      expected: all(200),
    },
    'POST /api/v1/statements/:id/procedures': {
      // A new draft each time: circulating it puts it in procedure. A draft is hidden from all but the secretariat.
      request: async () => {
        const statement = await buildStatement(ctx, { text: 'One.' });
        return {
          method: 'POST',
          url: `/api/v1/statements/${statement.id}/procedures`,
          payload: { kind: 'silence', textVersion: 1, deadline: PROCEDURE_DEADLINE, members: [member] },
        };
      },
      expected: { anonymous: 401, observer: 404, focal_point: 404, secretariat: 201, admin: 201 },
    },
    'GET /api/v1/procedures': {
      request: async () => ({ method: 'GET', url: '/api/v1/procedures' }),
      expected: all(200),
    },
    'GET /api/v1/procedures/to-act': {
      request: async () => ({ method: 'GET', url: '/api/v1/procedures/to-act' }),
      expected: signedIn(200),
    },
    'GET /api/v1/procedures/:id': {
      // Circulated to the matrix's member: its focal point and the secretariat see it, nobody else.
      request: async () => ({ method: 'GET', url: `/api/v1/procedures/${await freshProcedure()}` }),
      expected: { anonymous: 404, observer: 404, focal_point: 200, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/procedures/:id/responses': {
      // A fresh procedure each time: a break ends it. Only the member's focal point speaks for it.
      request: async () => ({
        method: 'POST',
        url: `/api/v1/procedures/${await freshProcedure()}/responses`,
        payload: { memberCode: member, response: 'break', reason: 'Paragraph 1 goes too far.' },
      }),
      expected: { anonymous: 401, observer: 404, focal_point: 201, secretariat: 403, admin: 403 },
    },
    'POST /api/v1/procedures/:id/extend': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/procedures/${await freshProcedure()}/extend`,
        headers: { 'if-match': '"1"' },
        payload: { deadline: '2030-05-01T00:00:00Z', reason: 'More time.' },
      }),
      expected: { anonymous: 401, observer: 404, focal_point: 403, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/procedures/:id/withdraw': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/procedures/${await freshProcedure()}/withdraw`,
        headers: { 'if-match': '"1"' },
        payload: { reason: 'Overtaken by events.' },
      }),
      expected: { anonymous: 401, observer: 404, focal_point: 403, secretariat: 200, admin: 200 },
    },
    'GET /api/v1/statements': {
      request: async () => ({ method: 'GET', url: '/api/v1/statements' }),
      expected: all(200),
    },
    'POST /api/v1/statements': {
      request: async () => ({
        method: 'POST',
        url: '/api/v1/statements',
        payload: { kind: 'communique', title: 'A communiqué', language: 'en', visibility: 'public' },
      }),
      expected: secretariatOnly(201),
    },
    // A draft that was not circulated is the secretariat's alone: anyone else gets 404.
    'GET /api/v1/statements/:id': {
      request: async () => ({ method: 'GET', url: `/api/v1/statements/${draftId}` }),
      expected: { anonymous: 404, observer: 404, focal_point: 404, secretariat: 200, admin: 200 },
    },
    'PATCH /api/v1/statements/:id': {
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/statements/${draftId}`,
        headers: { 'if-match': await currentVersion(`/api/v1/statements/${draftId}`) },
        payload: { title: `Draft ${randomBytes(2).toString('hex')}` },
      }),
      expected: { anonymous: 401, observer: 404, focal_point: 404, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/statements/:id/versions': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/statements/${draftId}/versions`,
        payload: { text: 'Again.' },
      }),
      expected: { anonymous: 401, observer: 404, focal_point: 404, secretariat: 201, admin: 201 },
    },
    'GET /api/v1/statements/:id/versions/:number': {
      request: async () => ({ method: 'GET', url: `/api/v1/statements/${draftId}/versions/1` }),
      expected: { anonymous: 404, observer: 404, focal_point: 404, secretariat: 200, admin: 200 },
    },
    'GET /api/v1/statements/:id/diff': {
      request: async () => ({ method: 'GET', url: `/api/v1/statements/${draftId}/diff?from=1&to=2` }),
      expected: { anonymous: 404, observer: 404, focal_point: 404, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/statements/:id/adopt': {
      // A fresh draft each time: adopting it ends its drafting.
      request: async () => {
        const draft = await buildStatement(ctx, { meetingId, text: 'Agreed.' });
        return {
          method: 'POST',
          url: `/api/v1/statements/${draft.id}/adopt`,
          headers: { 'if-match': `"${draft.version}"` },
          payload: { textVersion: 1 },
        };
      },
      expected: { anonymous: 401, observer: 404, focal_point: 404, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/statements/:id/positions': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/statements/${adoptedId}/positions`,
        payload: { memberCode: member, kind: 'explanation_of_position', text: 'We explain.' },
      }),
      // The focal points of the matrix speak for the member: theirs to explain.
      expected: { anonymous: 401, observer: 403, focal_point: 201, secretariat: 201, admin: 201 },
    },
    'DELETE /api/v1/statements/:id/positions/:positionId': {
      request: async () => ({
        method: 'DELETE',
        url: `/api/v1/statements/${adoptedId}/positions/${await freshPosition()}`,
      }),
      expected: { anonymous: 401, observer: 403, focal_point: 204, secretariat: 204, admin: 204 },
    },
    'POST /api/v1/imports': {
      // A file of the header alone: nothing to write, so every role that may import gets 200.
      request: async () => {
        const body = multipartBody(
          { kind: 'values' },
          { name: 'values.csv', content: 'period,member,indicator,value\n' },
        );
        return { method: 'POST', url: '/api/v1/imports', payload: body.payload, headers: body.headers };
      },
      expected: { anonymous: 401, observer: 403, focal_point: 200, secretariat: 200, admin: 200 },
    },
    'GET /api/v1/imports': {
      request: async () => ({ method: 'GET', url: '/api/v1/imports' }),
      expected: signedIn(200),
    },
    'GET /api/v1/imports/:id': {
      // The administrator's import: theirs and the secretariat's to see; hidden from the others.
      request: async () => {
        if (!importId) {
          const body = multipartBody({ kind: 'pledges' }, { name: 'p.csv', content: 'member,line_of_effort,kind\n' });
          importId = (
            await ctx.app.inject({
              method: 'POST',
              url: '/api/v1/imports',
              payload: body.payload,
              headers: { ...asAdmin(), ...body.headers },
            })
          ).json().id;
        }
        return { method: 'GET', url: `/api/v1/imports/${importId}` };
      },
      expected: { anonymous: 401, observer: 404, focal_point: 404, secretariat: 200, admin: 200 },
    },
    'GET /api/v1/exports/:file': {
      request: async () => ({ method: 'GET', url: '/api/v1/exports/values.csv' }),
      expected: all(200),
    },
    'GET /api/v1/open-data': { request: async () => ({ method: 'GET', url: '/api/v1/open-data' }), expected: all(200) },
    'GET /api/v1/open-data/:file': {
      request: async () => ({ method: 'GET', url: '/api/v1/open-data/meetings.csv' }),
      expected: all(200),
    },
    'GET /api/v1/decisions': { request: async () => ({ method: 'GET', url: '/api/v1/decisions' }), expected: all(200) },
    'GET /api/v1/search': {
      request: async () => ({ method: 'GET', url: '/api/v1/search?q=Brussels' }),
      expected: all(200),
    },
    'GET /api/v1/decisions/:id': {
      request: async () => ({ method: 'GET', url: `/api/v1/decisions/${decisionId}` }),
      expected: all(200),
    },
    'POST /api/v1/decisions/:id/follow-ups': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/decisions/${decisionId}/follow-ups`,
        payload: { text: 'Report back.', ownerMemberCode: member },
      }),
      expected: secretariatOnly(201),
    },
    'PATCH /api/v1/follow-ups/:id': {
      request: async () => {
        const decision = await ctx.app.inject({ url: `/api/v1/decisions/${decisionId}`, headers: asAdmin() });
        const followUp = decision.json().followUps.find((f: { id: string }) => f.id === followUpId);
        return {
          method: 'PATCH',
          url: `/api/v1/follow-ups/${followUpId}`,
          headers: { 'if-match': `"${followUp.version}"` },
          payload: { status: 'in_progress' },
        };
      },
      expected: secretariatOnly(200),
    },
    'GET /api/v1/indicators/:key/series': {
      request: async () => ({ method: 'GET', url: `/api/v1/indicators/${indicatorKey}/series` }),
      expected: all(200),
    },
    'GET /api/v1/indicators/:key/breakdown': {
      request: async () => ({ method: 'GET', url: `/api/v1/indicators/${indicatorKey}/breakdown?by=member` }),
      expected: all(200),
    },
    'GET /api/v1/indicators/:key/values': {
      request: async () => ({ method: 'GET', url: `/api/v1/indicators/${indicatorKey}/values` }),
      expected: all(200),
    },
    'GET /api/v1/lines-of-effort/:key/figures': {
      request: async () => ({ method: 'GET', url: `/api/v1/lines-of-effort/${lineKey}/figures` }),
      expected: all(200),
    },
    // The public portal's home and member pages (issue 11): public reads.
    'GET /api/v1/figures/headline': {
      request: async () => ({ method: 'GET', url: '/api/v1/figures/headline' }),
      expected: all(200),
    },
    'GET /api/v1/members/:code/contributions': {
      request: async () => ({ method: 'GET', url: `/api/v1/members/${member}/contributions` }),
      expected: all(200),
    },
    'GET /api/v1/members/:code/statements': {
      request: async () => ({ method: 'GET', url: `/api/v1/members/${member}/statements` }),
      expected: all(200),
    },
    // Pledges and FX rates (issue 10): public reads; the secretariat, or the member's own focal point, writes.
    'GET /api/v1/pledges': { request: async () => ({ method: 'GET', url: '/api/v1/pledges' }), expected: all(200) },
    'GET /api/v1/pledges/totals': {
      request: async () => ({ method: 'GET', url: '/api/v1/pledges/totals?by=member' }),
      expected: all(200),
    },
    'GET /api/v1/pledges/:id': {
      request: async () => ({ method: 'GET', url: `/api/v1/pledges/${(await freshPledge()).id}` }),
      expected: all(200),
    },
    'POST /api/v1/pledges': {
      request: async () => ({
        method: 'POST',
        url: '/api/v1/pledges',
        payload: {
          memberCode: member,
          lineOfEffort: pledgeLine,
          kind: 'in_kind',
          description: 'Tents',
          quantity: 5,
          unit: 'tents',
        },
      }),
      expected: { ...secretariatOnly(201), focal_point: 201 },
    },
    'PATCH /api/v1/pledges/:id': {
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/pledges/${(await freshPledge()).id}`,
        headers: { 'if-match': '"1"' },
        payload: { note: 'Corrected.' },
      }),
      expected: { ...secretariatOnly(200), focal_point: 200 },
    },
    'POST /api/v1/pledges/:id/events': {
      request: async () => ({
        method: 'POST',
        url: `/api/v1/pledges/${(await freshPledge()).id}/events`,
        headers: { 'if-match': '"1"' },
        payload: { status: 'committed', on: '2015-04-01' },
      }),
      expected: { ...secretariatOnly(200), focal_point: 200 },
    },
    'GET /api/v1/fx-rates': { request: async () => ({ method: 'GET', url: '/api/v1/fx-rates' }), expected: all(200) },
    'POST /api/v1/fx-rates/import': {
      request: async () => ({
        method: 'POST',
        url: '/api/v1/fx-rates/import',
        headers: { 'content-type': 'text/csv' },
        payload: 'date,currency,usd_per_unit\n2015-04-01,EUR,1.0759\n',
      }),
      expected: secretariatOnly(200),
    },
    // Reporting (issue 10): a report is its member's focal points' and the secretariat's; anyone else gets 404.
    'GET /api/v1/indicators': {
      request: async () => ({ method: 'GET', url: '/api/v1/indicators' }),
      expected: all(200),
    },
    'GET /api/v1/indicators/:key': {
      request: async () => ({ method: 'GET', url: `/api/v1/indicators/${indicatorKey}` }),
      expected: all(200),
    },
    'POST /api/v1/indicators': {
      request: async () => ({
        method: 'POST',
        url: '/api/v1/indicators',
        payload: {
          key: `matrix_${randomBytes(3).toString('hex')}`,
          names: { en: 'Matrix indicator' },
          unit: 'count',
          lineOfEffort: (await buildIndicator(ctx)).lineOfEffort,
          memberAggregation: 'sum',
          timeAggregation: 'flow',
          periodType: 'month',
          visibility: 'public',
        },
      }),
      expected: secretariatOnly(201),
    },
    'PATCH /api/v1/indicators/:key': {
      request: async () => {
        const indicator = await buildIndicator(ctx);
        return {
          method: 'PATCH',
          url: `/api/v1/indicators/${indicator.key}`,
          headers: { 'if-match': `"${indicator.version}"` },
          payload: { unit: 'strikes' },
        };
      },
      expected: secretariatOnly(200),
    },
    'GET /api/v1/periods': { request: async () => ({ method: 'GET', url: '/api/v1/periods' }), expected: all(200) },
    'POST /api/v1/periods': {
      request: async () => {
        periodCounter += 1;
        return {
          method: 'POST',
          url: '/api/v1/periods',
          payload: { period: `${2200 + periodCounter}-Q1`, closesOn: '2999-01-01' },
        };
      },
      expected: secretariatOnly(201),
    },
    'POST /api/v1/periods/:period/reopen': {
      request: async () => {
        const period = await buildPeriod(ctx);
        return {
          method: 'POST',
          url: `/api/v1/periods/${period.period}/reopen`,
          headers: { 'if-match': `"${period.version}"` },
          payload: { closesOn: '3000-06-30' },
        };
      },
      expected: secretariatOnly(200),
    },
    'GET /api/v1/reports': {
      request: async () => ({ method: 'GET', url: '/api/v1/reports' }),
      expected: { anonymous: 401, observer: 403, focal_point: 200, secretariat: 200, admin: 200 },
    },
    'GET /api/v1/reports/:period/:memberCode': {
      request: async () => ({ method: 'GET', url: `/api/v1/reports/${reportPeriod}/${member}` }),
      expected: { anonymous: 401, observer: 404, focal_point: 200, secretariat: 200, admin: 200 },
    },
    'PUT /api/v1/reports/:period/:memberCode': {
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/reports/${(await buildPeriod(ctx)).period}/${member}`,
        headers: { 'if-match': '"0"' },
        payload: { values: [{ indicator: indicatorKey, value: 4 }] },
      }),
      expected: { anonymous: 401, observer: 404, focal_point: 200, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/reports/:period/:memberCode/submit': {
      request: async () => freshReport('draft', '/submit'),
      expected: { anonymous: 401, observer: 404, focal_point: 200, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/reports/:period/:memberCode/approve': {
      request: async () => ({ ...(await freshReport('submitted', '/approve')), payload: {} }),
      expected: { anonymous: 401, observer: 404, focal_point: 403, secretariat: 200, admin: 200 },
    },
    'POST /api/v1/reports/:period/:memberCode/return': {
      request: async () => ({ ...(await freshReport('submitted', '/return')), payload: { reason: 'Check it.' } }),
      expected: { anonymous: 401, observer: 404, focal_point: 403, secretariat: 200, admin: 200 },
    },
    // The register of sources and press (issue 11): public entries for all, writes the secretariat's.
    'GET /api/v1/sources': { request: async () => ({ method: 'GET', url: '/api/v1/sources' }), expected: all(200) },
    'GET /api/v1/sources/:id': {
      request: async () => ({ method: 'GET', url: `/api/v1/sources/${(await buildSource(ctx)).id}` }),
      expected: all(200),
    },
    'POST /api/v1/sources': {
      request: async () => ({
        method: 'POST',
        url: '/api/v1/sources',
        payload: {
          kind: 'press',
          title: 'Matrix article',
          publisher: 'Matrix',
          links: [{ subject: 'member', key: member }],
        },
      }),
      expected: secretariatOnly(201),
    },
    'PATCH /api/v1/sources/:id': {
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/sources/${(await buildSource(ctx)).id}`,
        headers: { 'if-match': '"1"' },
        payload: { title: 'Matrix article, changed' },
      }),
      expected: secretariatOnly(200),
    },
    'DELETE /api/v1/sources/:id': {
      request: async () => ({
        method: 'DELETE',
        url: `/api/v1/sources/${(await buildSource(ctx)).id}`,
        headers: { 'if-match': '"1"' },
      }),
      expected: secretariatOnly(204),
    },
  };

  /** A silence procedure open on a new draft, circulated to the matrix's member. */
  const freshProcedure = async (): Promise<string> =>
    (await buildProcedure(ctx, { deadline: PROCEDURE_DEADLINE, members: [member] })).id;

  /** The newest notification of the matrix's focal point, after inviting their member to a new meeting. */
  const focalPointNotification = async (): Promise<string> => {
    await buildMeeting(ctx, { invite: [member] });
    const res = await ctx.app.inject({
      url: '/api/v1/notifications',
      headers: { cookie: users.get('focal_point')?.cookie ?? '' },
    });
    return res.json().items[0].id;
  };

  beforeAll(async () => {
    // The first day of the factories' meetings (12 March 2030) in Brussels: attendance can be recorded.
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock('2030-03-12T09:00:00Z') });
    [member, edited] = [(await buildMember(ctx)).code, (await buildMember(ctx)).code];
    users.set('anonymous', null);
    for (const role of ['observer', 'focal_point', 'secretariat', 'admin'] as Role[]) {
      users.set(role, await signedInUser(ctx, role, { member }));
    }
    meetingId = (await buildMeeting(ctx, { invite: [member] })).id;
    const group = await buildWorkingGroup(ctx, { offices: [{ memberCode: member, fromOn: '2014-12-03' }] });
    [groupKey, lineKey, officeId] = [group.key, group.lineOfEffort as string, group.offices[0].id];
    chairId = (await buildPerson(ctx)).id;
    pledgeLine = (await buildLineOfEffort(ctx)).key;
    draftId = (await buildStatement(ctx, { visibility: 'coalition', text: 'First.' })).id;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/statements/${draftId}/versions`,
      headers: asAdmin(),
      payload: { text: 'Second.' },
    });
    const adopted = await buildAdoptedStatement(ctx, { meetingId });
    adoptedId = adopted.id;
    decisionId = adopted.adoption?.decisionId as string;
    const followUp = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/decisions/${decisionId}/follow-ups`,
      headers: asAdmin(),
      payload: { text: 'Follow it up.', ownerWorkingGroup: 'A working group' },
    });
    followUpId = followUp.json().id;
    const line = await buildLineOfEffort(ctx);
    lineKey = line.key;
    const indicator = await buildFiguresIndicator(ctx, { lineOfEffortId: line.id });
    indicatorKey = indicator.key;
    const memberId = (await ctx.app.inject({ url: `/api/v1/members/${member}` })).json().id;
    await approveValues(ctx, indicator.id, [{ memberId, period: '2015-01', value: 1 }]);
    indicatorKey = (await buildIndicator(ctx)).key;
    reportPeriod = (await buildPeriod(ctx)).period;
    await buildReport(ctx, { period: reportPeriod, member, values: [{ indicator: indicatorKey, value: 1 }] });
  });
  afterAll(() => ctx?.close());

  it('has a row for every API route the app registers', () => {
    const registered = ctx.app.routeList
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(registered).toEqual(Object.keys(cases).sort());
  });

  for (const [route, c] of Object.entries(cases)) {
    it(`${route}: ${everyone.map((w) => `${w} ${c.expected[w]}`).join(', ')}`, async () => {
      for (const who of everyone) {
        const user = users.get(who) ?? null;
        const req = await c.request(who, user);
        const headers = { ...(user && !c.ownSession ? { cookie: user.cookie } : {}), ...req.headers };
        const res = await ctx.app.inject({
          method: req.method as 'GET',
          url: req.url,
          payload: req.payload as object,
          headers,
        });
        expect({ who, status: res.statusCode }).toEqual({ who, status: c.expected[who] });
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(parseProblem(res.body).status).toBe(res.statusCode);
        }
      }
    });
  }
});
