import { describe } from 'vitest';
import { eachCaller, users } from '../../test/roles.js';
import { canSeeIndicator, visibilitiesOf } from './reporting.policy.js';

const EVERYONE = {
  anonymous: true,
  observer: true,
  focal_point_of_member: true,
  focal_point_of_other: true,
  secretariat: true,
  admin: true,
};

describe('canSeeIndicator: public', () => {
  eachCaller(EVERYONE, (who) => canSeeIndicator(users[who], { visibility: 'public' }));
});

describe('canSeeIndicator: coalition', () => {
  eachCaller({ ...EVERYONE, anonymous: false }, (who) => canSeeIndicator(users[who], { visibility: 'coalition' }));
});

describe('visibilitiesOf: the coalition visibility for those signed in only', () => {
  eachCaller({ ...EVERYONE, anonymous: false }, (who) => visibilitiesOf(users[who]).includes('coalition'));
});
