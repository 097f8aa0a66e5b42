import type { Member, MemberKind, MemberNames, MemberStatus, UpdateMemberBody } from '../../../shared/members.js';
import { type FormT, fieldSentence } from '../../components/form-errors.js';
import { orNull } from '../../components/form-values.js';
import type { NewMember } from '../members/members.api.js';

export interface MemberFormValues {
  code: string;
  kind: MemberKind;
  names: MemberNames;
  status: MemberStatus;
  joinedOn: string;
  joinedNote: string;
  leftOn: string;
  note: string;
}

export type MemberFormMode = 'create' | 'edit';

export const emptyMember: MemberFormValues = {
  code: '',
  kind: 'state',
  names: { en: '', fr: '', ar: '' },
  status: 'active',
  joinedOn: '',
  joinedNote: '',
  leftOn: '',
  note: '',
};

/** A member as the form edits it: absent values are empty strings, for the inputs. */
export function toFormValues(member: Member): MemberFormValues {
  return {
    code: member.code,
    kind: member.kind,
    names: { ...member.names },
    status: member.status,
    joinedOn: member.joinedOn ?? '',
    joinedNote: member.joinedNote ?? '',
    leftOn: member.leftOn ?? '',
    note: member.note ?? '',
  };
}

const CODE_PATTERN = /^[A-Z][A-Z0-9]{1,11}$/;

/**
 * Only what the server would refuse for sure is checked here; the server's answer decides the
 * rest. The messages are the ones the server's field errors get, in the reader's language.
 */
export function memberValidation(mode: MemberFormMode, t: FormT) {
  const nameRequired = (value: string, values: MemberFormValues) =>
    (mode === 'edit' || values.kind === 'organization') && value.trim() === '' ? fieldSentence(t, 'required') : null;
  return {
    code: (value: string) =>
      mode === 'edit' || CODE_PATTERN.test(value.trim())
        ? null
        : fieldSentence(t, 'invalid_format', { format: 'member_code' }),
    names: { en: nameRequired, fr: nameRequired, ar: nameRequired },
  };
}

/** A new member as the API takes it. */
export function toCreateBody(values: MemberFormValues): NewMember {
  // Blank names are left out, so that a state gets its ISO names from the server.
  const names = Object.fromEntries(Object.entries(values.names).filter(([, v]) => v.trim() !== ''));
  return {
    code: values.code,
    kind: values.kind,
    ...(Object.keys(names).length > 0 ? { names } : {}),
    status: values.status,
    joinedOn: orNull(values.joinedOn),
    joinedNote: orNull(values.joinedNote),
    leftOn: orNull(values.leftOn),
    note: orNull(values.note),
  };
}

/** The changes to a member as the API takes them: the code and the kind do not change. */
export function toUpdateBody(values: MemberFormValues): UpdateMemberBody {
  return {
    names: { en: values.names.en.trim(), fr: values.names.fr.trim(), ar: values.names.ar.trim() },
    status: values.status,
    joinedOn: orNull(values.joinedOn),
    joinedNote: orNull(values.joinedNote),
    leftOn: orNull(values.leftOn),
    note: orNull(values.note),
  };
}
