import type { AddFollowUpBody } from '../../../shared/statements.js';
import { orNull } from '../../components/form-values.js';

/** A follow-up as the form holds it: one owner, a member or a working group, as `ownerKind` says. */
export interface FollowUpValues {
  text: string;
  ownerKind: 'member' | 'working_group';
  ownerMemberCode: string;
  ownerWorkingGroup: string;
  /** YYYY-MM-DD, or '' for none. */
  dueOn: string;
}

export const emptyFollowUp: FollowUpValues = {
  text: '',
  ownerKind: 'member',
  ownerMemberCode: '',
  ownerWorkingGroup: '',
  dueOn: '',
};

/** The POST body: the owner of the kind chosen (the other one null), the due date or null. */
export function toFollowUpBody(v: FollowUpValues): AddFollowUpBody {
  return {
    text: v.text.trim(),
    ownerMemberCode: v.ownerKind === 'member' ? orNull(v.ownerMemberCode) : null,
    ownerWorkingGroup: v.ownerKind === 'working_group' ? orNull(v.ownerWorkingGroup) : null,
    dueOn: orNull(v.dueOn),
  };
}
