/**
 * The web app's catalogs, for tests that read a page in a language: the text a page must show,
 * and the labels a journey in French or Arabic selects by. Imported, not read from disk, so that
 * a key a test asks for (`ar.secretariat.addMember.title`) is checked by tsc like the app's own.
 */
import type { Language } from '../../src/shared/i18n.js';
import arAuth from '../../src/web/locales/ar/auth.json' with { type: 'json' };
import arCommon from '../../src/web/locales/ar/common.json' with { type: 'json' };
import arEnums from '../../src/web/locales/ar/enums.json' with { type: 'json' };
import arForms from '../../src/web/locales/ar/forms.json' with { type: 'json' };
import arHome from '../../src/web/locales/ar/home.json' with { type: 'json' };
import arMeetingForms from '../../src/web/locales/ar/meetingForms.json' with { type: 'json' };
import arMeetings from '../../src/web/locales/ar/meetings.json' with { type: 'json' };
import arMembers from '../../src/web/locales/ar/members.json' with { type: 'json' };
import arSecretariat from '../../src/web/locales/ar/secretariat.json' with { type: 'json' };
import arStatements from '../../src/web/locales/ar/statements.json' with { type: 'json' };
import enAuth from '../../src/web/locales/en/auth.json' with { type: 'json' };
import enCommon from '../../src/web/locales/en/common.json' with { type: 'json' };
import enEnums from '../../src/web/locales/en/enums.json' with { type: 'json' };
import enForms from '../../src/web/locales/en/forms.json' with { type: 'json' };
import enHome from '../../src/web/locales/en/home.json' with { type: 'json' };
import enMeetingForms from '../../src/web/locales/en/meetingForms.json' with { type: 'json' };
import enMeetings from '../../src/web/locales/en/meetings.json' with { type: 'json' };
import enMembers from '../../src/web/locales/en/members.json' with { type: 'json' };
import enSecretariat from '../../src/web/locales/en/secretariat.json' with { type: 'json' };
import enStatements from '../../src/web/locales/en/statements.json' with { type: 'json' };
import frAuth from '../../src/web/locales/fr/auth.json' with { type: 'json' };
import frCommon from '../../src/web/locales/fr/common.json' with { type: 'json' };
import frEnums from '../../src/web/locales/fr/enums.json' with { type: 'json' };
import frForms from '../../src/web/locales/fr/forms.json' with { type: 'json' };
import frHome from '../../src/web/locales/fr/home.json' with { type: 'json' };
import frMeetingForms from '../../src/web/locales/fr/meetingForms.json' with { type: 'json' };
import frMeetings from '../../src/web/locales/fr/meetings.json' with { type: 'json' };
import frMembers from '../../src/web/locales/fr/members.json' with { type: 'json' };
import frSecretariat from '../../src/web/locales/fr/secretariat.json' with { type: 'json' };
import frStatements from '../../src/web/locales/fr/statements.json' with { type: 'json' };

export const en = {
  auth: enAuth,
  common: enCommon,
  enums: enEnums,
  forms: enForms,
  home: enHome,
  meetingForms: enMeetingForms,
  meetings: enMeetings,
  members: enMembers,
  secretariat: enSecretariat,
  statements: enStatements,
};
export const fr = {
  auth: frAuth,
  common: frCommon,
  enums: frEnums,
  forms: frForms,
  home: frHome,
  meetingForms: frMeetingForms,
  meetings: frMeetings,
  members: frMembers,
  secretariat: frSecretariat,
  statements: frStatements,
};
export const ar = {
  auth: arAuth,
  common: arCommon,
  enums: arEnums,
  forms: arForms,
  home: arHome,
  meetingForms: arMeetingForms,
  meetings: arMeetings,
  members: arMembers,
  secretariat: arSecretariat,
  statements: arStatements,
};

type Tree = { [key: string]: string | Tree };
export type Namespace = keyof typeof en;
/** Each language's catalogs, typed by their JSON: `TEXTS[language].common.nav.members`. */
export const TEXTS = { en, fr, ar };
/** The same as plain trees, for walking every text. */
export const CATALOGS: Record<Language, Record<Namespace, Tree>> = TEXTS;

/** A catalog's text with its `{{placeholders}}` filled, as i18next would (no plural choice). */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/** Every text of a language's catalogs, by key (`home:hero.title`). */
export function textsOf(language: Language, namespaces: readonly Namespace[] = Object.keys(en) as Namespace[]) {
  const out = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`;
      if (typeof value === 'string') out.set(path, value);
      else walk(value, path);
    }
  };
  for (const ns of namespaces) walk(CATALOGS[language][ns], `${ns}:`);
  return out;
}

/** The text as a regular expression's source that matches it exactly. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The keys whose text, placeholders filled with anything and tags dropped, is exactly `shown`:
 * what tells which catalog text a page shows without knowing the key its author chose.
 */
export function keysShowing(language: Language, shown: string, namespaces?: readonly Namespace[]): string[] {
  const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
  const keys: string[] = [];
  for (const [key, text] of textsOf(language, namespaces)) {
    const pattern = normal(text)
      .replace(/<\/?\w+>/g, '')
      .split(/\{\{[^}]*\}\}/)
      .map(escapeRegExp)
      .join('.+?');
    if (new RegExp(`^${pattern}$`, 's').test(normal(shown))) keys.push(key);
  }
  return keys;
}

/** Arabic letters (the Arabic block and its presentation forms). */
export const hasArabic = (text: string | null | undefined) =>
  /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text ?? '');

/** The plural form i18next would choose for `count`: `plural('ar', ar.meetings.delegations, 'present', 2)` is `present_two`. */
export function plural(language: Language, texts: object, key: string, count: number): string {
  const form = new Intl.PluralRules(language).select(count);
  const text = (texts as Record<string, unknown>)[`${key}_${form}`];
  if (typeof text !== 'string') throw new Error(`no ${key}_${form} in the ${language} catalog`);
  return text;
}
