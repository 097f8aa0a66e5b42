import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/meetings.js';
import { fromProject } from '../lib/paths.js';
import { buildDelegation, buildMeeting, buildMember, buildPerson, type TestPerson } from '../test/factories.js';
import { createTestApp, engines, signedInUser, type TestContext, type TestUser } from '../test/harness.js';

/** The migration's statements, as the migrator splits them. */
const statements = readFileSync(fromProject('drizzle/0005_merge_duplicate_people.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter((s) => s !== '');

/**
 * Migration 0005 on a database holding the duplicates that saving delegations made before names
 * were checked: run again here, on data built as it was then (the factories add people unchecked).
 */
describe.each(engines)('migration 0005: duplicate people merged on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let member: string;
  let jane: TestPerson;
  let janeAgain: TestPerson;
  let janeThird: TestPerson;
  let adviser: TestPerson;
  let adviserTwin: TestPerson;
  let jose: TestPerson;
  let joseAccented: TestPerson;
  let loner: TestPerson;
  let elsewhere: TestPerson;
  let first: string;
  let second: string;
  let chaired: string;

  const page = async (id: string): Promise<Meeting> =>
    (await ctx.app.inject({ url: `/api/v1/meetings/${id}`, headers: { cookie: secretariat.cookie } })).json();
  const peopleOf = async (code: string) =>
    (await ctx.app.inject({ url: `/api/v1/people?member=${code}`, headers: { cookie: secretariat.cookie } })).json()
      .items as { id: string; name: string }[];

  beforeAll(async () => {
    // No read cache: the migration writes the database behind the app's back.
    ctx = await createTestApp(engine, { seed: false, disableCache: true });
    secretariat = await signedInUser(ctx, 'secretariat');
    member = (await buildMember(ctx)).code;
    // Made in this order: the first of each name is the oldest.
    jane = await buildPerson(ctx, { member, name: 'Jane Example', title: 'Minister' });
    adviser = await buildPerson(ctx, { member, name: 'Adviser 1' });
    jose = await buildPerson(ctx, { member, name: 'José Pérez' });
    janeAgain = await buildPerson(ctx, { member, name: '  jane  EXAMPLE' });
    adviserTwin = await buildPerson(ctx, { member, name: 'Adviser 1' });
    joseAccented = await buildPerson(ctx, { member, name: 'Jose Perez' });
    janeThird = await buildPerson(ctx, { member, name: 'Jane Example' });
    loner = await buildPerson(ctx, { member, name: 'Someone Else' });
    // The same name for another member is another person.
    elsewhere = await buildPerson(ctx, { name: 'Jane Example' });

    first = (
      await buildDelegation(ctx, {
        member,
        named: { head: { personId: jane.id }, advisers: [{ personId: adviser.id }] },
      })
    ).meetingId;
    // The second save made new records of the same people: Jane's duplicate heads, the adviser sits
    // beside their own duplicate (left as it is), José's duplicate is an alternate.
    second = (
      await buildDelegation(ctx, {
        member,
        named: {
          head: { personId: janeAgain.id },
          alternates: [{ personId: joseAccented.id }],
          advisers: [{ personId: adviser.id }, { personId: adviserTwin.id }],
        },
      })
    ).meetingId;
    chaired = (await buildMeeting(ctx, { chairIds: [janeAgain.id, janeThird.id] })).id;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${second}/remarks`,
      headers: { cookie: secretariat.cookie },
      payload: { personId: janeThird.id, quotes: [{ text: 'United.' }] },
    });

    await ctx.database.db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });
  });
  afterAll(() => ctx?.close());

  it('merges each folded name into its oldest person, and leaves the pair that sits on one delegation', async () => {
    expect((await peopleOf(member)).map((p) => p.id).sort()).toEqual(
      [jane.id, adviser.id, jose.id, adviserTwin.id, loner.id].sort(),
    );
    expect((await peopleOf(elsewhere.memberCode)).map((p) => p.id)).toEqual([elsewhere.id]);
  });

  it('moves seats, remarks and chairs to the person kept', async () => {
    const seats = (m: Meeting) => m.delegations.flatMap((d) => d.delegates.map((s) => `${s.role}:${s.person.id}`));
    expect(seats(await page(first))).toEqual([`head:${jane.id}`, `adviser:${adviser.id}`]);
    const later = await page(second);
    expect(seats(later)).toEqual([
      `head:${jane.id}`,
      `alternate:${jose.id}`,
      `adviser:${adviser.id}`,
      `adviser:${adviserTwin.id}`,
    ]);
    expect(later.remarks.map((r) => r.person.id)).toEqual([jane.id]);
    expect((await page(chaired)).chairs.map((c) => c.id)).toEqual([jane.id]);
  });

  it('audits each merge, naming both people', async () => {
    const trail = await ctx.app.inject({
      url: `/api/v1/audit?entityType=person&entityId=${janeAgain.id}`,
      headers: { cookie: secretariat.cookie },
    });
    expect(trail.json().items.filter((e: { action: string }) => e.action === 'person.merged')).toEqual([
      expect.objectContaining({
        before: {
          merged: { id: janeAgain.id, name: '  jane  EXAMPLE', title: null },
          into: { id: jane.id, name: 'Jane Example', title: 'Minister' },
        },
        after: expect.objectContaining({ moved: { seats: 1, remarks: 0, chairs: 1 } }),
      }),
    ]);
  });
});
