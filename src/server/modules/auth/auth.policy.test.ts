import { describe, expect, it } from 'vitest';
import { everyone, users, type Who } from '../../test/roles.js';
import { canManageOwnSessions } from './auth.policy.js';

describe('canManageOwnSessions', () => {
  const manages: Record<Who, boolean> = {
    anonymous: false,
    observer: true,
    focal_point_of_member: true,
    focal_point_of_other: true,
    secretariat: true,
    admin: true,
  };
  it.each(everyone.map((who) => [who, manages[who]] as const))('%s: %s', (who, allowed) => {
    expect(canManageOwnSessions(users[who])).toBe(allowed);
  });
});
