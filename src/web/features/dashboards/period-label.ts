import { useTranslation } from 'react-i18next';
import type { NamesAnswer } from '../../../shared/progress.js';
import { useFormat } from '../../i18n/format.js';

/** A period's name for the reader: "January 2015" / "janvier 2015", "Q1 2015" / "T1 2015", "2015". */
export function usePeriodName(): (period: string) => string {
  const { t } = useTranslation('progress');
  const f = useFormat();
  return (period) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
    if (quarter) return t('dashboard.quarter', { year: quarter[1], quarter: quarter[2] });
    if (/^\d{4}-\d{2}$/.test(period)) return f.month(`${period}-01`);
    return period;
  };
}

/** An indicator's or a line's name in the reader's language, else in English. */
export const namesIn = (names: NamesAnswer, language: string): string =>
  (names as Record<string, string | undefined>)[language] || names.en;
