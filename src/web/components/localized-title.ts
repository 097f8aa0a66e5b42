import type { Language } from '../../shared/i18n.js';

/** Which text of a title a reader sees, and the language to mark it with. */
export interface ChosenTitle {
  text: string;
  lang: Language;
  /** A translation is shown; the original (the authentic text) is then worth showing beside it. */
  isTranslation: boolean;
}

/**
 * The title in the reader's language: the original when it is written in it, else its translation
 * into it when there is one, else the original, marked with its own language. Text typed by people
 * is never translated by the interface (docs/adr/0006): a missing translation shows the original.
 */
export function chooseTitle(
  reader: Language,
  title: string,
  translations: Partial<Record<Language, string>> | null | undefined,
  originalLanguage: Language,
): ChosenTitle {
  const translation = reader === originalLanguage ? undefined : translations?.[reader]?.trim();
  return translation
    ? { text: translation, lang: reader, isTranslation: true }
    : { text: title, lang: originalLanguage, isTranslation: false };
}
