import type { Language } from '../../../shared/i18n.js';
import type { MeetingSummary } from '../../../shared/meetings.js';
import type { TranslationsAnswer } from '../../../shared/statements.js';
import { chooseTitle } from '../../components/localized-title.js';

/** A statement's `{ fr: { title } }` translations as the `{ fr: title }` LocalizedTitle takes. */
export function titlesOf(translations: TranslationsAnswer | null | undefined): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const [language, value] of Object.entries(translations ?? {}) as [Language, { title: string } | undefined][]) {
    if (value?.title) out[language] = value.title;
  }
  return out;
}

/** A meeting as a select offers it: its title in the reader's language (else the original) and its first day. */
export function meetingOption(
  m: Pick<MeetingSummary, 'id' | 'title' | 'titleTranslations' | 'workingLanguage' | 'startDate'>,
  reader: Language,
  date: (isoDate: string) => string,
): { value: string; label: string } {
  return {
    value: m.id,
    label: `${chooseTitle(reader, m.title, m.titleTranslations, m.workingLanguage).text} (${date(m.startDate)})`,
  };
}
