import type { Visibility } from '../../../shared/meetings.js';
import type { FieldError } from '../../../shared/problem.js';
import {
  type ListSourcesQuery,
  type NewSource,
  type Source,
  type SourceChange,
  type SourceLink,
  type SourceLinkInput,
  type SourceList,
  SourceSubject,
} from '../../../shared/sources.js';
import type { Tx } from '../../db/client.js';
import { type SourceRow, sources } from '../../db/schema/sources.js';
import { isSecretariat, requireRole, requireVisible } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import { versionMismatch } from '../../lib/if-match.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import { MEETINGS_TAG } from '../meetings/meeting-loader.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import { INDICATORS_TAG } from '../progress/tags.js';
import { STATEMENTS_TAG } from '../statements/statement-common.js';
import { canEditSources, canReadSource, type SourceAccess } from './sources.policy.js';
import {
  deleteSourceRow,
  insertSource,
  type LinkRow,
  linkRowsOf,
  linksBySource,
  listSourceRows,
  lockSourceRow,
  normalLinkKey,
  replaceLinks,
  resolveLinkKeys,
} from './sources.repo.js';

/** What a write to the register announces. */
export const SOURCES_TAG = 'sources';
/** What the register's answers depend on: its entries, and the names and keys of what they link to. */
export const SOURCES_READ_TAGS = [SOURCES_TAG, MEMBERS_TAG, MEETINGS_TAG, STATEMENTS_TAG, INDICATORS_TAG];

/** A subject whose records may be hidden from a caller (the member registry is public). */
export type GuardedSubject = Exclude<SourceSubject, typeof SourceSubject.enum.member>;

/**
 * The ids of the records of a subject the caller may see, as their own modules decide (built
 * in `sources.links.ts` from those modules' services): a link to anything else is left out.
 */
export type VisibleRecords = (auth: Auth, subject: GuardedSubject) => Promise<ReadonlySet<string>>;

/** An entry with every link, and what the policy decides on. */
interface Entry {
  source: Source;
  access: SourceAccess;
}

const iso = (value: Date | string) => (typeof value === 'string' ? new Date(value).toISOString() : value.toISOString());

