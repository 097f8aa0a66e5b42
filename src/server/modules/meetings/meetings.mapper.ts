import {
  DelegateRole,
  type Delegation,
  type Meeting,
  type MeetingSummary,
  WorkingLanguage,
} from '../../../shared/meetings.js';
import { MemberKind } from '../../../shared/members.js';
import type { MeetingRow } from '../../db/schema/meetings.js';
import { zonedIso } from '../../lib/zoned-time.js';
import type { DelegationPart, MeetingPageRow } from './meetings.repo.js';

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export function toSummary(row: MeetingRow, hostCode: string | null): MeetingSummary {
  const startTime = hhmm(row.startTime);
  const endTime = hhmm(row.endTime);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    hostCode,
    city: row.city,
    venue: row.venue,
    timeZone: row.timeZone,
    datePrecision: row.datePrecision,
    startDate: row.startDate,
    endDate: row.endDate,
    startTime,
    endTime,
    startsAt: startTime ? zonedIso(row.startDate, startTime, row.timeZone) : null,
    endsAt: endTime ? zonedIso(row.endDate, endTime, row.timeZone) : null,
    version: row.version,
  };
}

export const PROTOCOL_RULE: Record<WorkingLanguage, string> = {
  en: 'The host first; then states in alphabetical order of their English names; then organisations, alphabetically.',
  fr: "L'hôte d'abord ; puis les États dans l'ordre alphabétique de leur nom en français ; puis les organisations, par ordre alphabétique.",
  ar: 'الدولة المضيفة أولاً، ثم الدول بالترتيب الأبجدي لأسمائها بالعربية، ثم المنظمات بالترتيب الأبجدي.',
};

// A collator is costly to build (it loads the language's rules): one per language, kept.
const collators = Object.fromEntries(
  WorkingLanguage.options.map((language) => [language, new Intl.Collator(language, { sensitivity: 'base' })]),
) as Record<WorkingLanguage, Intl.Collator>;

/** What protocol order looks at: the member, its kind, its names. */
type Ranked = Pick<DelegationPart, 'memberId' | 'code' | 'kind' | 'nameEn' | 'nameFr' | 'nameAr'>;

const nameIn = (x: Ranked, language: WorkingLanguage) =>
  language === WorkingLanguage.enum.fr ? x.nameFr : language === WorkingLanguage.enum.ar ? x.nameAr : x.nameEn;

/**
 * Protocol order of delegations (the tour de table): the host first, then states by their
 * name in the meeting's working language, then organisations the same way.
 */
export function protocolOrder<T extends Ranked>(
  items: T[],
  hostMemberId: string | null,
  language: WorkingLanguage,
): T[] {
  const collator = collators[language];
  const rank = (x: T) => (x.memberId === hostMemberId ? 0 : x.kind === MemberKind.enum.state ? 1 : 2);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) || collator.compare(nameIn(a, language), nameIn(b, language)) || a.code.localeCompare(b.code),
  );
}

function toDelegation(part: DelegationPart): Delegation {
  return {
    memberCode: part.code,
    memberName: part.nameEn,
    memberNames: { en: part.nameEn, fr: part.nameFr, ar: part.nameAr },
    memberKind: part.kind,
    level: part.level,
    head: part.delegates.find((s) => s.role === DelegateRole.enum.head)?.person ?? null,
    delegates: part.delegates,
    attendance: part.attendance,
    attendanceNote: part.attendanceNote,
    version: part.version,
  };
}

/** The meeting page from its one query's row. */
export function toMeeting(page: MeetingPageRow): Meeting {
  const { meeting: row } = page;
  const delegations = protocolOrder(page.delegations, row.hostMemberId, row.workingLanguage).map(toDelegation);
  return {
    ...toSummary(row, page.hostCode),
    summary: row.summary,
    note: row.note,
    workingLanguage: row.workingLanguage,
    seatQuota: row.seatQuota,
    chairs: page.chairs,
    chairNote: row.chairNote,
    restrictedTo: page.restrictedTo.map((r) => r.code),
    agenda: page.agenda,
    delegations,
    remarks: page.remarks,
  };
}
