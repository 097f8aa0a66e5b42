import { DECISION_METHODS } from '../../../shared/enums.js';
import type { Dataset } from '../open-data/dataset.js';
import type { DecisionsService } from './decisions.service.js';
import { PUBLIC_PAGE_TAGS } from './statement-common.js';

/** The public decisions of the register, in the order of GET /api/v1/decisions. */
export function decisionsDataset(decisions: Pick<DecisionsService, 'listDecisions'>): Dataset {
  return {
    name: 'decisions',
    description: 'The decision register: each public adoption, numbered by year, with the statement it adopted.',
    api: '/api/v1/decisions',
    tags: PUBLIC_PAGE_TAGS,
    columns: [
      { name: 'id', type: 'string', description: 'The decision’s identifier (UUID).' },
      { name: 'number', type: 'string', description: '"2014/1": the year of adoption and its order in that year.' },
      {
        name: 'title',
        type: 'string',
        description: 'The adopted statement’s title, in the language of the authentic text.',
      },
      { name: 'language', type: 'string', description: 'The language of the authentic text (en, fr, ar).' },
      { name: 'method', type: 'string', description: `How it was adopted: ${DECISION_METHODS.join(', ')}.` },
      {
        name: 'statement_id',
        type: 'string',
        description: 'The statement adopted (UUID), a row of the statements dataset.',
      },
      { name: 'text_version', type: 'integer', description: 'The number of the text version adopted.' },
      { name: 'meeting_id', type: 'string', description: 'The meeting it was adopted at or for (UUID), if any.' },
      { name: 'adopted_on', type: 'date', description: 'The day of adoption (YYYY-MM-DD).' },
      { name: 'follow_ups', type: 'integer', description: 'How many follow-up actions the register records for it.' },
    ],
    async *rows(auth) {
      for (const d of (await decisions.listDecisions(auth, {})).items) {
        yield {
          id: d.id,
          number: d.number,
          title: d.title,
          language: d.language,
          method: d.method,
          statement_id: d.statementId,
          text_version: d.textVersion,
          meeting_id: d.meetingId,
          adopted_on: d.adoptedOn,
          follow_ups: d.followUps.length,
        };
      }
    },
  };
}
