import type { ReactNode } from 'react';
import type { Language } from '../../../shared/i18n.js';
import { useLanguage } from '../../i18n/format.js';

/**
 * Text written in `language` — a meeting's title and agenda, typed in its working language —
 * marked as such when the reader reads another (screen readers and fonts follow `lang`), and
 * isolated, so that a title in the other direction does not reorder the line around it.
 */
export function InLanguage({ language, children }: { language: Language; children: ReactNode }) {
  const reader = useLanguage();
  if (language === reader) return children;
  return <bdi lang={language}>{children}</bdi>;
}
