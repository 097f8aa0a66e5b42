import type { ExtendProcedureBody, OpenProcedureBody, ProcedureKind, RespondBody } from '../../../shared/statements.js';
import { orNull } from '../../components/form-values.js';
import { zonedToInstant } from './deadline.js';

/** The circulate form: a version, a deadline on a zone's wall clock, and the members (all, or chosen). */
export interface CirculateValues {
  kind: ProcedureKind;
  /** A version's number, as the select holds it. */
  textVersion: string;
  /** "YYYY-MM-DDTHH:MM", a datetime-local input's value, in `timeZone`. */
  deadline: string;
  timeZone: string;
  allMembers: boolean;
  members: string[];
}

/**
 * The POST /statements/{id}/procedures body. A deadline that is not a time in that zone is sent
 * as typed: the server names the field and why.
 */
export function toOpenBody(v: CirculateValues): OpenProcedureBody {
  return {
    kind: v.kind,
    textVersion: Number(v.textVersion),
    deadline: zonedToInstant(v.deadline, v.timeZone) ?? v.deadline,
    timeZone: v.timeZone,
    ...(v.allMembers ? {} : { members: v.members }),
  };
}

/** A focal point's answer: break silence (a reason, perhaps a paragraph and its new wording) or endorse. */
export interface RespondValues {
  reason: string;
  /** A paragraph's number, or '' for the text as a whole. */
  paragraph: string;
  proposedText: string;
}

export const emptyResponse: RespondValues = { reason: '', paragraph: '', proposedText: '' };

/** The POST /procedures/{id}/responses body for a member: a break carries what was typed, an endorsement nothing more. */
export function toRespondBody(memberCode: string, kind: ProcedureKind, v: RespondValues): RespondBody {
  if (kind === 'endorsement') return { memberCode, response: 'endorse' };
  const paragraph = v.paragraph === '' ? null : Number(v.paragraph);
  return {
    memberCode,
    response: 'break',
    reason: orNull(v.reason),
    paragraph,
    // Wording replaces a paragraph: without one it would say nothing, so it is sent only with one.
    proposedText: paragraph === null ? null : orNull(v.proposedText),
  };
}

/** A later deadline, typed on the procedure's zone's wall clock, and why. */
export interface ExtendValues {
  deadline: string;
  reason: string;
}

export function toExtendBody(v: ExtendValues, timeZone: string): ExtendProcedureBody {
  return { deadline: zonedToInstant(v.deadline, timeZone) ?? v.deadline, reason: v.reason.trim() };
}
