import { describe, expect, it } from 'vitest';
import { authOf, everyone, MEMBER_ID, users, type Who } from '../test/roles.js';
import { isFocalPointOf, isSecretariat, requireRole, requireVisible } from './access.js';
import type { SessionUser } from './auth-context.js';
import { AppError } from './errors.js';

describe('isSecretariat and isFocalPointOf (MEMBER_ID)', () => {
  const table: Record<Who, [secretariat: boolean, focalPoint: boolean]> = {
    anonymous: [false, false],
    observer: [false, false],
    focal_point_of_member: [false, true],
    focal_point_of_other: [false, false],
    secretariat: [true, false],
    admin: [true, false],
  };
  it.each(everyone.map((who) => [who, ...table[who]] as const))('%s: %s, %s', (who, secretariat, focalPoint) => {
    expect(isSecretariat(users[who])).toBe(secretariat);
    expect(isFocalPointOf(users[who], MEMBER_ID)).toBe(focalPoint);
  });
  it('does not take a focal point of nobody for one of a member', () => {
    const unbound = { ...(users.focal_point_of_member as SessionUser), memberId: null };
    expect(isFocalPointOf(unbound, MEMBER_ID)).toBe(false);
  });
});

describe('requireRole', () => {
  const secretariatOnly = (user: SessionUser | null) => isSecretariat(user);

  it.each(everyone)('asks the policy about the caller (%s), and answers 403 with the detail when it says no', (who) => {
    const auth = authOf(who);
    if (secretariatOnly(auth.user)) {
      expect(() => requireRole(auth, secretariatOnly, 'Secretariat only.')).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      requireRole(auth, secretariatOnly, 'Secretariat only.');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'forbidden', message: 'Secretariat only.' });
  });

  it('hands the policy the session user, nothing else', () => {
    const seen: (SessionUser | null)[] = [];
    requireRole(authOf('observer'), (user) => seen.push(user) > 0, 'x');
    expect(seen).toEqual([users.observer]);
  });
});

describe('requireVisible', () => {
  const record = { id: 'r1', visible: true };
  const hidden = { id: 'r2', visible: false };
  const canSee = (r: { visible: boolean }) => r.visible;

  it('returns the record the caller may see', () => {
    expect(requireVisible(record, canSee, 'Meeting')).toBe(record);
  });

  it.each([
    ['missing (undefined)', undefined],
    ['missing (null)', null],
    ['hidden', hidden],
  ])('answers 404 when the record is %s', (_case, value) => {
    expect(() => requireVisible(value, canSee, 'Meeting')).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'Meeting was not found.' }),
    );
  });

  it('says the same of a hidden record as of a missing one, so that its existence does not leak', () => {
    const message = (value: { visible: boolean } | null) => {
      try {
        requireVisible(value, canSee, 'Meeting');
      } catch (err) {
        return { ...(err as AppError), message: (err as AppError).message };
      }
      throw new Error('expected a 404');
    };
    expect(message(hidden)).toEqual(message(null));
  });

  it('does not ask the policy about a record that is not there', () => {
    let asked = 0;
    expect(() => requireVisible(null, () => ++asked > 0, 'Meeting')).toThrow();
    expect(asked).toBe(0);
  });
});
