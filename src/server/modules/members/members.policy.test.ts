import { describe } from 'vitest';
import { eachCaller, SECRETARIAT_ONLY, users } from '../../test/roles.js';
import { canEditMembers } from './members.policy.js';

describe('canEditMembers', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canEditMembers(users[who]));
});
