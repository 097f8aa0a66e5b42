import type { Language } from '../../../shared/i18n.js';
import { useLanguage } from '../../i18n/format.js';

/** A member's names in the coalition's three languages, as members and delegations carry them. */
type Names = Record<Language, string>;

/** The name in the reader's language, else the one the member is listed under (a name left blank in a language). */
export const nameIn = (names: Names | undefined, fallback: string, language: Language): string =>
  names?.[language] || fallback;

/** `memberName(member)`: a member's name in the reader's language. */
export function useMemberName(): (member: { name: string; names?: Names }) => string {
  const language = useLanguage();
  return (member) => nameIn(member.names, member.name, language);
}
