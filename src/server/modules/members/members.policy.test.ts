import { describe, expect, it } from 'vitest';
import { everyone, users, type Who } from '../../test/roles.js';
import { canEditMembers } from './members.policy.js';

describe('canEditMembers', () => {
  const edits: Record<Who, boolean> = {
    anonymous: false,
    observer: false,
    focal_point_of_member: false,
    focal_point_of_other: false,
    secretariat: true,
    admin: true,
  };
  it.each(everyone.map((who) => [who, edits[who]] as const))('%s: %s', (who, allowed) => {
    expect(canEditMembers(users[who])).toBe(allowed);
  });
});
