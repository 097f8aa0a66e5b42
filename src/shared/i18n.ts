import { LANGUAGES } from './enums.js';

/**
 * The languages of the interface: the coalition's three working languages. Adding a fourth
 * starts in `LANGUAGES` (src/shared/enums.ts; see docs/adding-a-language.md). This file has no
 * zod: the web app's first load uses it. The zod enum is in src/shared/language.ts.
 */
export { LANGUAGES };
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** The cookie that remembers the reader's choice, signed in or not. */
export const LANGUAGE_COOKIE = 'entente_lang';

/** The query parameter that chooses a language on any URL: `?lang=ar`. */
export const LANGUAGE_PARAM = 'lang';

export const directionOf = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/**
 * The locale Intl formats with. Arabic is written with Latin digits (0–9), as the United
 * Nations' Arabic documents and the Gulf ministries' web sites do: see docs/adr/0006.
 */
export const formattingLocale: Record<Language, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  ar: 'ar-u-nu-latn',
};

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** A language tag ("fr-CA", "ar", "EN") as one of ours, or null. */
export function languageOf(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : null;
}

/**
 * The reader's language: the one the URL asks for, else the one they chose before (cookie),
 * else the first of their browser's languages we have, else English.
 */
export function chooseLanguage(choice: {
  param?: string | null;
  saved?: string | null;
  accepted?: readonly string[];
}): Language {
  return (
    languageOf(choice.param) ??
    languageOf(choice.saved) ??
    (choice.accepted ?? []).map(languageOf).find((l): l is Language => l !== null) ??
    DEFAULT_LANGUAGE
  );
}

/** An Accept-Language header's tags, best first ("fr-CH, fr;q=0.9, en;q=0.8" → fr-CH, fr, en). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.tag && t.tag !== '*' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((t) => t.tag);
}
