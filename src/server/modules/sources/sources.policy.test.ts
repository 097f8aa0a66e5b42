import { describe, expect, it } from 'vitest';
import type { Visibility } from '../../../shared/meetings.js';
import { eachCaller, everyone, MEMBER_ID, SECRETARIAT_ONLY, users, type Who } from '../../test/roles.js';
import { canEditSources, canReadSource } from './sources.policy.js';

// A restricted entry links to MEMBER_ID: its focal point is "of the member", the other's is not.
const memberIds = [MEMBER_ID];

const reads: Record<Visibility, Record<Who, boolean>> = {
  public: {
    anonymous: true,
    observer: true,
    focal_point_of_member: true,
    focal_point_of_other: true,
    secretariat: true,
    admin: true,
  },
  coalition: {
    anonymous: false,
    observer: true,
    focal_point_of_member: true,
    focal_point_of_other: true,
    secretariat: true,
    admin: true,
  },
  restricted: {
    anonymous: false,
    observer: false,
    focal_point_of_member: true,
    focal_point_of_other: false,
    secretariat: true,
    admin: true,
  },
};

describe('canReadSource', () => {
  const table = (Object.keys(reads) as Visibility[]).flatMap((visibility) =>
    everyone.map((who) => [visibility, who, reads[visibility][who]] as const),
  );
  it.each(table)('a %s entry linked to the member, %s: %s', (visibility, who, allowed) => {
    expect(canReadSource(users[who], { visibility, memberIds })).toBe(allowed);
  });

  it('shows a restricted entry that links to no member to the secretariat only', () => {
    const seen = everyone.filter((who) => canReadSource(users[who], { visibility: 'restricted', memberIds: [] }));
    expect(seen).toEqual(['secretariat', 'admin']);
  });
});

describe('canEditSources', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canEditSources(users[who]));
});
