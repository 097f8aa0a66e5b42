import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/auth.js';
import type { SessionUser } from '../../lib/auth-context.js';
import { canManageOffices, canReadStructure } from './lines.policy.js';
import { canSeeIndicator } from './reporting.policy.js';

const user = (role: Role): SessionUser => ({ role, memberId: role === 'focal_point' ? 'm1' : null }) as SessionUser;
const roles: (Role | 'anonymous')[] = ['anonymous', 'observer', 'focal_point', 'secretariat', 'admin'];
const as = (who: Role | 'anonymous') => (who === 'anonymous' ? null : user(who));

describe('lines of effort policy', () => {
  it.each(roles)('%s reads the structure', (who) => {
    expect(canReadStructure(as(who))).toBe(true);
  });

  it.each([
    ['anonymous', false],
    ['observer', false],
    ['focal_point', false],
    ['secretariat', true],
    ['admin', true],
  ] as const)('%s manages offices: %s', (who, allowed) => {
    expect(canManageOffices(as(who))).toBe(allowed);
  });

  it.each([
    ['anonymous', 'public', true],
    ['anonymous', 'coalition', false],
    ['observer', 'public', true],
    ['observer', 'coalition', true],
    ['focal_point', 'coalition', true],
    ['secretariat', 'coalition', true],
    ['admin', 'public', true],
  ] as const)('%s sees a %s indicator: %s', (who, visibility, seen) => {
    expect(canSeeIndicator(as(who), { visibility })).toBe(seen);
  });
});
