import type {
  CreateIndicatorBody,
  IndicatorVisibility,
  MemberAggregation,
  PeriodType,
  TimeAggregation,
} from '../../../shared/progress.js';

export interface IndicatorValues {
  key: string;
  names: { en: string; fr: string; ar: string };
  unit: string;
  /** The unit in French and Arabic; left empty, readers see the English. */
  unitTranslations: { fr: string; ar: string };
  lineOfEffort: string;
  periodType: PeriodType;
  memberAggregation: MemberAggregation;
  timeAggregation: TimeAggregation;
  visibility: IndicatorVisibility;
  /** One a line: `oil_sales: Oil sales`. */
  categories: string;
  /** One a line: `2015-Q1: 250`. */
  targets: string;
}

export const newIndicatorValues = (): IndicatorValues => ({
  key: '',
  names: { en: '', fr: '', ar: '' },
  unit: '',
  unitTranslations: { fr: '', ar: '' },
  lineOfEffort: '',
  periodType: 'month',
  memberAggregation: 'sum',
  timeAggregation: 'flow',
  visibility: 'public',
  categories: '',
  targets: '',
});

/** `key: text` lines, blank lines skipped. */
const pairs = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf(':');
      return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    });

const orUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The POST body from the form: categories and targets from their lines. */
export function toIndicatorBody(values: IndicatorValues): CreateIndicatorBody {
  const categories = pairs(values.categories).map(([key, name]) => ({ key, names: { en: name || key } }));
  const targets = pairs(values.targets).map(([period, value]) => ({ period, value: Number(value.replace(/\s/g, '')) }));
  return {
    key: values.key.trim(),
    names: { en: values.names.en.trim(), fr: orUndefined(values.names.fr), ar: orUndefined(values.names.ar) },
    unit: values.unit.trim(),
    unitTranslations: { fr: orUndefined(values.unitTranslations.fr), ar: orUndefined(values.unitTranslations.ar) },
    lineOfEffort: values.lineOfEffort.trim(),
    memberAggregation: values.memberAggregation,
    timeAggregation: values.timeAggregation,
    periodType: values.periodType,
    visibility: values.visibility,
    ...(categories.length > 0 ? { categories } : {}),
    ...(targets.length > 0 ? { targets } : {}),
  };
}
