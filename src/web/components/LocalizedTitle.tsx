import { Text } from '@mantine/core';
import type { Language } from '../../shared/i18n.js';
import { useLanguage } from '../i18n/format.js';
import { chooseTitle } from './localized-title.js';

export interface LocalizedTitleProps {
  /** The original, in `language`: the authentic text. */
  title: string;
  /** Its translations by language (a meeting's `titleTranslations`). */
  titleTranslations?: Partial<Record<Language, string>> | null;
  /** The original's language (a meeting's `workingLanguage`). */
  language: Language;
  /**
   * The page's own words, from its catalog, that put the original under a translation, with their
   * punctuation ("Authentic text (French):"); the original follows them. Without it, no such line.
   */
  authenticLabel?: string;
}

/**
 * A title as the reader should see it: its translation into their language, marked with it, else
 * the original marked with its own (`lang`, and `dir="auto"` for Arabic in a French page or the
 * reverse). Under a translation, when the page gives `authenticLabel`, a muted line shows the
 * original. Inline (spans only), so that it can sit in a heading or a table cell.
 */
export function LocalizedTitle({ title, titleTranslations, language, authenticLabel }: LocalizedTitleProps) {
  const shown = chooseTitle(useLanguage(), title, titleTranslations, language);
  if (!shown.isTranslation) {
    return <bdi lang={shown.lang}>{shown.text}</bdi>;
  }
  return (
    <>
      <bdi lang={shown.lang}>{shown.text}</bdi>
      {authenticLabel ? (
        <Text component="span" display="block" size="sm" c="dimmed" fw={400}>
          {authenticLabel} <bdi lang={language}>{title}</bdi>
        </Text>
      ) : null}
    </>
  );
}

/** The title's text in the reader's language (a translation, else the original), for a document title. */
export function useLocalizedTitleText(
  title: string,
  titleTranslations: Partial<Record<Language, string>> | null | undefined,
  language: Language,
): string {
  return chooseTitle(useLanguage(), title, titleTranslations, language).text;
}
