import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n.js';
import type { CreateMeetingBody, MeetingKind, Visibility, WorkingLanguage } from '../../../shared/meetings.js';
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
  city: string;
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
  city: '',
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

/** The new meeting as the API takes it: planned, and one day long unless an end date is given. */
export function toCreateBody(v: MeetingFormValues): Partial<CreateMeetingBody> {
  return {
    kind: v.kind,
    title: v.title.trim(),
    titleTranslations: titleTranslationsOf(v),
    hostCode: orNull(v.hostCode),
    city: orNull(v.city),
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

/** The members a restricted meeting is shown to are one field on the form, not one per code. */
export const meetingFieldOf = (path: string): string => (path.startsWith('restrictedTo.') ? 'restrictedTo' : path);
