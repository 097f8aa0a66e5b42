import { describe } from 'vitest';
import { eachCaller, SECRETARIAT_ONLY, users } from '../../test/roles.js';
import { canMergePeople, canSeeCoalitionPeople } from './registry.policy.js';

describe('registry policy', () => {
  describe('canMergePeople', () => {
    eachCaller(SECRETARIAT_ONLY, (who) => canMergePeople(users[who]));
  });
  describe('canSeeCoalitionPeople: every signed-in user', () => {
    eachCaller(
      {
        anonymous: false,
        observer: true,
        focal_point_of_member: true,
        focal_point_of_other: true,
        secretariat: true,
        admin: true,
      },
      (who) => canSeeCoalitionPeople(users[who]),
    );
  });
});
