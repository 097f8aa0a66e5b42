import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit.js';
import { type Auth, systemAuth } from '../../lib/auth-context.js';
import { officialStateNames, stateNames } from '../../lib/country-names.js';
import { fromProject } from '../../lib/paths.js';
import { toMember } from '../../modules/members/members.service.js';
import type { Db } from '../client.js';
import { meetings } from '../schema/meetings.js';
import { actors, members, type NewMemberRow, people } from '../schema/members.js';
import { type SeedLineOfEffort, type SeedWorkingGroup, seedLinesOfEffort } from './lines-of-effort.js';
import { type SeedMeeting, type SeedQuote, seedMeetings } from './meetings.js';
import { seedProcedures } from './procedures.js';
import { type SeedProgressData, seedProgress } from './progress.js';
import { type SeedSourceEntry, seedSources } from './sources.js';
import { seedStatements } from './statements.js';

/**
 * The demo coalition: the public facts of the coalition against Daesh as of its first
 * ministerial (Brussels, 3 December 2014), from the project's copy of coalition-2014.json.
 */
interface SeedFile {
  partners: {
    name: string;
    source?: string[];
    kind: 'state' | 'organization';
    iso3?: string;
    joined?: string;
    note?: string;
    brusselsDec2014: string;
  }[];
  meetings: SeedMeeting[];
  quotes: SeedQuote[];
  people: { name: string; title?: string; member: string; note?: string; source?: string[] }[];
  actors: { name: string; kind: string; country?: string; note?: string }[];
  linesOfEffort: SeedLineOfEffort[];
  workingGroups: SeedWorkingGroup[];
  figures: SeedProgressData['figures'];
  sources: SeedSourceEntry[];
  revenueSources: string[];
}

const seedFile = fromProject('src/server/db/seed/coalition-2014.json');

/** Organisations have no ISO code or names: ours, kept short, with their names in the three languages. */
const ORGANIZATIONS: Record<string, { code: string; names: { en: string; fr: string; ar: string } }> = {
  'European Union': {
    code: 'EU',
    names: { en: 'European Union', fr: 'Union européenne', ar: 'الاتحاد الأوروبي' },
  },
  'Arab League (League of Arab States)': {
    code: 'LAS',
    names: { en: 'Arab League', fr: 'Ligue arabe', ar: 'جامعة الدول العربية' },
  },
};

/** Kosovo has no ISO 3166-1 code; XKX is the user-assigned one used by the EU, IMF and World Bank. */
const KOSOVO = 'XKX';

/** A joining date the sources agree on ("2014-09-11 (signatory of …)"); anything vaguer stays a note. */
export function parseJoined(text: string | undefined): { joinedOn: string | null; joinedNote: string | null } {
  if (!text) return { joinedOn: null, joinedNote: null };
  const sure = /^(\d{4}-\d{2}-\d{2})\b/.exec(text);
  return { joinedOn: sure ? sure[1] : null, joinedNote: text };
}

export function demoMembers(data: SeedFile): NewMemberRow[] {
  return data.partners.map((p) => {
    const joined = parseJoined(p.joined);
    const base = { kind: p.kind, status: 'active' as const, note: p.note ?? null, ...joined };
    if (p.kind === 'organization') {
      const org = ORGANIZATIONS[p.name];
      if (!org) throw new Error(`Seed: no code for organisation ${p.name}`);
      return { ...base, code: org.code, nameEn: org.names.en, nameFr: org.names.fr, nameAr: org.names.ar };
    }
    const code = p.iso3 ?? (p.name === 'Kosovo' ? KOSOVO : null);
    const names = code ? stateNames(code) : null;
    if (!code || !names) throw new Error(`Seed: no ISO code for ${p.name}`);
    return {
      ...base,
      code,
      nameEn: names.en,
      nameFr: names.fr,
      nameAr: names.ar,
      officialNames: officialStateNames(code),
    };
  });
}

