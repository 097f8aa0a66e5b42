import type { FieldError } from '../../../shared/problem.js';
import type {
  AddOfficeBody,
  EndOfficeBody,
  LineOfEffort,
  LineOfEffortList,
  LineOfEffortSummary,
  ListWorkingGroupsQuery,
  MemberRef,
  Office,
  WorkingGroup,
  WorkingGroupList,
} from '../../../shared/progress.js';
import type { Tx } from '../../db/client.js';
import { workingGroups } from '../../db/schema/progress.js';
import { requireRole } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { memberIdsByCode } from '../members/members.repo.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import type { IndicatorsService } from './indicators.service.js';
import { canManageOffices } from './lines.policy.js';
import {
  findOffice,
  type GroupRow,
  insertOffice,
  type LineRow,
  lockGroupByKey,
  type OfficeRow,
  officesOf,
  readStructure,
  setOfficeEnd,
} from './lines.repo.js';
import { LINES_TAG } from './tags.js';

/** What a line's page asks of the meetings and statements modules (wired in app.ts). */
export interface LinesDeps extends ServiceDeps {
  meetingsOnLineOfEffort(
    auth: Auth,
    key: string,
  ): Promise<{ id: string; title: string; startsOn: string; agendaItems: string[] }[]>;
  statementsOfMeetings(auth: Auth, meetingIds: string[]): Promise<{ id: string; title: string; status: string }[]>;
  /** The indicators service: the line's indicators the caller may see. */
  indicators: Pick<IndicatorsService, 'listIndicators'>;
  /** The pledges module's totals in USD, by line of effort id. */
  pledgeTotalsByLine(): Promise<Map<string, { pledgedUsd: number; committedUsd: number; disbursedUsd: number }>>;
}

type Structure = Awaited<ReturnType<typeof readStructure>>;

const STRUCTURE_TAGS = [LINES_TAG, MEMBERS_TAG];

/** Held on `on` (YYYY-MM-DD): started by then (or since ever) and not ended before. */
export const heldOn = (office: Pick<OfficeRow, 'fromOn' | 'toOn'>, on: string): boolean =>
  (office.fromOn === null || office.fromOn <= on) && (office.toOn === null || office.toOn >= on);

const memberRef = (o: OfficeRow): MemberRef | null =>
  o.memberCode ? { code: o.memberCode, names: { en: o.nameEn ?? '', fr: o.nameFr ?? '', ar: o.nameAr ?? '' } } : null;

const toOffice = (o: OfficeRow, on: string): Office => ({
  id: o.id,
  member: memberRef(o),
  role: o.role,
  fromOn: o.fromOn,
  toOn: o.toOn,
  current: heldOn(o, on),
  note: o.note,
});

function toGroup(g: GroupRow, offices: OfficeRow[], on: string): WorkingGroup {
  return {
    id: g.id,
    key: g.key,
    names: g.names,
    lineOfEffort: g.lineOfEffort,
    formedOn: g.formedOn,
    formedNote: g.formedNote,
    note: g.note,
    offices: offices.filter((o) => o.groupId === g.id).map((o) => toOffice(o, on)),
    version: g.version,
  };
}

/** The members co-leading a line's groups on `on`, each once, in the order of its groups' offices. */
function leadsOf(groups: WorkingGroup[]): MemberRef[] {
  const leads = new Map<string, MemberRef>();
  for (const office of groups.flatMap((g) => g.offices)) {
    if (office.role === 'co_lead' && office.current && office.member) leads.set(office.member.code, office.member);
  }
  return [...leads.values()];
}

function toSummary(line: LineRow, groups: WorkingGroup[]): LineOfEffortSummary {
  return {
    id: line.id,
    key: line.key,
    number: line.number,
    names: line.names,
    summary: line.summary,
    leads: leadsOf(groups.filter((g) => g.lineOfEffort === line.key)),
  };
}

/** The answer's groups and lines as they stand on `on`. */
function build(structure: Structure, on: string) {
  const groups = structure.groups.map((g) => toGroup(g, structure.offices, on));
  return { groups, lines: structure.lines.map((l) => toSummary(l, groups)) };
}

