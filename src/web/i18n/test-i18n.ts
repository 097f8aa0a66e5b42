import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../shared/i18n.js';
import { NAMESPACES } from './i18n.js';

const LOCALES = join(import.meta.dirname, '../locales');

const made = new Map<Language, TFunction<typeof NAMESPACES>>();

/**
 * For unit tests: `t` in one language with every namespace, from the JSON catalogs the app
 * ships, loaded at once. An instance of its own: no backend, no React, no global state.
 */
export function testT(language: Language): TFunction<typeof NAMESPACES> {
  const known = made.get(language);
  if (known) return known;
  const catalogs = Object.fromEntries(
    NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(join(LOCALES, language, `${ns}.json`), 'utf8'))]),
  );
  const instance = i18next.createInstance();
  // With the resources given and initAsync off, init is done when it returns.
  void instance.init({
    lng: language,
    resources: { [language]: catalogs },
    ns: [...NAMESPACES],
    defaultNS: 'common',
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const t = instance.getFixedT(language, NAMESPACES);
  made.set(language, t);
  return t;
}