export function readSeedFile(): SeedFile {
  return JSON.parse(readFileSync(seedFile, 'utf8')) as SeedFile;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(members);
  return row.n === 0;
}

/** Loads the demo coalition in one transaction, each record audited; refuses a database that has members. */
export async function seedDemo(
  db: Db,
  auth: Auth = systemAuth('seed'),
): Promise<{
  members: number;
  people: number;
  actors: number;
  meetings: number;
  statements: number;
  indicators: number;
  values: number;
  pledges: number;
  sources: number;
}> {
  const data = readSeedFile();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(members);
    if (existing.n > 0) throw new Error('The database already has members; the demo loads only into an empty one.');

    const memberRows = await tx.insert(members).values(demoMembers(data)).returning();
    const byEnglishName = new Map(data.partners.map((p, i) => [p.name, memberRows[i].id]));
    // People name their member in English as the data file spells it ("Arab League", "European Union").
    byEnglishName.set('Arab League', byEnglishName.get('Arab League (League of Arab States)') as string);

    const peopleRows = await tx
      .insert(people)
      .values(
        data.people.map((p) => {
          const memberId = byEnglishName.get(p.member) ?? null;
          return {
            name: p.name,
            title: p.title ?? null,
            memberId,
            // Not a member (NATO's Secretary General): say whom they speak for instead.
            affiliation: memberId ? null : p.member.replace(/\s*\(.*\)$/, ''),
            note: p.note ?? null,
          };
        }),
      )
      .returning();

    const actorRows = await tx
      .insert(actors)
      .values(
        data.actors.map((a) => ({ name: a.name, kind: a.kind, countryCode: a.country ?? null, note: a.note ?? null })),
      )
      .returning();

    for (const row of memberRows) {
      // The same shape the members service records, so the audit trail reads one way.
      await recordAudit(tx, auth, {
        action: 'member.created',
        entityType: 'member',
        entityId: row.id,
        after: toMember(row),
      });
    }
    for (const row of peopleRows) {
      await recordAudit(tx, auth, { action: 'person.created', entityType: 'person', entityId: row.id, after: row });
    }
    for (const row of actorRows) {
      await recordAudit(tx, auth, { action: 'actor.created', entityType: 'actor', entityId: row.id, after: row });
    }
    // Before the meetings: their agenda items name lines of effort.
    const lineIds = await seedLinesOfEffort(tx, auth, data, byEnglishName);
    const memberByCode = new Map(memberRows.map((m) => [m.code, m.id]));
    // Indicators, periods, reports and pledges from the data file's figures (and a few illustrative drafts).
    const progress = await seedProgress(tx, auth, data, { lineIds, memberByCode });
    const personByName = new Map(peopleRows.map((p) => [p.name, p.id]));
    const meetingCount = await seedMeetings(tx, auth, data, {
      memberByCode,
      memberByName: byEnglishName,
      personByName,
    });
    // The Brussels statement, adopted, and a draft (`silenceDraft`) for a silence procedure to circulate.
    const seededStatements = await seedStatements(tx, auth);
    // Its first silence procedure broken, its second still running.
    await seedProcedures(tx, auth, seededStatements.silenceDraft);
    // The register of sources, linked to what each supports: members, people, meetings, figures' indicators.
    const meetingRows = await tx.select({ id: meetings.id, startDate: meetings.startDate }).from(meetings);
    const sourceCount = await seedSources(tx, auth, data, {
      memberByName: byEnglishName,
      memberByCode,
      personByName,
      meetingByStart: new Map(meetingRows.map((m) => [m.startDate, m.id])),
      brusselsStatement: seededStatements.brussels,
    });
    return {
      members: memberRows.length,
      people: peopleRows.length,
      actors: actorRows.length,
      meetings: meetingCount,
      statements: Object.keys(seededStatements).length,
      indicators: progress.indicators,
      values: progress.values,
      pledges: progress.pledges,
      sources: sourceCount,
    };
  });
}