export function createLinesService(deps: LinesDeps) {
  const { cache, read, clock } = deps;

  /** Today, as the clock says (what is only shown: who holds office now). */
  const today = () => clock.now().toISOString().slice(0, 10);

  const structure = () => cache.get(STRUCTURE_TAGS, 'structure', () => readStructure(read));

  /**
   * The structure as it stands on a day. Today's is kept in the read cache (one object a day,
   * serialized once); another day's is built from the cached rows for each request, so that no
   * caller can fill the cache with days.
   */
  async function on(day: string | undefined) {
    const date = day ?? today();
    if (day !== undefined && day !== today()) return build(await structure(), date);
    return cache.get(STRUCTURE_TAGS, `on:${date}`, async () => build(await structure(), date));
  }

  async function groupOrNotFound(key: string, day?: string): Promise<WorkingGroup> {
    const group = (await on(day)).groups.find((g) => g.key === key);
    if (!group) throw notFound('Working group');
    return group;
  }

  /** A change to a group's offices, with its If-Match version: locks the group, bumps its version, audits. */
  async function changeOffices(
    auth: Auth,
    key: string,
    version: number,
    action: string,
    change: (tx: Tx, groupId: string) => Promise<void>,
  ): Promise<WorkingGroup> {
    await write(deps, [LINES_TAG], async (tx) =>
      updateVersioned(tx, deps, auth, {
        table: workingGroups,
        entity: 'working_group',
        action,
        version,
        // Groups are public: 404 only for one nobody has (read in the transaction, not the cache), then 403.
        lock: () => lockGroupByKey(tx, key),
        allow: () =>
          requireRole(auth, canManageOffices, 'Only the secretariat can change who holds office in a working group.'),
        view: async (row) => ({ key: row.key, offices: await officesOf(tx, row.id) }),
        change: async (row) => {
          await change(tx, row.id);
          return {};
        },
      }),
    );
    // Reads inside `change` happen before the write; the view after it sees the new office.
    return groupOrNotFound(key);
  }

  return {
    /** The lines of effort, each with the members co-leading its working groups today. */
    async listLines(_auth: Auth): Promise<LineOfEffortList> {
      return cache.get(STRUCTURE_TAGS, `lines:${today()}`, async () => ({ items: (await on(undefined)).lines }));
    },

    /**
     * A line's page: its groups with every office, the indicators, meetings and statements the
     * caller may see. Not cached as a whole: what it shows depends on the caller.
     */
    async getLine(auth: Auth, key: string): Promise<LineOfEffort> {
      const { lines, groups } = await on(undefined);
      const line = lines.find((l) => l.key === key);
      if (!line) throw notFound('Line of effort');
      const { items: indicators } = await deps.indicators.listIndicators(auth, { lineOfEffort: key });
      const meetings = await deps.meetingsOnLineOfEffort(auth, key);
      const statements = await deps.statementsOfMeetings(
        auth,
        meetings.map((m) => m.id),
      );
      return {
        ...line,
        workingGroups: groups.filter((g) => g.lineOfEffort === key),
        indicators,
        meetings,
        statements: statements.map(({ id, title, status }) => ({ id, title, status })),
        pledgeTotals: (await deps.pledgeTotalsByLine()).get(line.id) ?? null,
      };
    },

    /** The working groups (of one line of effort, if asked) with their offices; `on` says which are current. */
    async listGroups(_auth: Auth, query: ListWorkingGroupsQuery): Promise<WorkingGroupList> {
      const { groups, lines } = await on(query.on);
      if (query.lineOfEffort && !lines.some((l) => l.key === query.lineOfEffort)) {
        throw invalid([
          fieldError(
            'lineOfEffort',
            'unknown_line_of_effort',
            `no line of effort has key ${query.lineOfEffort}`,
            { key: query.lineOfEffort },
            'query',
          ),
        ]);
      }
      return { items: query.lineOfEffort ? groups.filter((g) => g.lineOfEffort === query.lineOfEffort) : groups };
    },

    /** One working group with every office; `on` says which are current. */
    async getGroup(_auth: Auth, key: string, day?: string): Promise<WorkingGroup> {
      return groupOrNotFound(key, day);
    },

    /** A member co-leads or takes part in a group from a day, to a day or open-ended (secretariat; If-Match). */
    async addOffice(auth: Auth, key: string, version: number, body: AddOfficeBody): Promise<WorkingGroup> {
      return changeOffices(auth, key, version, 'working_group.office_added', async (tx, groupId) => {
        const errors: FieldError[] = [];
        if (body.fromOn && body.toOn && body.toOn < body.fromOn) {
          errors.push(fieldError('toOn', 'before_start', 'must not be before the start day'));
        }
        const memberId = (await memberIdsByCode(tx, [body.memberCode])).get(body.memberCode);
        if (!memberId) errors.push(unknownMember('memberCode', body.memberCode));
        if (errors.length > 0) throw invalid(errors);
        await insertOffice(tx, {
          workingGroupId: groupId,
          memberId,
          role: body.role,
          fromOn: body.fromOn ?? null,
          toOn: body.toOn ?? null,
          note: body.note ?? null,
        });
      });
    },

    /** Ends an office on a day, or (null) makes it open-ended again (secretariat; If-Match: the group's version). */
    async endOffice(
      auth: Auth,
      key: string,
      officeId: string,
      version: number,
      body: EndOfficeBody,
    ): Promise<WorkingGroup> {
      return changeOffices(auth, key, version, 'working_group.office_ended', async (tx, groupId) => {
        const office = await findOffice(tx, groupId, officeId);
        if (!office) throw notFound('Office');
        if (body.toOn && office.fromOn && body.toOn < office.fromOn) {
          throw invalid([
            fieldError('toOn', 'before_start', 'must not be before the office started', { fromOn: office.fromOn }),
          ]);
        }
        await setOfficeEnd(tx, office.id, body.toOn);
      });
    },
  };
}

export type LinesService = ReturnType<typeof createLinesService>;
