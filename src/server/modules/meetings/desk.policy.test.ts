import { describe } from 'vitest';
import { eachCaller, users, type Who } from '../../test/roles.js';
import { canListOwnInvitations } from './desk.policy.js';

describe('canListOwnInvitations', () => {
  eachCaller(
    {
      anonymous: false,
      observer: false,
      focal_point_of_member: true,
      focal_point_of_other: true,
      secretariat: false,
      admin: false,
    },
    (who: Who) => canListOwnInvitations(users[who]),
  );
});
