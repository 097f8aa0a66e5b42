import type { Language } from '../../../shared/i18n.js';
import type { Visibility } from '../../../shared/meetings.js';
import type {
  AddTextVersionBody,
  CreateStatementBody,
  StatementKind,
  StatementTranslations,
} from '../../../shared/statements.js';
import { orNull } from '../../components/form-values.js';

/** The new statement form: the statement, then the text of its first version. */
export interface StatementFormValues {
  kind: StatementKind;
  title: string;
  language: Language;
  visibility: Visibility;
  /** '' for none. */
  meetingId: string;
  restrictedTo: string[];
  /** The title in the other languages; the one in the original's language is not sent. */
  titleTranslations: Record<Language, string>;
  text: string;
  note: string;
}

export const emptyStatement: StatementFormValues = {
  kind: 'joint_statement',
  title: '',
  language: 'en',
  visibility: 'coalition',
  meetingId: '',
  restrictedTo: [],
  titleTranslations: { en: '', fr: '', ar: '' },
  text: '',
  note: '',
};

/** The translations worth sending: typed, and not in the original's own language (the server refuses that). */
export function translationsOf(v: Pick<StatementFormValues, 'titleTranslations' | 'language'>): StatementTranslations {
  const out: StatementTranslations = {};
  for (const [language, title] of Object.entries(v.titleTranslations) as [Language, string][]) {
    if (language !== v.language && title.trim() !== '') out[language] = { title: title.trim() };
  }
  return out;
}

/** The POST /statements body. Restricted members only go with a restricted statement. */
export function toCreateStatementBody(v: StatementFormValues): CreateStatementBody {
  const translations = translationsOf(v);
  return {
    kind: v.kind,
    title: v.title.trim(),
    language: v.language,
    visibility: v.visibility,
    ...(v.meetingId ? { meetingId: v.meetingId } : {}),
    ...(v.visibility === 'restricted' ? { restrictedTo: v.restrictedTo } : {}),
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
  };
}

/** A text version's body: the Markdown as typed (the server trims it), and the note or null. */
export function toVersionBody(v: Pick<StatementFormValues, 'text' | 'note'>): AddTextVersionBody {
  return { text: v.text, note: orNull(v.note) };
}

/** A server path to the form field that shows it: `translations.fr.title` → `titleTranslations.fr`, `restrictedTo.2` → `restrictedTo`. */
export function statementFieldOf(path: string): string {
  const translation = /^translations\.(\w+)/.exec(path);
  if (translation) return `titleTranslations.${translation[1]}`;
  if (path.startsWith('restrictedTo.')) return 'restrictedTo';
  return path;
}
