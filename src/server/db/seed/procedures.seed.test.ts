import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Procedure, ProcedureSummary } from '../../../shared/statements.js';
import { fixedClock } from '../../lib/clock.js';
import { buildUser, type TestUser } from '../../test/factories.js';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { SILENCE_DRAFT_TITLE } from './statements.js';

const DAY = 24 * 3600_000;

describe.each(engines)("the demo's silence procedures on %s", (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  // The demo is loaded by the database's clock; the app's clock is set to the same moment, then moved.
  const clock = fixedClock(new Date());

  beforeAll(async () => {
    clock.set(new Date());
    ctx = await createTestApp(engine, { clock, session: { idleMinutes: 60 * 24 * 30 } });
    secretariat = await buildUser(ctx, { role: 'secretariat' });
  });
  afterAll(() => ctx?.close());

  const get = (url: string) => ctx.app.inject({ url, headers: { cookie: secretariat.cookie } });

  it('has a first round broken by France and a second running, ending five days after the demo was loaded', async () => {
    const statements = (await get('/api/v1/statements')).json().items as {
      id: string;
      title: string;
      status: string;
    }[];
    const draft = statements.find((s) => s.title === SILENCE_DRAFT_TITLE);
    expect(draft?.status).toBe('in_procedure');
    const rounds = (await get(`/api/v1/procedures?statementId=${draft?.id}`)).json().items as ProcedureSummary[];
    const [running, broken] = rounds;
    expect(rounds.map((p) => [p.status, p.textVersion])).toEqual([
      ['open', 2],
      ['broken', 1],
    ]);
    const first: Procedure = (await get(`/api/v1/procedures/${broken.id}`)).json();
    expect(first.members.filter((m) => m.response).map((m) => [m.member.code, m.response?.paragraph])).toEqual([
      ['FRA', 3],
    ]);
    const left = Date.parse(running.deadline) - clock.now().getTime();
    expect(left).toBeGreaterThan(4 * DAY);
    // Five days after the demo was loaded, at the hour (the seed ran a moment after the clock was set).
    expect(left).toBeLessThanOrEqual(5 * DAY + 60_000);
    const second: Procedure = (await get(`/api/v1/procedures/${running.id}`)).json();
    expect(second.members.length).toBeGreaterThanOrEqual(60);

    // Its deadline passes: adopted, every member silent.
    clock.set(new Date(Date.parse(running.deadline) + 1000));
    expect((await get(`/api/v1/procedures/${running.id}`)).json().status).toBe('adopted');
    const adopted = (await get(`/api/v1/statements/${draft?.id}`)).json();
    expect(adopted.adoption).toMatchObject({ method: 'silence', textVersion: 2 });
    expect(adopted.adoption.members).toHaveLength(second.members.length);
  });
});
