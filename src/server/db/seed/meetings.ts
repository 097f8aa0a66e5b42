import { INFERRED_ATTENDANCE_NOTE } from '../../../shared/attendance.js';
import type { MeetingKind } from '../../../shared/meetings.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import type { Tx } from '../client.js';
import { delegates, delegations, meetingChairs, meetings, quotes, remarks } from '../schema/meetings.js';

export interface SeedMeeting {
  date: string;
  city: string | null;
  venue: string | null;
  chairs: string[];
  kind: string;
  summary: string;
  note?: string;
}
export interface SeedQuote {
  person: string;
  meeting: string;
  context: string;
  text: string;
}
export interface SeedPartner {
  name: string;
  brusselsDec2014: string;
}

/** The zone of each city the data file names: a fact about the city, not a guess about the meeting. */
const TIME_ZONES: Record<string, string> = {
  'Newport (Wales)': 'Europe/London',
  Washington: 'America/New_York',
  Jeddah: 'Asia/Riyadh',
  Paris: 'Europe/Paris',
  'Joint Base Andrews (Maryland)': 'America/New_York',
  'Kuwait City': 'Asia/Kuwait',
  Manama: 'Asia/Bahrain',
  Tampa: 'America/New_York',
  Brussels: 'Europe/Brussels',
  Marrakech: 'Africa/Casablanca',
  London: 'Europe/London',
  Berlin: 'Europe/Berlin',
  Rome: 'Europe/Rome',
  'The Hague': 'Europe/Amsterdam',
  'New York': 'America/New_York',
};

/**
 * Each city's name in French and Arabic: the standard exonyms (Bruxelles / بروكسل), so that search
 * finds a meeting by its city in any of the three languages.
 */
export const CITY_TRANSLATIONS: Record<string, { fr: string; ar: string }> = {
  'Newport (Wales)': { fr: 'Newport (pays de Galles)', ar: 'نيوبورت (ويلز)' },
  Washington: { fr: 'Washington', ar: 'واشنطن' },
  Jeddah: { fr: 'Djeddah', ar: 'جدة' },
  Paris: { fr: 'Paris', ar: 'باريس' },
  'Joint Base Andrews (Maryland)': {
    fr: 'Base interarmées Andrews (Maryland)',
    ar: 'قاعدة أندروز المشتركة (ماريلاند)',
  },
  'Kuwait City': { fr: 'Koweït', ar: 'مدينة الكويت' },
  Manama: { fr: 'Manama', ar: 'المنامة' },
  Tampa: { fr: 'Tampa', ar: 'تامبا' },
  Brussels: { fr: 'Bruxelles', ar: 'بروكسل' },
  Marrakech: { fr: 'Marrakech', ar: 'مراكش' },
  London: { fr: 'Londres', ar: 'لندن' },
  Berlin: { fr: 'Berlin', ar: 'برلين' },
  Rome: { fr: 'Rome', ar: 'روما' },
  'The Hague': { fr: 'La Haye', ar: 'لاهاي' },
  'New York': { fr: 'New York', ar: 'نيويورك' },
};

/** Hosts the sources name (the Brussels ministerial: hosted by the US Secretary of State). */
const HOSTS: Record<string, string> = {
  '2014-09-11': 'SAU',
  '2014-10-28': 'KWT',
  '2014-11-09': 'BHR',
  '2014-12-03': 'USA',
  '2014-12-15': 'MAR',
  '2015-06': 'NLD',
};

/** Heads of delegation and levels the sources confirm for Brussels, 3 December 2014. */
const BRUSSELS_HEADS: Record<
  string,
  { head: string; level: 'head_of_state_or_government' | 'minister' | null; alternates?: string[] }
> = {
  USA: { head: 'John Kerry', level: 'minister', alternates: ['John R. Allen (Gen., USMC ret.)'] },
  IRQ: { head: 'Haider al-Abadi', level: 'head_of_state_or_government' },
  EU: { head: 'Federica Mogherini', level: null },
};

export function meetingKind(raw: string): MeetingKind {
  if (raw.startsWith('ministerial')) return 'ministerial';
  if (raw.startsWith('small group')) return 'small_group';
  if (raw.startsWith('working group')) return 'working_group';
  return 'other';
}

