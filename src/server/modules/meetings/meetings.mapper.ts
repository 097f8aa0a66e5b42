import type { Delegation, Meeting, MeetingSummary, WorkingLanguage } from '../../../shared/meetings.js';
import type { MeetingRow } from '../../db/schema/meetings.js';
import type { MemberRow } from '../../db/schema/members.js';
import { zonedIso } from '../../lib/zoned-time.js';
import type { loadMeetingParts } from './meetings.repo.js';

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

const memberName = (m: Pick<MemberRow, 'nameEn' | 'nameFr' | 'nameAr'>, language: WorkingLanguage) =>
  language === 'fr' ? m.nameFr : language === 'ar' ? m.nameAr : m.nameEn;

export const PROTOCOL_RULE: Record<WorkingLanguage, string> = {
  en: 'The host first; then states in alphabetical order of their English names; then organisations, alphabetically.',
  fr: "L'hôte d'abord ; puis les États dans l'ordre alphabétique de leur nom en français ; puis les organisations, par ordre alphabétique.",
  ar: 'الدولة المضيفة أولاً، ثم الدول بالترتيب الأبجدي لأسمائها بالعربية، ثم المنظمات بالترتيب الأبجدي.',
};

/**
 * Protocol order of delegations (the tour de table): the host first, then states by their
 * name in the meeting's working language, then organisations the same way.
 */
export function protocolOrder<
  T extends { member: Pick<MemberRow, 'id' | 'kind' | 'nameEn' | 'nameFr' | 'nameAr' | 'code'> },
>(items: T[], hostMemberId: string | null, language: WorkingLanguage): T[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const rank = (x: T) => (x.member.id === hostMemberId ? 0 : x.member.kind === 'state' ? 1 : 2);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      collator.compare(memberName(a.member, language), memberName(b.member, language)) ||
      a.member.code.localeCompare(b.member.code),
  );
}

export function assembleMeeting(
  row: MeetingRow,
  hostCode: string | null,
  parts: Awaited<ReturnType<typeof loadMeetingParts>>,
): Meeting {
  const seats = new Map<
    string,
    { role: 'head' | 'alternate' | 'adviser'; person: { id: string; name: string; title: string | null } }[]
  >();
  for (const d of parts.delegateRows) {
    const list = seats.get(d.delegationId) ?? [];
    list.push({ role: d.role, person: d.person });
    seats.set(d.delegationId, list);
  }
  const delegations: Delegation[] = protocolOrder(parts.delegationRows, row.hostMemberId, row.workingLanguage).map(
    ({ delegation, member }) => {
      const delegates = seats.get(delegation.id) ?? [];
      return {
        memberCode: member.code,
        memberName: member.nameEn,
        memberNames: { en: member.nameEn, fr: member.nameFr, ar: member.nameAr },
        memberKind: member.kind,
        level: delegation.level,
        head: delegates.find((s) => s.role === 'head')?.person ?? null,
        delegates,
        attendance: delegation.attendance,
        attendanceNote: delegation.attendanceNote,
        version: delegation.version,
      };
    },
  );
  const remarks: Meeting['remarks'] = [];
  for (const r of parts.remarkRows) {
    let remark = remarks.find((x) => x.id === r.remark.id);
    if (!remark) {
      remark = { id: r.remark.id, person: r.person, context: r.remark.context, quotes: [] };
      remarks.push(remark);
    }
    if (r.quote) remark.quotes.push({ id: r.quote.id, text: r.quote.text, context: r.quote.context });
  }
  return {
    ...toSummary(row, hostCode),
    summary: row.summary,
    note: row.note,
    workingLanguage: row.workingLanguage,
    seatQuota: row.seatQuota,
    chairs: parts.chairs,
    chairNote: row.chairNote,
    restrictedTo: parts.restrictedTo.map((r) => r.code).sort(),
    agenda: parts.agenda.map((a) => ({ position: a.position, title: a.title, lineOfEffort: a.lineOfEffort })),
    delegations,
    remarks,
  };
}
