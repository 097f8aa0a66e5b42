import {
  DelegateRole,
  type Delegation,
  type Meeting,
  type MeetingSummary,
  WorkingLanguage,
} from '../../../shared/meetings.js';
import { MemberKind } from '../../../shared/members.js';
import { zonedIso } from '../../lib/zoned-time.js';
import type {
  DelegationSeatRow,
  findMeetingRecord,
  MeetingPageRow,
  MeetingReadRow,
  PersonRef,
} from './meetings.repo.js';

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export function toSummary(row: MeetingReadRow): MeetingSummary {
  const startTime = hhmm(row.startTime);
  const endTime = hhmm(row.endTime);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    titleTranslations: row.titleTranslations,
    workingLanguage: row.workingLanguage,
    status: row.status,
    visibility: row.visibility,
    hostCode: row.hostCode,
    city: row.city,
    cityTranslations: row.cityTranslations,
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

// A collator is costly to build (it loads the language's rules): one per language, kept.
const collators = Object.fromEntries(
  WorkingLanguage.options.map((language) => [language, new Intl.Collator(language, { sensitivity: 'base' })]),
) as Record<WorkingLanguage, Intl.Collator>;

/** What protocol order looks at: the member, its kind, its names. */
type Ranked = Pick<DelegationSeatRow, 'code' | 'kind' | 'nameEn' | 'nameFr' | 'nameAr'>;

const nameIn = (x: Ranked, language: WorkingLanguage) =>
  language === WorkingLanguage.enum.fr ? x.nameFr : language === WorkingLanguage.enum.ar ? x.nameAr : x.nameEn;

/**
 * Protocol order of delegations (the tour de table): the host first, then states by their
 * name in the meeting's working language, then organisations the same way. The API names this
 * rule `ProtocolRule.enum.host_then_states_then_organizations`: a new rule here is a new value there.
 */
export function protocolOrder<T extends Ranked>(items: T[], hostCode: string | null, language: WorkingLanguage): T[] {
  const collator = collators[language];
  const rank = (x: T) => (x.code === hostCode ? 0 : x.kind === MemberKind.enum.state ? 1 : 2);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) || collator.compare(nameIn(a, language), nameIn(b, language)) || a.code.localeCompare(b.code),
  );
}

/** The page's seat rows, one delegation a member: its first row carries the delegation, every row a seat. */
function groupSeats(rows: DelegationSeatRow[]): (DelegationSeatRow & { delegates: Delegation['delegates'] })[] {
  const byCode = new Map<string, DelegationSeatRow & { delegates: Delegation['delegates'] }>();
  for (const row of rows) {
    let delegation = byCode.get(row.code);
    if (!delegation) {
      delegation = { ...row, delegates: [] };
      byCode.set(row.code, delegation);
    }
    if (row.role && row.personId) {
      delegation.delegates.push({
        role: row.role,
        person: { id: row.personId, name: row.personName as string, title: row.personTitle },
      });
    }
  }
  return [...byCode.values()];
}

function toDelegation(part: DelegationSeatRow & { delegates: Delegation['delegates'] }): Delegation {
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

/** A meeting's own fields, as the audit trail records them before and after a change. */
export type MeetingRecord = Omit<Meeting, 'delegations' | 'remarks'>;

function toRecord(
  row: MeetingReadRow,
  parts: { chairs: PersonRef[]; restrictedTo: string[]; agenda: Meeting['agenda'] },
): MeetingRecord {
  return {
    ...toSummary(row),
    summary: row.summary,
    note: row.note,
    seatQuota: row.seatQuota,
    chairs: parts.chairs,
    chairNote: row.chairNote,
    statusReason: row.statusReason,
    restrictedTo: parts.restrictedTo,
    agenda: parts.agenda,
  };
}

/** The record from what `findMeetingRecord` read in a write's transaction. */
export const toMeetingRecord = (found: NonNullable<Awaited<ReturnType<typeof findMeetingRecord>>>): MeetingRecord =>
  toRecord({ ...found.meeting, hostCode: found.hostCode }, found);

/** The meeting page from its two reads. */
export function toMeeting({ page, seats }: { page: MeetingPageRow; seats: DelegationSeatRow[] }): Meeting {
  return {
    ...toRecord(page, { ...page, restrictedTo: page.restrictedTo.map((r) => r.code) }),
    delegations: protocolOrder(groupSeats(seats), page.hostCode, page.workingLanguage).map(toDelegation),
    remarks: page.remarks,
  };
}
