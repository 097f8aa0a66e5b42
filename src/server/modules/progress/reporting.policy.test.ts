import { describe } from 'vitest';
import { eachCaller, MEMBER_ID, SECRETARIAT_ONLY, users } from '../../test/roles.js';
import {
  canListReports,
  canManageReporting,
  canSeeIndicator,
  canSeeReport,
  canWriteLockedPeriod,
} from './reporting.policy.js';

describe('canManageReporting', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canManageReporting(users[who]));
});

describe('canWriteLockedPeriod', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canWriteLockedPeriod(users[who]));
});

describe('canSeeIndicator: public', () => {
  eachCaller(
    {
      anonymous: true,
      observer: true,
      focal_point_of_member: true,
      focal_point_of_other: true,
      secretariat: true,
      admin: true,
    },
    (who) => canSeeIndicator(users[who], { visibility: 'public' }),
  );
});

describe('canSeeIndicator: coalition', () => {
  eachCaller(
    {
      anonymous: false,
      observer: true,
      focal_point_of_member: true,
      focal_point_of_other: true,
      secretariat: true,
      admin: true,
    },
    (who) => canSeeIndicator(users[who], { visibility: 'coalition' }),
  );
});

describe("canSeeReport: the member's focal points and the secretariat", () => {
  eachCaller(
    {
      anonymous: false,
      observer: false,
      focal_point_of_member: true,
      focal_point_of_other: false,
      secretariat: true,
      admin: true,
    },
    (who) => canSeeReport(users[who], MEMBER_ID),
  );
});

describe('canListReports', () => {
  eachCaller(
    {
      anonymous: false,
      observer: false,
      focal_point_of_member: true,
      focal_point_of_other: true,
      secretariat: true,
      admin: true,
    },
    (who) => canListReports(users[who]),
  );
});
