import { useTranslation } from 'react-i18next';
import type en from '../locales/en/enums.json';

/** The enums the catalogs name (src/web/locales/<language>/enums.json). */
export type EnumName = keyof typeof en;

/**
 * A select's options for an enum, labelled in the reader's language:
 * `useEnumOptions('meetingKind', MEETING_KINDS)`.
 */
export function useEnumOptions<E extends EnumName>(
  name: E,
  values: readonly (keyof (typeof en)[E] & string)[],
): { value: string; label: string }[] {
  const { t } = useTranslation('enums');
  // The key is built from the enum's name and value, both checked against the English catalog above.
  return values.map((value) => ({ value, label: t(`${name}.${value}` as never) as string }));
}
