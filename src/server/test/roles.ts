import { expect, it } from 'vitest';
import type { Role } from '../../shared/auth.js';
import type { Auth, SessionUser } from '../lib/auth-context.js';

/**
 * The callers a policy table runs through: signed out, every role, and a focal point both of the
 * member the record concerns and of another one. Pure values: policy tests need no database.
 */
export const MEMBER_ID = '00000000-0000-4000-8000-0000000000aa';
export const OTHER_MEMBER_ID = '00000000-0000-4000-8000-0000000000bb';

export type Who = 'anonymous' | 'observer' | 'focal_point_of_member' | 'focal_point_of_other' | 'secretariat' | 'admin';
export const everyone: Who[] = [
  'anonymous',
  'observer',
  'focal_point_of_member',
  'focal_point_of_other',
  'secretariat',
  'admin',
];

const user = (n: number, role: Role, memberId: string | null = null): SessionUser => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  email: `${role}@example.org`,
  name: role,
  role,
  memberId,
  memberCode: memberId === MEMBER_ID ? 'AAA' : memberId === OTHER_MEMBER_ID ? 'BBB' : null,
  language: null,
  sessionId: '00000000-0000-4000-8000-000000000001',
});

/** The session user of each caller (null when signed out). */
export const users: Record<Who, SessionUser | null> = {
  anonymous: null,
  observer: user(1, 'observer'),
  focal_point_of_member: user(2, 'focal_point', MEMBER_ID),
  focal_point_of_other: user(3, 'focal_point', OTHER_MEMBER_ID),
  secretariat: user(4, 'secretariat'),
  admin: user(5, 'admin'),
};

/** The same callers as a service sees them. */
export const authOf = (who: Who): Auth => ({ user: users[who], requestId: `test-${who}`, ip: '127.0.0.1' });

/** The secretariat and the administrators, nobody else: the table most policies share. */
export const SECRETARIAT_ONLY: Record<Who, boolean> = {
  anonymous: false,
  observer: false,
  focal_point_of_member: false,
  focal_point_of_other: false,
  secretariat: true,
  admin: true,
};

/** One test a caller: what `decide` answers for each must be what the table says. */
export function eachCaller(expected: Record<Who, boolean>, decide: (who: Who) => boolean): void {
  it.each(everyone.map((who) => [who, expected[who]] as const))('%s: %s', (who, allowed) => {
    expect(decide(who)).toBe(allowed);
  });
}
