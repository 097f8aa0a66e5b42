import { describe, expect, it } from 'vitest';
import { systemAuth } from '../../lib/auth-context.js';
import { authOf, eachCaller, type Who } from '../../test/roles.js';
import { canCreateUsers } from './users.policy.js';

describe('canCreateUsers', () => {
  const creates: Record<Who, boolean> = {
    anonymous: false,
    observer: false,
    focal_point_of_member: false,
    focal_point_of_other: false,
    secretariat: false,
    admin: true,
  };
  eachCaller(creates, (who) => canCreateUsers(authOf(who)));
  it("the operator's tools (CLI, first start): true", () => {
    expect(canCreateUsers(systemAuth('cli'))).toBe(true);
  });
});
