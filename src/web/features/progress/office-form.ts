import type { AddOfficeBody, OfficeRole } from '../../../shared/progress.js';
import { orNull } from '../../components/form-values.js';

/** An office as the secretariat's form holds it: days as YYYY-MM-DD, or '' for none. */
export interface OfficeValues {
  memberCode: string;
  role: OfficeRole;
  fromOn: string;
  toOn: string;
  note: string;
}

export const emptyOffice = (today: string): OfficeValues => ({
  memberCode: '',
  role: 'co_lead',
  fromOn: today,
  toOn: '',
  note: '',
});

/** The POST body: blank days and note are none (null). */
export function toOfficeBody(v: OfficeValues): AddOfficeBody {
  return {
    memberCode: v.memberCode,
    role: v.role,
    fromOn: orNull(v.fromOn),
    toOn: orNull(v.toOn),
    note: orNull(v.note),
  };
}

/** Names in three languages, as lines, groups and indicators carry them: the reader's, else English. */
export function nameIn(names: { en: string; fr?: string; ar?: string }, language: 'en' | 'fr' | 'ar') {
  const own = names[language];
  return own ? { text: own, lang: language } : { text: names.en, lang: 'en' as const };
}
