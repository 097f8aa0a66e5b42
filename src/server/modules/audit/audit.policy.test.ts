import { describe } from 'vitest';
import { eachCaller, SECRETARIAT_ONLY, users } from '../../test/roles.js';
import { canReadAudit } from './audit.policy.js';

describe('canReadAudit', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canReadAudit(users[who]));
});
