import type { Language } from '../../../shared/i18n.js';
import type { Member } from '../../../shared/members.js';

/** A member's name in the reader's language; its main name where that one is blank. */
export const memberName = (member: Pick<Member, 'name' | 'names'>, language: Language): string =>
  member.names[language] || member.name;
