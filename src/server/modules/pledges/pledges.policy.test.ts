import { describe, expect, it } from 'vitest';
import { eachCaller, everyone, MEMBER_ID, SECRETARIAT_ONLY, users, type Who } from '../../test/roles.js';
import {
  canImportFxRates,
  canReadPledges,
  canRecordPledgeFor,
  canRecordPledges,
  type PledgeDecision,
} from './pledges.policy.js';

describe('canReadPledges: public, as OCHA FTS publishes them', () => {
  eachCaller(Object.fromEntries(everyone.map((who) => [who, true])) as Record<Who, boolean>, (who) =>
    canReadPledges(users[who]),
  );
});

describe('canRecordPledgeFor the member', () => {
  const expected: Record<Who, PledgeDecision> = {
    anonymous: 'forbidden',
    observer: 'forbidden',
    focal_point_of_member: 'allowed',
    // Their writes to another member's pledge answer 404.
    focal_point_of_other: 'not_own_member',
    secretariat: 'allowed',
    admin: 'allowed',
  };
  it.each(everyone.map((who) => [who, expected[who]] as const))('%s: %s', (who, decision) => {
    expect(canRecordPledgeFor(users[who], MEMBER_ID)).toBe(decision);
  });
});

describe('canRecordPledges at all', () => {
  eachCaller({ ...SECRETARIAT_ONLY, focal_point_of_member: true, focal_point_of_other: true }, (who) =>
    canRecordPledges(users[who]),
  );
});

describe('canImportFxRates', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canImportFxRates(users[who]));
});
