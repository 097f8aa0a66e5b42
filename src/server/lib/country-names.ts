// The library's core without its Node entry, which registers all 78 languages (900 KB) at start: ours are three.
import countries from 'i18n-iso-countries/index.js';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { MemberNames } from '../../shared/members.js';

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(ar);

/**
 * Kosovo has no ISO 3166-1 code; XKX is the user-assigned code the EU, IMF and World Bank use,
 * and i18n-iso-countries does not know it, so its names are ours.
 */
const USER_ASSIGNED: Record<string, MemberNames> = {
  XKX: { en: 'Kosovo', fr: 'Kosovo', ar: 'كوسوفو' },
};

export function isStateCode(code: string): boolean {
  return code in USER_ASSIGNED || (code.length === 3 && countries.isValid(code));
}

/**
 * The library's first English name is the ISO one, which reads badly in a list
 * ("Korea, Republic of"): prefer a comma-free alias, else turn "X, Y of" into "Y of X".
 */
function englishName(code: string): string {
  const all = countries.getName(code, 'en', { select: 'all' }) ?? [];
  const [official] = all;
  if (!official) return code;
  if (!official.includes(',')) return official;
  const plain = all.filter((n) => !n.includes(',') && n.length > 3);
  if (plain.length > 0) return plain[plain.length - 1];
  const [head, tail] = official.split(', ');
  return `${tail} ${head}`;
}

/**
 * Where the library's first name is a long official form or not the common short name a reader
 * looks for in a list ("The Republic of North Macedonia" sorted under T, « États-Unis d'Amérique »),
 * the short name in each language; the rest of the library's names are already the short ones.
 */
const SHORT_NAMES: Record<string, Partial<MemberNames>> = {
  CZE: { en: 'Czechia', fr: 'Tchéquie', ar: 'التشيك' },
  MDA: { en: 'Moldova' },
  MKD: { en: 'North Macedonia' },
  USA: { en: 'United States', fr: 'États-Unis' },
  // The library capitalises these as English would; French writes the adjective in lower case.
  ARE: { fr: 'Émirats arabes unis' },
  SAU: { fr: 'Arabie saoudite' },
};

/** The official long forms of the states whose display name is a short one (the UN's terminology). */
const OFFICIAL_NAMES: Record<string, MemberNames> = {
  CZE: { en: 'Czech Republic', fr: 'République tchèque', ar: 'الجمهورية التشيكية' },
  KOR: { en: 'Republic of Korea', fr: 'République de Corée', ar: 'جمهورية كوريا' },
  MDA: { en: 'Republic of Moldova', fr: 'République de Moldova', ar: 'جمهورية مولدوفا' },
  MKD: { en: 'Republic of North Macedonia', fr: 'République de Macédoine du Nord', ar: 'جمهورية مقدونيا الشمالية' },
  USA: { en: 'United States of America', fr: "États-Unis d'Amérique", ar: 'الولايات المتحدة الأمريكية' },
};

/** English, French and Arabic common short names of a state (for display and sorting), or null for a code no list knows. */
export function stateNames(code: string): MemberNames | null {
  if (USER_ASSIGNED[code]) return USER_ASSIGNED[code];
  if (!isStateCode(code)) return null;
  return {
    en: englishName(code),
    fr: countries.getName(code, 'fr') ?? code,
    ar: countries.getName(code, 'ar') ?? code,
    ...SHORT_NAMES[code],
  };
}

/** A state's official long names where they differ from its short ones; null otherwise. */
export function officialStateNames(code: string): MemberNames | null {
  return OFFICIAL_NAMES[code] ?? null;
}
