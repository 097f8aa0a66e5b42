import { describe, expect, it } from 'vitest';
import type { Visibility } from '../../../shared/meetings.js';
import type { StatementStatus } from '../../../shared/statements.js';
import {
  eachCaller,
  everyone,
  MEMBER_ID,
  OTHER_MEMBER_ID,
  SECRETARIAT_ONLY,
  users,
  type Who,
} from '../../test/roles.js';
import {
  canAddPositionFor,
  canManageStatements,
  canReadStatement,
  canRespondFor,
  canSeeWorkspace,
  type ResponseDecision,
} from './statements.policy.js';

// A restricted statement lists MEMBER_ID; "circulated" means a procedure circulated it to MEMBER_ID.
const STAFF: Who[] = ['secretariat', 'admin'];
const LISTED: Who[] = ['focal_point_of_member', ...STAFF];
const SIGNED_IN: Who[] = everyone.filter((who) => who !== 'anonymous');

type Circulation = 'circulated' | 'not circulated';
const notAdopted: Record<Visibility, Record<Circulation, Who[]>> = {
  public: { circulated: LISTED, 'not circulated': STAFF },
  coalition: { circulated: LISTED, 'not circulated': STAFF },
  restricted: { circulated: LISTED, 'not circulated': STAFF },
};
// Once adopted, circulation no longer matters: the visibility decides.
const adopted: Record<Visibility, Record<Circulation, Who[]>> = {
  public: { circulated: everyone, 'not circulated': everyone },
  coalition: { circulated: SIGNED_IN, 'not circulated': SIGNED_IN },
  restricted: { circulated: LISTED, 'not circulated': LISTED },
};
const readers: Record<StatementStatus, Record<Visibility, Record<Circulation, Who[]>>> = {
  draft: notAdopted,
  in_procedure: notAdopted,
  withdrawn: notAdopted,
  adopted,
};

const access = (status: StatementStatus, visibility: Visibility, circulation: Circulation) => ({
  status,
  visibility,
  restrictedMemberIds: visibility === 'restricted' ? [MEMBER_ID] : [],
  circulatedMemberIds: circulation === 'circulated' ? [MEMBER_ID] : [],
});

describe('canReadStatement', () => {
  const table = (Object.keys(readers) as StatementStatus[]).flatMap((status) =>
    (['public', 'coalition', 'restricted'] as Visibility[]).flatMap((visibility) =>
      (['circulated', 'not circulated'] as Circulation[]).flatMap((circulation) =>
        everyone.map(
          (who) =>
            [status, visibility, circulation, who, readers[status][visibility][circulation].includes(who)] as const,
        ),
      ),
    ),
  );
  it.each(table)('a %s %s statement, %s, %s: %s', (status, visibility, circulation, who, allowed) => {
    expect(canReadStatement(users[who], access(status, visibility, circulation))).toBe(allowed);
  });

  it('hides a restricted draft from a circulated member it does not list', () => {
    const statement = { ...access('in_procedure', 'restricted', 'circulated'), restrictedMemberIds: [OTHER_MEMBER_ID] };
    expect(everyone.filter((who) => canReadStatement(users[who], statement))).toEqual(STAFF);
  });
});

describe('canSeeWorkspace', () => {
  describe('circulated to the member', () => {
    eachCaller(Object.fromEntries(everyone.map((who) => [who, LISTED.includes(who)])) as Record<Who, boolean>, (who) =>
      canSeeWorkspace(users[who], { circulatedMemberIds: [MEMBER_ID] }),
    );
  });
  describe('not circulated', () => {
    eachCaller(SECRETARIAT_ONLY, (who) => canSeeWorkspace(users[who], { circulatedMemberIds: [] }));
  });
});

describe('canManageStatements', () => {
  eachCaller(SECRETARIAT_ONLY, (who) => canManageStatements(users[who]));
});

describe('canRespondFor the member', () => {
  const expected: Record<Who, ResponseDecision> = {
    anonymous: 'forbidden',
    observer: 'forbidden',
    focal_point_of_member: 'allowed',
    focal_point_of_other: 'not_own_member',
    // The secretariat runs the procedure; a member speaks for itself.
    secretariat: 'forbidden',
    admin: 'forbidden',
  };
  it.each(everyone.map((who) => [who, expected[who]] as const))('%s: %s', (who, decision) => {
    expect(canRespondFor(users[who], MEMBER_ID)).toBe(decision);
  });
});

describe('canAddPositionFor the member', () => {
  const expected: Record<Who, ResponseDecision> = {
    anonymous: 'forbidden',
    observer: 'forbidden',
    focal_point_of_member: 'allowed',
    focal_point_of_other: 'not_own_member',
    // The secretariat records a position a member sent it.
    secretariat: 'allowed',
    admin: 'allowed',
  };
  it.each(everyone.map((who) => [who, expected[who]] as const))('%s: %s', (who, decision) => {
    expect(canAddPositionFor(users[who], MEMBER_ID)).toBe(decision);
  });
});
