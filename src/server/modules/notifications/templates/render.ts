import { formattingLocale, type Language } from '../../../../shared/i18n.js';
import type { TitleTranslationsAnswer } from '../../../../shared/meetings.js';

/** A mail's words: plain text, in one language. */
export interface MailText {
  subject: string;
  body: string;
}

/** One kind's mail in each language: a template file exports one of these. */
export type MailTemplate<P> = Record<Language, (params: P) => MailText>;

/** "3 December 2014" in the reader's language (Latin digits in Arabic too: docs/adr/0006). */
export const longDate = (language: Language, isoDate: string): string =>
  new Intl.DateTimeFormat(formattingLocale[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

/** "3 – 4 December 2014", or one date when the meeting lasts one day. */
export const dateSpan = (language: Language, start: string, end: string): string =>
  start === end
    ? longDate(language, start)
    : new Intl.DateTimeFormat(formattingLocale[language], { dateStyle: 'long', timeZone: 'UTC' }).formatRange(
        new Date(`${start}T00:00:00Z`),
        new Date(`${end}T00:00:00Z`),
      );

/** The title in the reader's language where a translation exists, else the original (docs/adr/0007). */
export const titleIn = (language: Language, title: string, translations: TitleTranslationsAnswer): string =>
  translations[language] ?? title;
