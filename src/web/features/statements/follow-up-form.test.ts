import { describe, expect, it } from 'vitest';
import { emptyFollowUp, toFollowUpBody } from './follow-up-form.js';

describe('toFollowUpBody', () => {
  it('sends a member owner, and no working group', () => {
    expect(
      toFollowUpBody({
        ...emptyFollowUp,
        text: ' Report ',
        ownerMemberCode: 'FRA',
        ownerWorkingGroup: 'x',
        dueOn: '2015-01-31',
      }),
    ).toEqual({ text: 'Report', ownerMemberCode: 'FRA', ownerWorkingGroup: null, dueOn: '2015-01-31' });
  });

  it('sends a working group owner, and no member; no due date as null', () => {
    expect(
      toFollowUpBody({
        ...emptyFollowUp,
        text: 'Report',
        ownerKind: 'working_group',
        ownerMemberCode: 'FRA',
        ownerWorkingGroup: ' Counter-finance ',
      }),
    ).toEqual({ text: 'Report', ownerMemberCode: null, ownerWorkingGroup: 'Counter-finance', dueOn: null });
  });
});
