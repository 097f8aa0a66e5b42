import countries from 'i18n-iso-countries';
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

/** English, French and Arabic names of a state, or null for a code no list knows. */
export function stateNames(code: string): MemberNames | null {
  if (USER_ASSIGNED[code]) return USER_ASSIGNED[code];
  if (!isStateCode(code)) return null;
  return {
    en: englishName(code),
    fr: countries.getName(code, 'fr') ?? code,
    ar: countries.getName(code, 'ar') ?? code,
  };
}
