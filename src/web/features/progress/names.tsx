import type { MemberRef, NamesAnswer } from '../../../shared/progress.js';
import { useLanguage } from '../../i18n/format.js';
import { nameIn } from './office-form.js';

/** A name of a line, group or indicator in the reader's language, else in English, marked with its language. */
export function LocalName({ names }: { names: NamesAnswer }) {
  const { text, lang } = nameIn(names, useLanguage());
  return <bdi lang={lang}>{text}</bdi>;
}

/** `memberName(member)`: a member as progress names it, in the reader's language. */
export function useMemberRefName(): (member: MemberRef) => string {
  const language = useLanguage();
  return (member) => member.names[language] || member.names.en;
}