/** An entry as the API shows it, from its row and its links. */
export function toSource(row: SourceRow, links: readonly LinkRow[]): Source {
  return {
    id: row.id,
    ref: row.ref,
    kind: row.kind,
    title: row.title,
    publisher: row.publisher,
    date: row.publishedOn,
    url: row.url,
    language: row.language,
    excerpt: row.excerpt,
    note: row.note,
    visibility: row.visibility,
    links: links.map(({ subject, id, key, label }) => ({ subject, id, key, label })),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

function toEntry(source: Source): Entry {
  const memberIds = source.links.filter((l) => l.subject === SourceSubject.enum.member).map((l) => l.id);
  return { source, access: { visibility: source.visibility, memberIds } };
}

const linked = (source: Source, subject: SourceSubject, key: string) =>
  source.links.some((l) => l.subject === subject && (l.key === key || l.id === key));

function matches(source: Source, query: ListSourcesQuery): boolean {
  if (query.kind && source.kind !== query.kind) return false;
  if (query.member && !linked(source, SourceSubject.enum.member, query.member)) return false;
  if (query.meeting && !linked(source, SourceSubject.enum.meeting, query.meeting)) return false;
  if (query.subject && query.key && !linked(source, query.subject, query.key)) return false;
  return true;
}

/** The field error for a link whose key names nothing, in the words of its subject. */
function unknownLink(path: string, link: SourceLinkInput): FieldError {
  switch (link.subject) {
    case SourceSubject.enum.member:
      return unknownMember(path, link.key);
    case SourceSubject.enum.indicator:
      return fieldError(path, 'unknown_indicator', `no indicator has key ${link.key}`, { key: link.key });
    case SourceSubject.enum.person:
      return fieldError(path, 'unknown_person', 'no person has this id');
    case SourceSubject.enum.meeting:
      return fieldError(path, 'unknown_meeting', 'no meeting has this id');
    case SourceSubject.enum.statement:
      return fieldError(path, 'unknown_statement', 'no statement has this id');
    case SourceSubject.enum.decision:
      return fieldError(path, 'unknown_decision', 'no decision has this id');
  }
}

/** The records the links name (each once), or 400 naming every key that names nothing. */
async function resolveLinks(
  tx: Tx,
  links: readonly SourceLinkInput[],
): Promise<{ subject: SourceSubject; id: string }[]> {
  const found = await resolveLinkKeys(tx, links);
  const errors: FieldError[] = [];
  const resolved = new Map<string, { subject: SourceSubject; id: string }>();
  links.forEach((link, i) => {
    const id = found.get(`${link.subject}:${normalLinkKey(link.subject, link.key)}`);
    if (!id) errors.push(unknownLink(`links.${i}.key`, link));
    else resolved.set(`${link.subject}:${id}`, { subject: link.subject, id });
  });
  if (errors.length > 0) throw invalid(errors);
  return [...resolved.values()];
}

/** `subject:id`, or `subject:key` (a member's code, an indicator's key): how the register finds what links to a record. */
const linkKey = (subject: SourceSubject, key: string) => `${subject}:${key}`;

/** Items by each record they link to, under its id and its key. */
function groupByLink<T>(items: readonly T[], linksOf: (item: T) => readonly SourceLink[]): Map<string, T[]> {
  const byLink = new Map<string, T[]>();
  for (const item of items) {
    const keys = new Set(linksOf(item).flatMap((l) => [linkKey(l.subject, l.id), linkKey(l.subject, l.key)]));
    for (const key of keys) {
      const linked = byLink.get(key);
      if (linked) linked.push(item);
      else byLink.set(key, [item]);
    }
  }
  return byLink;
}

/** The one record a list's filter names (a member, a meeting, or a subject and its key), as a link key; null for none. */
function namedRecord(query: ListSourcesQuery): string | null {
  const named = (subject: SourceSubject, key: string) => linkKey(subject, normalLinkKey(subject, key));
  if (query.member) return named(SourceSubject.enum.member, query.member);
  if (query.meeting) return named(SourceSubject.enum.meeting, query.meeting);
  if (query.subject && query.key) return named(query.subject, query.key);
  return null;
}

async function sourceInTx(tx: Tx, row: SourceRow): Promise<Source> {
  return toSource(row, await linkRowsOf(tx, [row.id]));
}

export function createSourcesService(deps: ServiceDeps & { visibleRecords: VisibleRecords }) {
  const { db, cache, visibleRecords } = deps;

  /**
   * Every entry with every link, by id and by what they link to; one object until a write drops
   * it. One entry or a record's citations are looked up here, not filtered out of the whole
   * register at each request: with 100,000 entries that cost a focal point 26 ms a request
   * (bench/sources.ts).
   */
  const register = () =>
    cache.get(SOURCES_READ_TAGS, 'all', async () => {
      const [rows, links] = await Promise.all([listSourceRows(db), linkRowsOf(db, null)]);
      const bySource = linksBySource(links);
      const entries = rows.map((row) => toEntry(toSource(row, bySource.get(row.id) ?? [])));
      const byLink = groupByLink(entries, (e) => e.source.links);
      return { entries, byId: new Map(entries.map((e) => [e.source.id, e])), byLink };
    });

  /**
   * Of these entries, those the caller may see, each with only the links to records the caller
   * may see (asking the other modules only about the subjects these entries link to).
   */
  async function visibleOf(auth: Auth, all: readonly Entry[]): Promise<Source[]> {
    const entries = all.filter((e) => canReadSource(auth.user, e.access));
    // The secretariat sees every record; nothing to leave out.
    if (isSecretariat(auth.user)) return entries.map((e) => e.source);
    const guarded = new Set<GuardedSubject>();
    for (const e of entries)
      for (const l of e.source.links) if (l.subject !== SourceSubject.enum.member) guarded.add(l.subject);
    const sets = new Map(await Promise.all([...guarded].map(async (s) => [s, await visibleRecords(auth, s)] as const)));
    const canSee = (link: SourceLink) =>
      link.subject === SourceSubject.enum.member || (sets.get(link.subject)?.has(link.id) ?? false);
    return entries.map((e) =>
      e.source.links.every(canSee) ? e.source : { ...e.source, links: e.source.links.filter(canSee) },
    );
  }

  /** The public's view of the register (`auth` signed out), by id and by what it links to. */
  const publicEntries = (auth: Auth) =>
    cache.get(SOURCES_READ_TAGS, 'public', async () => {
      const items = await visibleOf(auth, (await register()).entries);
      return { items, byId: new Map(items.map((s) => [s.id, s])), byLink: groupByLink(items, (s) => s.links) };
    });

  /**
   * The entries a caller sees that this query can match: when it names a record (the citations
   * beside a member, a meeting, a figure), only those linked to it. The public's view is one
   * cached list (filtered per query, so that no query can fill the cache).
   */
  async function candidates(auth: Auth, query: ListSourcesQuery): Promise<readonly Source[]> {
    const record = namedRecord(query);
    if (!auth.user) {
      const { items, byLink } = await publicEntries(auth);
      return record === null ? items : (byLink.get(record) ?? []);
    }
    const { entries, byLink } = await register();
    return visibleOf(auth, record === null ? entries : (byLink.get(record) ?? []));
  }

  return {
    /** The register, newest first, filtered; only what the caller may see. */
    async listSources(auth: Auth, query: ListSourcesQuery): Promise<SourceList> {
      const items = (await candidates(auth, query)).filter((s) => matches(s, query));
      return { items: items.slice(query.offset, query.offset + query.limit), total: items.length };
    },

    /** One entry, or 404 when it does not exist or the caller may not see it. */
    async getSource(auth: Auth, id: string): Promise<Source> {
      if (!auth.user) return requireVisible((await publicEntries(auth)).byId.get(id), () => true, 'Source');
      const entry = (await register()).byId.get(id);
      const [found] = entry ? await visibleOf(auth, [entry]) : [];
      return requireVisible(found, () => true, 'Source');
    },

    /** Adds an entry (secretariat) with its links. */
    async createSource(auth: Auth, body: NewSource): Promise<Source> {
      requireRole(auth, canEditSources, 'Only the secretariat can add sources.');
      return write(deps, [SOURCES_TAG], async (tx) => {
        const links = await resolveLinks(tx, body.links);
        const row = await insertSource(tx, {
          kind: body.kind,
          title: body.title,
          publisher: body.publisher,
          publishedOn: body.date,
          url: body.url,
          language: body.language,
          excerpt: body.excerpt,
          note: body.note,
          visibility: body.visibility,
          createdBy: auth.user?.id ?? null,
        });
        await replaceLinks(tx, row.id, links);
        const source = await sourceInTx(tx, row);
        await recordAudit(tx, auth, {
          action: 'source.created',
          entityType: 'source',
          entityId: row.id,
          after: source,
        });
        return source;
      });
    },

    /** Changes an entry (secretariat) if `version` is still the current one; `links` replaces them all. */
    async updateSource(auth: Auth, id: string, version: number, body: SourceChange): Promise<Source> {
      requireRole(auth, canEditSources, 'Only the secretariat can change sources.');
      // Its links are read once for the view before and after: under the row's lock only this
      // write can change them, and it reads them again when it does.
      let links: LinkRow[] | null = null;
      const { after } = await write(deps, [SOURCES_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: sources,
          entity: 'source',
          action: 'source.updated',
          version,
          lock: () => lockSourceRow(tx, id),
          view: async (row) => {
            links ??= await linkRowsOf(tx, [row.id]);
            return toSource(row, links);
          },
          change: async (row) => {
            if (body.links !== undefined) {
              await replaceLinks(tx, row.id, await resolveLinks(tx, body.links));
              links = null;
            }
            const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
            return {
              kind: pick(body.kind, row.kind),
              title: pick(body.title, row.title),
              publisher: pick(body.publisher, row.publisher),
              publishedOn: pick(body.date, row.publishedOn),
              url: pick(body.url, row.url),
              language: pick(body.language, row.language),
              excerpt: pick(body.excerpt, row.excerpt),
              note: pick(body.note, row.note),
              visibility: pick<Visibility>(body.visibility, row.visibility),
            };
          },
        }),
      );
      return after;
    },

    /** Removes an entry and its links (secretariat) if `version` is still the current one. */
    async deleteSource(auth: Auth, id: string, version: number): Promise<void> {
      requireRole(auth, canEditSources, 'Only the secretariat can remove sources.');
      await write(deps, [SOURCES_TAG], async (tx) => {
        const row = await lockSourceRow(tx, id);
        if (!row) throw notFound('This source');
        if (row.version !== version) throw versionMismatch('source', row.version);
        const before = await sourceInTx(tx, row);
        await deleteSourceRow(tx, id);
        await recordAudit(tx, auth, { action: 'source.deleted', entityType: 'source', entityId: id, before });
      });
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
