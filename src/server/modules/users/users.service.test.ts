import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAuth } from '../../lib/auth-context.js';
import { AppError } from '../../lib/errors.js';
import { buildMember } from '../../test/factories.js';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { authOf } from '../../test/roles.js';
import { type CreateUserInput, createUsersService } from './users.service.js';

/** Users are made by the operator's tools (no route yet): the service is what the CLI meets. */
describe.each(engines)('users service on %s', (engine) => {
  let ctx: TestContext;
  const operator = systemAuth('test');
  const service = () => createUsersService({ db: ctx.database.db });
  const input = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => ({
    email: `user.${Math.random().toString(36).slice(2)}@example.org`,
    name: 'A user',
    role: 'observer',
    password: 'correct horse battery staple',
    ...overrides,
  });
  /** The AppError a promise is refused with. */
  const refusal = async (attempt: Promise<unknown>): Promise<AppError> => {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false });
  });
  afterAll(() => ctx?.close());

  it('refuses an email already taken, naming it for the interface', async () => {
    const first = input();
    await service().createUser(operator, first);
    const again = await refusal(service().createUser(operator, { ...first, email: first.email.toUpperCase() }));
    expect(again).toMatchObject({ code: 'conflict', reason: 'user_email_taken', params: { email: first.email } });
  });

  it('refuses bad input field by field, each with its code', async () => {
    const bad = await refusal(service().createUser(operator, input({ email: 'nope', name: ' ', password: 'short' })));
    expect(bad.code).toBe('validation_failed');
    expect(bad.errors).toEqual([
      expect.objectContaining({ path: 'email', code: 'invalid_format', params: { format: 'email' } }),
      expect.objectContaining({ path: 'name', code: 'required' }),
      expect.objectContaining({ path: 'password', code: 'too_short', params: { minimum: 12 } }),
    ]);
    const member = (await buildMember(ctx)).code;
    const bound = await refusal(service().createUser(operator, input({ role: 'secretariat', member })));
    expect(bound.errors).toEqual([expect.objectContaining({ path: 'member', code: 'member_for_focal_point_only' })]);
    const nobody = await refusal(service().createUser(operator, input({ role: 'focal_point', member: 'ZZZ9' })));
    expect(nobody.errors).toEqual([
      expect.objectContaining({ path: 'member', code: 'unknown_member', params: { code: 'ZZZ9' } }),
    ]);
  });

  it('lets only the operator and administrators create users', async () => {
    expect((await refusal(service().createUser(authOf('secretariat'), input()))).code).toBe('forbidden');
  });
});
