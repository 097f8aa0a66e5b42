import { inArray } from 'drizzle-orm';
import { Visibility } from '../../../shared/meetings.js';
import { SourceKind, SourceSubject } from '../../../shared/sources.js';
import { type AuditEntry, recordAudits } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { insertLinks } from '../../modules/sources/sources.repo.js';
import type { Tx } from '../client.js';
import { indicators } from '../schema/progress.js';
import { sources } from '../schema/sources.js';
import { meetingDates, type SeedMeeting, type SeedQuote } from './meetings.js';
import { findFigure, PLACED_PLEDGES, PLACED_VALUES, type SeedProgressData } from './progress.js';

/**
 * The register of sources of the demo: the 92 sources of coalition-2014.json, each with what the
 * data file says it supports (its `source` arrays): partners → member, meetings → meeting,
 * people → person, figures → the indicator the progress seed placed the figure under (a figure
 * placed as a pledge → the pledging member), quotes → the person quoted and the meeting.
 */

export interface SeedSourceEntry {
  id: string;
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
  note?: string;
}

export interface SeedSourcesData extends SeedProgressData {
  sources: SeedSourceEntry[];
  partners: { name: string; source?: string[] }[];
  meetings: (SeedMeeting & { source?: string[] })[];
  people: { name: string; source?: string[] }[];
  quotes: (SeedQuote & { source?: string[] })[];
}

/**
 * The kind, from the publisher: `press` when it names a news organisation — a newspaper, a
 * broadcaster, a news agency, a news magazine or news site — whether the article is read there
 * or reposted elsewhere ("Reuters via Ya Libnan", "Infobae (AFP)"); `source` for everything else:
 * governments and their officials, international organisations, research, reference works, and
 * an official text a news site merely reprints ("Iraq Business News (French MFA text)",
 * "eurasia.ro (quoting State Dept release)").
 */
const NEWS_OUTLETS = [
  'ABC News',
  'AFP',
  'Air & Space Forces Magazine',
  'Air Force Magazine',
  'Al Bawaba',
  'Al-Bilad',
  'Al-Monitor',
  'Arutz Sheva',
  'BBC News',
  'Breitbart',
  'CNN',
  'Chasing Aphrodite',
  'Deccan Chronicle',
  'Defense One',
  'Deutsche Welle',
  'EconoTimes',
  'Eurasia Review',
  'Hurriyet Daily News',
  'IBTimes',
  'National Post',
  'New York Times',
  'Opposing Views',
  'PBS NewsHour',
  'Reuters',
  'Saudi Press Agency',
  'The Daily Beast',
  'The New Arab',
  'TOLOnews',
  'UPI',
  'Voice of America',
  'Washington Post',
  'Yahoo News',
];
const OFFICIAL_TEXT = /\b(MFA|State Dept|Department of State|Ministry)\b.*\b(text|release)\b/i;

export function sourceKindOf(publisher: string): SourceKind {
  if (OFFICIAL_TEXT.test(publisher)) return SourceKind.enum.source;
  return NEWS_OUTLETS.some((outlet) => publisher.includes(outlet)) ? SourceKind.enum.press : SourceKind.enum.source;
}

/**
 * The language of the text, where its title shows it is not English (the title is in that
 * language, or says so: "(Arabic)"). Everything else is English: every other title is.
 */
const NOT_ENGLISH: Record<string, string> = {
  S08: 'it', // "Riunione della coalizione internazionale…"
  S11: 'ar', // "US Embassy Cairo (Arabic)"
  S22: 'es', // "Panama se unira a la coalicion internacional…"
  S32: 'ar', // "(Arabic, Al-Bilad via Sauress)"
  S38: 'nl', // "Toespraak minister Koenders…"
  S41: 'ar', // "(Arabic, SPA via Sauress)"
};

const monthOnly = (date: string | undefined) => date !== undefined && /^\d{4}-\d{2}$/.test(date);

export const sourceLanguageOf = (ref: string): string => NOT_ENGLISH[ref] ?? 'en';

