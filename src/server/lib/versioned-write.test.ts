import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/audit.js';
import { type MemberRow, members } from '../db/schema/members.js';
import { createTestDatabase, databaseSnapshot, engines, type TestDatabase } from '../test/harness.js';
import { authOf } from '../test/roles.js';
import { fixedClock } from './clock.js';
import { AppError } from './errors.js';
import { updateVersioned, type VersionedChange } from './versioned-write.js';

/**
 * The one way an editable record changes, on a real database: every refusal leaves the database
 * as it was, and a change is one version up and one audit event, both in the caller's transaction.
 */
describe.each(engines)('updateVersioned on %s', (engine) => {
  let testDb: TestDatabase;
  const clock = fixedClock('2031-05-06T07:08:09.000Z');
  const auth = authOf('secretariat');

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(() => testDb?.drop());

  const db = () => testDb.database.db;

  async function newMember(): Promise<MemberRow> {
    const code = `V${randomBytes(4).toString('hex').toUpperCase()}`;
    const [row] = await db()
      .insert(members)
      .values({ code, kind: 'organization', nameEn: code, nameFr: code, nameAr: code })
      .returning();
    return row;
  }

  type Spec = VersionedChange<typeof members, MemberRow, { note: string | null; version: number }>;

  /** A change of `member`'s note, as a service would write it; `spec` overrides any step. */
  const run = (member: MemberRow, spec: Partial<Spec> = {}) =>
    db().transaction((tx) =>
      updateVersioned(tx, { clock }, auth, {
        table: members,
        entity: 'member',
        action: 'member.updated',
        version: member.version,
        lock: async () => {
          const [row] = await tx.select().from(members).where(eq(members.id, member.id)).for('update');
          return row;
        },
        view: (row) => ({ note: row.note, version: row.version }),
        change: () => ({ note: 'changed' }),
        ...spec,
      }),
    );

  /** Runs `write` and expects it to fail with `code`, the database exactly as before. */
  async function expectRefused(write: () => Promise<unknown>, code: string): Promise<AppError> {
    const before = await databaseSnapshot(testDb.database);
    const error = await write().then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect(await databaseSnapshot(testDb.database)).toEqual(before);
    return error as AppError;
  }

  it('answers 404 when the record is absent', async () => {
    const member = await newMember();
    const error = await expectRefused(() => run(member, { lock: async () => undefined }), 'not_found');
    expect(error.message).toBe('This member was not found.');
  });

  it('answers 404 when the caller may not see it, exactly as when absent, before asking the policy', async () => {
    const member = await newMember();
    let asked = false;
    const error = await expectRefused(
      () =>
        run(member, {
          visible: () => false,
          allow: () => {
            asked = true;
          },
          version: member.version + 5,
        }),
      'not_found',
    );
    expect(error.message).toBe('This member was not found.');
    expect(asked).toBe(false);
  });

  it.each([
    ['forbidden', 403],
    ['conflict', 409],
  ] as const)('passes on %s (%i) from `allow`, before looking at the version', async (code, _status) => {
    const member = await newMember();
    await expectRefused(
      () =>
        run(member, {
          version: member.version + 1,
          allow: () => {
            throw new AppError(code, 'not now');
          },
        }),
      code,
    );
  });

  it('answers 409 version_mismatch when If-Match names another version, without calling `change`', async () => {
    const member = await newMember();
    let changed = false;
    const change = () => {
      changed = true;
      return { note: 'lost' };
    };
    const error = await expectRefused(() => run(member, { version: member.version + 1, change }), 'version_mismatch');
    expect(error.message).toContain('now version 1');
    await expectRefused(() => run(member, { version: member.version - 1, change }), 'version_mismatch');
    expect(changed).toBe(false);
  });

  it("writes version + 1 at the clock's time and one audit event with before and after", async () => {
    const member = await newMember();
    const auditBefore = (await databaseSnapshot(testDb.database)).audit_events;
    const { row, before, after } = await run(member);
    expect(row).toMatchObject({ id: member.id, version: 2, note: 'changed' });
    expect(row.updatedAt.toISOString()).toBe('2031-05-06T07:08:09.000Z');
    expect(before).toEqual({ note: null, version: 1 });
    expect(after).toEqual({ note: 'changed', version: 2 });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.entityId, member.id));
    expect(events).toHaveLength(1);
    const auditAfter = (await databaseSnapshot(testDb.database)).audit_events;
    expect(auditAfter.filter((e) => !auditBefore.includes(e))).toEqual([JSON.stringify(events[0])]);
    expect(events[0]).toMatchObject<Partial<typeof auditEvents.$inferSelect>>({
      action: 'member.updated',
      entityType: 'member',
      actorId: auth.user?.id,
      actorEmail: auth.user?.email,
      requestId: auth.requestId,
      before: { note: null, version: 1 },
      after: { note: 'changed', version: 2 },
    });
    // The next write names the new version.
    await expectRefused(() => run(member), 'version_mismatch');
    expect((await run(row)).row.version).toBe(3);
  });

  it("writes in the caller's transaction: when the caller fails afterwards, neither the change nor its audit stays", async () => {
    const member = await newMember();
    const before = await databaseSnapshot(testDb.database);
    const failed = await db()
      .transaction(async (tx) => {
        await updateVersioned(tx, { clock }, auth, {
          table: members,
          entity: 'member',
          action: 'member.updated',
          version: member.version,
          lock: async () => (await tx.select().from(members).where(eq(members.id, member.id)).for('update'))[0],
          view: (row) => ({ note: row.note }),
          change: () => ({ note: 'rolled back' }),
        });
        throw new Error('the caller fails after the write');
      })
      .catch((err: Error) => err.message);
    expect(failed).toBe('the caller fails after the write');
    expect(await databaseSnapshot(testDb.database)).toEqual(before);
  });

  it('leaves nothing when `change` refuses (400) after writing parts of the record', async () => {
    const member = await newMember();
    await expectRefused(
      () =>
        db().transaction((tx) =>
          updateVersioned(tx, { clock }, auth, {
            table: members,
            entity: 'member',
            action: 'member.updated',
            version: member.version,
            lock: async () => (await tx.select().from(members).where(eq(members.id, member.id)).for('update'))[0],
            view: (row) => ({ note: row.note }),
            change: async () => {
              // A part written first (as a meeting's agenda is), then a check that fails.
              await tx.update(members).set({ joinedNote: 'part' }).where(eq(members.id, member.id));
              throw new AppError('validation_failed', 'bad');
            },
          }),
        ),
      'validation_failed',
    );
  });
});
