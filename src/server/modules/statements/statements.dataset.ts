import { DECISION_METHODS, STATEMENT_KINDS } from '../../../shared/enums.js';
import { StatementStatus } from '../../../shared/statements.js';
import type { Dataset } from '../open-data/dataset.js';
import { PUBLIC_PAGE_TAGS } from './statement-common.js';
import type { StatementsService } from './statements.service.js';

/** Adopted public statements, in the order of GET /api/v1/statements?status=adopted (most recently changed first). */
export function statementsDataset(statements: Pick<StatementsService, 'listStatements' | 'getStatement'>): Dataset {
  return {
    name: 'statements',
    description:
      'Statements the coalition has adopted and published: kind, title, language, day of adoption, decision number and the members that adopted them.',
    api: '/api/v1/statements?status=adopted',
    tags: PUBLIC_PAGE_TAGS,
    columns: [
      { name: 'id', type: 'string', description: 'The statement’s identifier (UUID); its page is /statements/{id}.' },
      { name: 'kind', type: 'string', description: `One of: ${STATEMENT_KINDS.join(', ')}.` },
      { name: 'title', type: 'string', description: 'The title in the language of the authentic text.' },
      { name: 'language', type: 'string', description: 'The language of the authentic text (en, fr, ar).' },
      { name: 'meeting_id', type: 'string', description: 'The meeting it was adopted at or for (UUID), if any.' },
      { name: 'adopted_on', type: 'date', description: 'The day of adoption (YYYY-MM-DD).' },
      {
        name: 'decision_number',
        type: 'string',
        description: 'The number of its decision in the register ("2014/1").',
      },
      { name: 'method', type: 'string', description: `How it was adopted: ${DECISION_METHODS.join(', ')}.` },
      {
        name: 'member_codes',
        type: 'string',
        description:
          'The members that adopted it, codes separated by ";": those that endorsed it, or that kept silent under a silence procedure; empty for a meeting’s consensus.',
      },
      { name: 'updated_at', type: 'datetime', description: 'When the record last changed (ISO 8601, UTC).' },
    ],
    async *rows(auth) {
      const list = await statements.listStatements(auth, { status: StatementStatus.enum.adopted });
      for (const s of list.items) {
        // The statement's page (from the read cache) names the members; one at a time.
        const { adoption } = await statements.getStatement(auth, s.id);
        yield {
          id: s.id,
          kind: s.kind,
          title: s.title,
          language: s.language,
          meeting_id: s.meetingId,
          adopted_on: s.adoptedOn,
          decision_number: s.decisionNumber,
          method: adoption?.method ?? null,
          member_codes: adoption?.members.length ? adoption.members.map((m) => m.code).join(';') : null,
          updated_at: s.updatedAt,
        };
      }
    },
  };
}
