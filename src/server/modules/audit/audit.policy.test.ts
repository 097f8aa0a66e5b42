import { describe, expect, it } from 'vitest';
import { everyone, users, type Who } from '../../test/roles.js';
import { canReadAudit } from './audit.policy.js';

describe('canReadAudit', () => {
  const reads: Record<Who, boolean> = {
    anonymous: false,
    observer: false,
    focal_point_of_member: false,
    focal_point_of_other: false,
    secretariat: true,
    admin: true,
  };
  it.each(everyone.map((who) => [who, reads[who]] as const))('%s: %s', (who, allowed) => {
    expect(canReadAudit(users[who])).toBe(allowed);
  });
});
