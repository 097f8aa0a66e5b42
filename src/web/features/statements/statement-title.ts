import type { Language } from '../../../shared/i18n.js';
import type { TranslationsAnswer } from '../../../shared/statements.js';

/** A statement's `{ fr: { title } }` translations as the `{ fr: title }` LocalizedTitle takes. */
export function titlesOf(translations: TranslationsAnswer | null | undefined): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const [language, value] of Object.entries(translations ?? {}) as [Language, { title: string } | undefined][]) {
    if (value?.title) out[language] = value.title;
  }
  return out;
}
