import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n.js';
import { chooseTitle } from './localized-title.js';

const FR = 'Réunion ministérielle';
const EN = 'Ministerial meeting';
const AR = 'الاجتماع الوزاري';

describe('the title a reader sees', () => {
  it.each<
    [string, Language, Partial<Record<Language, string>> | null | undefined, Language, ReturnType<typeof chooseTitle>]
  >([
    [
      'the original, to a reader of its language',
      'fr',
      { en: EN, ar: AR },
      'fr',
      { text: FR, lang: 'fr', isTranslation: false },
    ],
    [
      'the translation into the reader’s language',
      'en',
      { en: EN, ar: AR },
      'fr',
      { text: EN, lang: 'en', isTranslation: true },
    ],
    [
      'the Arabic translation to an Arabic reader',
      'ar',
      { en: EN, ar: AR },
      'fr',
      { text: AR, lang: 'ar', isTranslation: true },
    ],
    [
      'the original, marked with its language, when the reader’s is missing',
      'ar',
      { en: EN },
      'fr',
      { text: FR, lang: 'fr', isTranslation: false },
    ],
    ['the original when there are no translations', 'en', {}, 'fr', { text: FR, lang: 'fr', isTranslation: false }],
    ['the original when translations are null', 'en', null, 'fr', { text: FR, lang: 'fr', isTranslation: false }],
    [
      'the original when translations are left out',
      'en',
      undefined,
      'fr',
      { text: FR, lang: 'fr', isTranslation: false },
    ],
    [
      'the original over a stray translation in its own language',
      'fr',
      { fr: 'Autre chose' },
      'fr',
      { text: FR, lang: 'fr', isTranslation: false },
    ],
    [
      'the original over a blank translation',
      'en',
      { en: '   ' },
      'fr',
      { text: FR, lang: 'fr', isTranslation: false },
    ],
  ])('%s', (_what, reader, translations, original, expected) => {
    expect(chooseTitle(reader, FR, translations, original)).toEqual(expected);
  });
});
