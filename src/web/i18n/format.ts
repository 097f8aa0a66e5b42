import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale, type Language } from '../../shared/i18n.js';

/**
 * Dates, numbers and lists in the reader's language, through Intl. One set of formatters per
 * language, built once: an Intl formatter is costly to build and cheap to use.
 */
export interface Formatters {
  language: Language;
  /** The locale Intl uses (Arabic with Latin digits: docs/adr/0006). */
  locale: string;
  /** A calendar date ("2014-12-03"), which has no zone: "3 December 2014", "3 décembre 2014", "3 ديسمبر 2014". */
  date: (isoDate: string) => string;
  /** A range of calendar dates: "12–21 November 2014". */
  dateRange: (startIsoDate: string, endIsoDate: string) => string;
  /** A month: "June 2015". */
  month: (isoDate: string) => string;
  /** A moment, in the reader's own zone: "3 Dec 2014, 10:00". */
  dateTime: (iso: string) => string;
  /** 1234 → "1,234" (en), "1 234" (fr), "1,234" (ar, Latin digits). */
  number: (n: number) => string;
  /** ["France", "Iraq", "Jordan"] → "France, Iraq and Jordan" / "France, Iraq et Jordan" / "France وIraq وJordan". */
  list: (items: readonly string[]) => string;
  /** An indicator's unit in the reader's language, English (`unit`) when not translated. */
  unit: (of: { unit: string; unitTranslations: Partial<Record<Language, string>> }) => string;
}

const utcDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const valid = (d: Date) => !Number.isNaN(d.getTime());

const cache = new Map<Language, Formatters>();

export function formatters(language: Language): Formatters {
  const known = cache.get(language);
  if (known) return known;
  const locale = formattingLocale[language];
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const made: Formatters = {
    language,
    locale,
    date: (iso) => (valid(utcDate(iso)) ? day.format(utcDate(iso)) : iso),
    dateRange: (start, end) =>
      valid(utcDate(start)) && valid(utcDate(end)) ? day.formatRange(utcDate(start), utcDate(end)) : start,
    month: (iso) => (valid(utcDate(iso)) ? month.format(utcDate(iso)) : iso),
    dateTime: (iso) => (valid(new Date(iso)) ? moment.format(new Date(iso)) : iso),
    number: (n) => number.format(n),
    list: (items) => list.format(items),
    unit: (of) => of.unitTranslations[language] ?? of.unit,
  };
  cache.set(language, made);
  return made;
}

/** The reader's language, as one of ours. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) as Language;
}

/** The formatters of the reader's language; a component re-renders with new ones when it changes. */
export function useFormat(): Formatters {
  const language = useLanguage();
  return useMemo(() => formatters(language), [language]);
}