/** Every link the data file gives, as (ref, subject, record id), each once. */
function linksOf(
  data: SeedSourcesData,
  ids: {
    memberByName: Map<string, string>;
    memberByCode: Map<string, string>;
    personByName: Map<string, string>;
    meetingByStart: Map<string, string>;
    indicatorByKey: Map<string, string>;
  },
): { ref: string; subject: SourceSubject; id: string }[] {
  const out = new Map<string, { ref: string; subject: SourceSubject; id: string }>();
  const add = (refs: string[] | undefined, subject: SourceSubject, id: string | undefined) => {
    if (!id) return;
    for (const ref of refs ?? []) out.set(`${ref}:${id}`, { ref, subject, id });
  };
  for (const p of data.partners) add(p.source, SourceSubject.enum.member, ids.memberByName.get(p.name));
  for (const m of data.meetings) {
    add(m.source, SourceSubject.enum.meeting, ids.meetingByStart.get(meetingDates(m.date).startDate));
  }
  for (const p of data.people) add(p.source, SourceSubject.enum.person, ids.personByName.get(p.name));
  for (const placed of PLACED_VALUES) {
    const figure = findFigure(data, placed.figure);
    add(figure.source, SourceSubject.enum.indicator, ids.indicatorByKey.get(placed.indicator));
  }
  for (const pledge of PLACED_PLEDGES) {
    if (!pledge.figure) continue;
    add(findFigure(data, pledge.figure).source, SourceSubject.enum.member, ids.memberByCode.get(pledge.member));
  }
  for (const q of data.quotes) {
    add(q.source, SourceSubject.enum.person, ids.personByName.get(q.person));
    // "2014-12-03 Brussels ministerial": the meeting by its date.
    add(q.source, SourceSubject.enum.meeting, ids.meetingByStart.get(q.meeting.slice(0, 10)));
  }
  return [...out.values()];
}

/**
 * Seeds the register inside the demo seed's transaction, after members, people, meetings, the
 * indicators and the statements. Every entry is public (the data file holds public facts).
 */
export async function seedSources(
  tx: Tx,
  auth: Auth,
  data: SeedSourcesData,
  refs: {
    memberByName: Map<string, string>;
    memberByCode: Map<string, string>;
    personByName: Map<string, string>;
    meetingByStart: Map<string, string>;
    /** S01 is the text of the Brussels joint statement the statements seed adopted. */
    brusselsStatement: string;
  },
): Promise<number> {
  const rows = await tx
    .insert(sources)
    .values(
      data.sources.map((s) => ({
        ref: s.id,
        kind: sourceKindOf(s.publisher ?? ''),
        title: s.title,
        publisher: s.publisher ?? '',
        publishedOn: s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? s.date : null,
        url: s.url ?? null,
        language: sourceLanguageOf(s.id),
        // No excerpt: one in our own words would have to be written from the articles themselves.
        excerpt: null,
        // The contract's date is a day: a month alone is said in the note instead.
        note: monthOnly(s.date)
          ? [`Dated ${s.date} (the month only).`, s.note].filter(Boolean).join(' ')
          : (s.note ?? null),
        visibility: Visibility.enum.public,
      })),
    )
    .returning();
  const byRef = new Map(rows.map((r) => [r.ref as string, r.id]));
  const indicatorRows = await tx
    .select({ id: indicators.id, key: indicators.key })
    .from(indicators)
    .where(inArray(indicators.key, [...new Set(PLACED_VALUES.map((v) => v.indicator))]));
  const links = linksOf(data, { ...refs, indicatorByKey: new Map(indicatorRows.map((r) => [r.key, r.id])) });
  links.push({ ref: 'S01', subject: SourceSubject.enum.statement, id: refs.brusselsStatement });
  await insertLinks(
    tx,
    links.map((l) => {
      const sourceId = byRef.get(l.ref);
      if (!sourceId) throw new Error(`Seed: no source ${l.ref}`);
      return { sourceId, subject: l.subject, id: l.id };
    }),
  );
  const audits: AuditEntry[] = rows.map((row) => ({
    action: 'source.created',
    entityType: 'source',
    entityId: row.id,
    after: { ...row, links: links.filter((l) => l.ref === row.ref).map(({ subject, id }) => ({ subject, id })) },
  }));
  await recordAudits(tx, auth, audits);
  return rows.length;
}