/** "2014-11-12/2014-11-21" → a range; "2015-06" → the month, marked as such. */
export function meetingDates(raw: string): { startDate: string; endDate: string; datePrecision: 'day' | 'month' } {
  const [start, end] = raw.split('/');
  if (/^\d{4}-\d{2}$/.test(start)) {
    const [y, m] = start.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { startDate: `${start}-01`, endDate: `${start}-${String(last).padStart(2, '0')}`, datePrecision: 'month' };
  }
  return { startDate: start, endDate: end ?? start, datePrecision: 'day' };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The 22 meetings of the data file; the Brussels ministerial with its delegations and remarks. */
export async function seedMeetings(
  tx: Tx,
  auth: Auth,
  data: { meetings: SeedMeeting[]; quotes: SeedQuote[]; partners: SeedPartner[] },
  ids: { memberByCode: Map<string, string>; memberByName: Map<string, string>; personByName: Map<string, string> },
): Promise<number> {
  for (const m of data.meetings) {
    const dates = meetingDates(m.date);
    const chairIds: string[] = [];
    const otherChairs: string[] = [];
    for (const chair of m.chairs) {
      const id = ids.personByName.get(chair.replace(/\s*\(.*\)$/, ''));
      if (id) chairIds.push(id);
      else otherChairs.push(chair);
    }
    const hostCode = HOSTS[m.date];
    const [row] = await tx
      .insert(meetings)
      .values({
        kind: meetingKind(m.kind),
        // Our own English words from the data file's kind and city. No translations: neither the data
        // file nor the sources it cites give any meeting's title in French or Arabic.
        title: `${capitalise(m.kind)} — ${m.city ?? 'place unknown'}`,
        status: 'held',
        visibility: 'public',
        hostMemberId: hostCode ? (ids.memberByCode.get(hostCode) ?? null) : null,
        city: m.city,
        cityTranslations: (m.city && CITY_TRANSLATIONS[m.city]) || {},
        venue: m.venue,
        timeZone: (m.city && TIME_ZONES[m.city]) || 'UTC',
        ...dates,
        summary: m.summary,
        note: m.note ?? null,
        chairNote: otherChairs.length > 0 ? otherChairs.join('; ') : null,
      })
      .returning();
    if (chairIds.length > 0) {
      await tx
        .insert(meetingChairs)
        .values(chairIds.map((personId, position) => ({ meetingId: row.id, personId, position })));
    }
    await recordAudit(tx, auth, { action: 'meeting.created', entityType: 'meeting', entityId: row.id, after: row });
    if (m.date === '2014-12-03') await seedBrussels(tx, auth, row.id, data, ids);
  }
  return data.meetings.length;
}

async function seedBrussels(
  tx: Tx,
  auth: Auth,
  meetingId: string,
  data: { quotes: SeedQuote[]; partners: SeedPartner[] },
  ids: { memberByCode: Map<string, string>; memberByName: Map<string, string>; personByName: Map<string, string> },
) {
  // Every partner the sources place in Brussels, confirmed ("yes …") or inferred; never those who joined later.
  const attending = data.partners.filter(
    (p) => p.brusselsDec2014.startsWith('yes') || p.brusselsDec2014.startsWith('inferred'),
  );
  const codeById = new Map([...ids.memberByCode].map(([code, id]) => [id, code]));
  for (const p of attending) {
    const memberId = ids.memberByName.get(p.name) as string;
    const code = codeById.get(memberId) as string;
    const confirmed = p.brusselsDec2014.startsWith('yes');
    const known = BRUSSELS_HEADS[code];
    const [d] = await tx
      .insert(delegations)
      .values({
        meetingId,
        memberId,
        level: known?.level ?? null,
        attendance: confirmed ? 'present' : 'unknown',
        attendanceNote: confirmed ? p.brusselsDec2014.replace(/^yes \((.*)\)$/, '$1') : INFERRED_ATTENDANCE_NOTE,
      })
      .returning();
    if (known) {
      const seats = [
        { personId: ids.personByName.get(known.head) as string, role: 'head' as const },
        ...(known.alternates ?? []).map((n) => ({
          personId: ids.personByName.get(n) as string,
          role: 'alternate' as const,
        })),
      ];
      await tx
        .insert(delegates)
        .values(seats.map((s, position) => ({ ...s, meetingId, delegationId: d.id, position })));
    }
    await recordAudit(tx, auth, { action: 'delegation.invited', entityType: 'delegation', entityId: d.id, after: d });
  }
  const kerryQuotes = data.quotes.filter((q) => q.meeting.startsWith('2014-12-03'));
  for (const [i, q] of kerryQuotes.entries()) {
    const [remark] = await tx
      .insert(remarks)
      .values({
        meetingId,
        personId: ids.personByName.get(q.person) as string,
        context: capitalise(q.context),
        position: i + 1,
      })
      .returning();
    await tx.insert(quotes).values({ remarkId: remark.id, text: q.text, context: null, position: 1 });
    await recordAudit(tx, auth, {
      action: 'remark.created',
      entityType: 'meeting',
      entityId: meetingId,
      after: { remark, quote: q.text },
    });
  }
}
