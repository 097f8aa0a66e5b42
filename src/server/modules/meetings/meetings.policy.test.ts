import { describe, expect, it } from 'vitest';
import type { MeetingStatus, Visibility } from '../../../shared/meetings.js';
import { eachCaller, everyone, MEMBER_ID, SECRETARIAT_ONLY, users, type Who } from '../../test/roles.js';
import { canManageMeetings, canNameDelegation, canReadMeeting, type DelegationDecision } from './meetings.policy.js';

// A restricted meeting lists MEMBER_ID: its focal point is "of the member", the other's is not.
const restrictedTo = [MEMBER_ID];

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

describe('canReadMeeting', () => {
  const table = (Object.keys(reads) as Visibility[]).flatMap((visibility) =>
    everyone.map((who) => [visibility, who, reads[visibility][who]] as const),
  );
  it.each(table)('a %s meeting, %s: %s', (visibility, who, allowed) => {
    expect(canReadMeeting(users[who], { visibility, restrictedMemberIds: restrictedTo })).toBe(allowed);
  });

  it('shows a restricted meeting that lists nobody to the secretariat only', () => {
    const seen = everyone.filter((who) =>
      canReadMeeting(users[who], { visibility: 'restricted', restrictedMemberIds: [] }),
    );
    expect(seen).toEqual(['secretariat', 'admin']);
  });
});

describe('canManageMeetings', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canManageMeetings(users[who]));
});

describe('canNameDelegation (of MEMBER_ID)', () => {
  const naming: Record<MeetingStatus, Record<Who, DelegationDecision>> = {
    planned: {
      anonymous: 'forbidden',
      observer: 'forbidden',
      focal_point_of_member: 'allowed',
      focal_point_of_other: 'not_own_member',
      secretariat: 'allowed',
      admin: 'allowed',
    },
    held: {
      anonymous: 'forbidden',
      observer: 'forbidden',
      focal_point_of_member: 'closed',
      focal_point_of_other: 'not_own_member',
      secretariat: 'allowed',
      admin: 'allowed',
    },
    cancelled: {
      anonymous: 'forbidden',
      observer: 'forbidden',
      focal_point_of_member: 'closed',
      focal_point_of_other: 'not_own_member',
      secretariat: 'allowed',
      admin: 'allowed',
    },
  };
  const table = (Object.keys(naming) as MeetingStatus[]).flatMap((status) =>
    everyone.map((who) => [status, who, naming[status][who]] as const),
  );
  it.each(table)('a %s meeting, %s: %s', (status, who, decision) => {
    expect(canNameDelegation(users[who], { status }, MEMBER_ID)).toBe(decision);
  });
});
