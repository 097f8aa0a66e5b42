import { Visibility } from '../../../shared/meetings.js';
import type { DatasetRow } from '../../../shared/open-data.js';
import { SourceSubject } from '../../../shared/sources.js';
import type { Db } from '../../db/client.js';
import type { Auth } from '../../lib/auth-context.js';
import type { Dataset } from '../open-data/dataset.js';
import { canReadSource } from './sources.policy.js';
import { linkRowsOf, linksBySource, sourceRowsAfter } from './sources.repo.js';
import { type GuardedSubject, SOURCES_READ_TAGS, type VisibleRecords } from './sources.service.js';

/** Rows read at a time: the download streams in constant memory however long the register grows. */
const PAGE = 1000;

/** The register as open data: public entries only, each with the public records it links to. */
export function sourcesDataset(deps: { db: Db; visibleRecords: VisibleRecords }): Dataset {
  return {
    name: 'sources',
    description:
      'The register of sources and press: what the facts come from and what was written about the coalition.',
    api: '/api/v1/sources',
    columns: [
      { name: 'id', type: 'string', description: 'The entry’s id (UUID).' },
      {
        name: 'ref',
        type: 'string',
        description: 'The reference data file’s id ("S01"); empty for entries added since.',
      },
      { name: 'kind', type: 'string', description: '"source" or "press" (an article of a news outlet).' },
      { name: 'title', type: 'string', description: 'Its title.' },
      {
        name: 'publisher',
        type: 'string',
        description: 'Who published it: a ministry, an agency, the outlet of an article.',
      },
      { name: 'date', type: 'date', description: 'The date of publication (YYYY-MM-DD); empty when unknown.' },
      { name: 'url', type: 'string', description: 'Where to read it.' },
      { name: 'language', type: 'string', description: 'The language of its text (BCP 47: en, fr, ar…).' },
      { name: 'excerpt', type: 'string', description: 'A short description in the coalition’s own words.' },
      { name: 'members', type: 'string', description: 'The codes of the members it mentions, separated by a space.' },
      { name: 'meetings', type: 'string', description: 'The ids of the meetings it mentions, separated by a space.' },
      {
        name: 'statements',
        type: 'string',
        description: 'The ids of the statements it mentions, separated by a space.',
      },
      {
        name: 'indicators',
        type: 'string',
        description: 'The keys of the indicators whose figures it supports, separated by a space.',
      },
    ],
    tags: SOURCES_READ_TAGS,
    async *rows(auth: Auth): AsyncIterable<DatasetRow> {
      const visible = new Map<GuardedSubject, ReadonlySet<string>>();
      const canSee = async (subject: GuardedSubject, id: string) => {
        if (!visible.has(subject)) visible.set(subject, await deps.visibleRecords(auth, subject));
        return visible.get(subject)?.has(id) ?? false;
      };
      let after: string | null = null;
      for (;;) {
        const page = await sourceRowsAfter(deps.db, after, PAGE);
        if (page.length === 0) return;
        after = page[page.length - 1].id;
        // The open data is public: the anonymous caller's view, never more.
        const shown = page.filter(
          (row) =>
            row.visibility === Visibility.enum.public &&
            canReadSource(auth.user, { visibility: row.visibility, memberIds: [] }),
        );
        const links = linksBySource(
          await linkRowsOf(
            deps.db,
            shown.map((r) => r.id),
          ),
        );
        for (const row of shown) {
          const keys: Record<'member' | 'meeting' | 'statement' | 'indicator', string[]> = {
            member: [],
            meeting: [],
            statement: [],
            indicator: [],
          };
          for (const link of links.get(row.id) ?? []) {
            if (link.subject === SourceSubject.enum.person || link.subject === SourceSubject.enum.decision) continue;
            if (link.subject !== SourceSubject.enum.member && !(await canSee(link.subject, link.id))) continue;
            keys[link.subject].push(link.key);
          }
          yield {
            id: row.id,
            ref: row.ref,
            kind: row.kind,
            title: row.title,
            publisher: row.publisher,
            date: row.publishedOn,
            url: row.url,
            language: row.language,
            excerpt: row.excerpt,
            members: keys.member.join(' '),
            meetings: keys.meeting.join(' '),
            statements: keys.statement.join(' '),
            indicators: keys.indicator.join(' '),
          };
        }
      }
    },
  };
}
