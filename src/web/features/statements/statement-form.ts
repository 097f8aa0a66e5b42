import { CHANGEABLE_WHEN_ADOPTED, LANGUAGES } from '../../../shared/enums.js';
import type { Language } from '../../../shared/i18n.js';
import type { Visibility } from '../../../shared/meetings.js';
import type {
  AddTextVersionBody,
  CreateStatementBody,
  Statement,
  StatementKind,
  StatementStatus,
  StatementTranslations,
  UpdateStatementBody,
} from '../../../shared/statements.js';
import { orNull } from '../../components/form-values.js';
import { titlesOf } from './statement-title.js';

/** The statement form: the statement, then (new only) the text of its first version. */
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

/** A statement as the edit form shows it: every field it has, none left null; no text (versions are added apart). */
export function fromStatement(s: Statement): StatementFormValues {
  return {
    kind: s.kind,
    title: s.title,
    language: s.language,
    visibility: s.visibility,
    meetingId: s.meetingId ?? '',
    restrictedTo: s.restrictedTo,
    titleTranslations: { en: '', fr: '', ar: '', ...titlesOf(s.translations) },
    text: '',
    note: '',
  };
}

/** A field of the PATCH body, as the edit form locks or unlocks it. */
export type EditableField = Exclude<keyof UpdateStatementBody, 'status'>;

const ALL_FIELDS: readonly EditableField[] = [
  'kind',
  'title',
  'language',
  'visibility',
  'meetingId',
  'restrictedTo',
  'translations',
];

/** What the secretariat may change on a statement in this status (the server's rule): a draft anything, an adopted one how it is published, else nothing. */
export function editableFields(status: StatementStatus): ReadonlySet<EditableField> {
  if (status === 'draft') return new Set(ALL_FIELDS);
  if (status === 'adopted') return new Set(CHANGEABLE_WHEN_ADOPTED);
  return new Set();
}

const sameTranslations = (a: StatementTranslations, b: StatementTranslations) =>
  LANGUAGES.every((language) => a[language]?.title === b[language]?.title);

/**
 * The PATCH body: only what changed from the values the form was filled with, so that a change
 * made meanwhile to another field is not overwritten with the old value. Translations go whole
 * (the server replaces them whole), members only with a restricted statement.
 */
export function toUpdateStatementBody(before: StatementFormValues, after: StatementFormValues): UpdateStatementBody {
  const body: UpdateStatementBody = {};
  if (after.kind !== before.kind) body.kind = after.kind;
  if (after.title.trim() !== before.title.trim()) body.title = after.title.trim();
  if (after.language !== before.language) body.language = after.language;
  if (after.visibility !== before.visibility) body.visibility = after.visibility;
  if (after.meetingId !== before.meetingId) body.meetingId = after.meetingId || null;
  const restricting = after.visibility === 'restricted';
  const members = (v: StatementFormValues) => JSON.stringify([...v.restrictedTo].sort());
  if (restricting && (before.visibility !== 'restricted' || members(after) !== members(before))) {
    body.restrictedTo = after.restrictedTo;
  }
  const translations = translationsOf(after);
  if (!sameTranslations(translations, translationsOf(before))) body.translations = translations;
  return body;
}
