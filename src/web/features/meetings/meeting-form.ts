import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n.js';
import type {
  CreateMeetingBody,
  Meeting,
  MeetingKind,
  UpdateMeetingBody,
  Visibility,
  WorkingLanguage,
} from '../../../shared/meetings.js';
import type { Member } from '../../../shared/members.js';
import { orNull } from '../../components/form-values.js';
import { EXAMPLE_ZONE } from './time-zones.js';

/** One agenda item as the form edits it; `key` keeps React's rows apart while items come and go. */
export interface AgendaRow {
  key: string;
  title: string;
  lineOfEffort: string;
}

/** A meeting as the form edits it: absent values are empty strings, for the inputs. */
export interface MeetingFormValues {
  kind: MeetingKind;
  title: string;
  /** The title in the other languages, translated; the one in the working language is not used. */
  titleTranslations: Record<Language, string>;
  hostCode: string;
  /** The people who chair it, in order. */
  chairIds: string[];
  city: string;
  /** The city's name in the other languages. */
  cityTranslations: Record<Language, string>;
  venue: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  visibility: Visibility;
  restrictedTo: string[];
  workingLanguage: WorkingLanguage;
  seatQuota: string;
  summary: string;
  agenda: AgendaRow[];
}

export const emptyMeeting: MeetingFormValues = {
  kind: 'ministerial',
  title: '',
  titleTranslations: { en: '', fr: '', ar: '' },
  hostCode: '',
  chairIds: [],
  city: '',
  cityTranslations: { en: '', fr: '', ar: '' },
  venue: '',
  timeZone: '',
  startDate: '',
  endDate: '',
  startTime: '',
  endTime: '',
  visibility: 'public',
  restrictedTo: [],
  workingLanguage: 'en',
  seatQuota: '1+3',
  summary: '',
  agenda: [],
};

const required = (message: string) => (value: string) => (value.trim() === '' ? message : null);

/**
 * Only what the server would refuse for sure is checked here; its answer decides the rest.
 * The messages are in the reader's language, as the server's field errors are.
 */
export function validateMeeting(t: TFunction<['meetingForms']>) {
  return {
    title: required(t('meetingForms:meeting.errors.title')),
    timeZone: required(t('meetingForms:meeting.errors.timeZone', { example: EXAMPLE_ZONE })),
    startDate: required(t('meetingForms:meeting.errors.startDate')),
  };
}

/** The translations typed, in languages other than the working language (the original's); null when none. */
export function titleTranslationsOf(v: Pick<MeetingFormValues, 'titleTranslations' | 'workingLanguage'>) {
  const typed = Object.entries(v.titleTranslations)
    .filter(([language, text]) => language !== v.workingLanguage && text.trim() !== '')
    .map(([language, text]) => [language, text.trim()]);
  return typed.length > 0 ? (Object.fromEntries(typed) as Partial<Record<Language, string>>) : null;
}

/** The city's names typed, in languages other than the working language; null when none. */
export function cityTranslationsOf(v: Pick<MeetingFormValues, 'cityTranslations' | 'workingLanguage'>) {
  const typed = Object.entries(v.cityTranslations)
    .filter(([language, text]) => language !== v.workingLanguage && text.trim() !== '')
    .map(([language, text]) => [language, text.trim()]);
  return typed.length > 0 ? (Object.fromEntries(typed) as Partial<Record<Language, string>>) : null;
}

/** The new meeting as the API takes it: planned, and one day long unless an end date is given. */
export function toCreateBody(v: MeetingFormValues): Partial<CreateMeetingBody> {
  return {
    kind: v.kind,
    title: v.title.trim(),
    titleTranslations: titleTranslationsOf(v),
    hostCode: orNull(v.hostCode),
    chairIds: v.chairIds,
    city: orNull(v.city),
    cityTranslations: cityTranslationsOf(v),
    venue: orNull(v.venue),
    timeZone: v.timeZone.trim(),
    startDate: v.startDate,
    // A one-day meeting: the end date is the start date.
    endDate: v.endDate || v.startDate,
    startTime: orNull(v.startTime),
    endTime: orNull(v.endTime),
    status: 'planned',
    visibility: v.visibility,
    restrictedTo: v.visibility === 'restricted' ? v.restrictedTo : [],
    workingLanguage: v.workingLanguage,
    seatQuota: v.seatQuota.trim(),
    summary: orNull(v.summary),
    agenda: v.agenda.map((a) => ({ title: a.title.trim(), lineOfEffort: orNull(a.lineOfEffort) })),
  };
}

/** An active member as a choice in a list, named in the reader's language: "France (FRA)", "فرنسا (FRA)". */
export function memberOptions(
  members: readonly Pick<Member, 'code' | 'name' | 'names' | 'status'>[],
  language: Language,
  t: TFunction<['meetingForms']>,
): { value: string; label: string }[] {
  return members
    .filter((m) => m.status === 'active')
    .map((m) => ({
      value: m.code,
      label: t('meetingForms:memberOption', { name: m.names[language] || m.name, code: m.code }),
    }));
}

/** The members a restricted meeting is shown to, and its chairs, are one field each on the form, not one per item. */
export const meetingFieldOf = (path: string): string =>
  path.startsWith('restrictedTo.') ? 'restrictedTo' : path.startsWith('chairIds.') ? 'chairIds' : path;

/** A meeting as the form edits it: every field it has, none left null. */
export function fromMeeting(m: Meeting): MeetingFormValues {
  return {
    kind: m.kind,
    title: m.title,
    titleTranslations: { en: '', fr: '', ar: '', ...m.titleTranslations },
    hostCode: m.hostCode ?? '',
    chairIds: m.chairs.map((c) => c.id),
    city: m.city ?? '',
    cityTranslations: { en: '', fr: '', ar: '', ...m.cityTranslations },
    venue: m.venue ?? '',
    timeZone: m.timeZone,
    startDate: m.startDate,
    // One day long: the form leaves the end date blank, as for a new one.
    endDate: m.endDate === m.startDate ? '' : m.endDate,
    startTime: m.startTime ?? '',
    endTime: m.endTime ?? '',
    visibility: m.visibility,
    restrictedTo: m.restrictedTo,
    workingLanguage: m.workingLanguage,
    seatQuota: m.seatQuota,
    summary: m.summary ?? '',
    agenda: m.agenda.map((a) => ({ key: `item-${a.position}`, title: a.title, lineOfEffort: a.lineOfEffort ?? '' })),
  };
}

/** The change as the API takes it: every field the form edits (its status is changed apart, with its reason). */
export function toUpdateBody(v: MeetingFormValues): UpdateMeetingBody {
  const { status: _status, ...body } = toCreateBody(v);
  return body as UpdateMeetingBody;
}

/**
 * The start of the next meeting like this one: what it is, where, in which language, for whom and
 * about what; not when (the dates and times are left to fill), who chairs it or what came of it.
 */
export function duplicateOf(m: Meeting): MeetingFormValues {
  return {
    ...fromMeeting(m),
    chairIds: [],
    startDate: '',
    endDate: '',
    startTime: '',
    endTime: '',
    summary: '',
  };
}
