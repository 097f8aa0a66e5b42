import i18next, { type i18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import {
  chooseLanguage,
  directionOf,
  LANGUAGE_COOKIE,
  LANGUAGE_PARAM,
  LANGUAGES,
  type Language,
  languageOf,
} from '../../shared/i18n.js';

/**
 * The catalogs, one file per language and namespace (src/web/locales/<language>/<namespace>.json).
 * Each is its own chunk: a reader downloads only their language's catalogs, and only the
 * namespaces of the pages they open.
 */
const catalogs = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json');

export const NAMESPACES = [
  'common',
  'enums',
  'forms',
  'home',
  'members',
  'meetings',
  'meetingForms',
  'secretariat',
  'auth',
  'desk',
  'statements',
  'progress',
  'reporting',
  'pledges',
  'imports',
  'openData',
  'search',
  'sources',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

const ONE_YEAR = 60 * 60 * 24 * 365;

function readCookie(name: string): string | null {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/** Remembers the choice in this browser, signed in or not. */
export function rememberLanguage(language: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain first-party preference cookie, read by the app only
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
}

/** `<html lang dir>`: screen readers, fonts, hyphenation and the layout's direction follow them. */
function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/**
 * The reader's language, from `?lang=` (then remembered, and taken off the address), the
 * language they chose before, or their browser's languages.
 */
let chosenByParam = false;

/** Whether the reader chose the language on this visit, with `?lang=` (it then wins over their account's). */
export const chosenThisVisit = (): boolean => chosenByParam;

export function detectLanguage(): Language {
  const url = new URL(window.location.href);
  const param = url.searchParams.get(LANGUAGE_PARAM);
  chosenByParam = param !== null && languageOf(param) !== null;
  const language = chooseLanguage({ param, saved: readCookie(LANGUAGE_COOKIE), accepted: navigator.languages });
  if (param !== null) {
    rememberLanguage(language);
    url.searchParams.delete(LANGUAGE_PARAM);
    window.history.replaceState(window.history.state, '', url);
  }
  return language;
}

/**
 * Starts i18next in the reader's language, with the common and enums catalogs (and `namespaces`,
 * those of the page being opened) loaded together before the first render.
 */
export async function startI18n(
  language: Language = detectLanguage(),
  namespaces: readonly Namespace[] = [],
): Promise<i18n> {
  i18next.on('languageChanged', (lng) => applyToDocument(lng as Language));
  await i18next
    .use(
      resourcesToBackend((lng: string, ns: string) => {
        const load = catalogs[`../locales/${lng}/${ns}.json`];
        return load ? load().then((m) => m.default) : Promise.reject(new Error(`no catalog ${lng}/${ns}`));
      }),
    )
    .use(initReactI18next)
    .init({
      lng: language,
      // No fallback: a reader of Arabic never downloads the English catalogs (the catalog test keeps them complete).
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      ns: ['common', 'enums', ...namespaces],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: true },
      returnNull: false,
    });
  applyToDocument(language);
  return i18next;
}

export { i18next };
