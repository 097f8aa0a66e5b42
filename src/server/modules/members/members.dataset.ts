import { MEMBER_KINDS, MEMBER_STATUSES } from '../../../shared/enums.js';
import type { Dataset } from '../open-data/dataset.js';
import { MEMBERS_TAG, type MembersService } from './members.service.js';

/** The member registry (every member is public), in the order of GET /api/v1/members: by English name. */
export function membersDataset(members: Pick<MembersService, 'listMembers'>): Dataset {
  return {
    name: 'members',
    description:
      'The members of the coalition: states and organisations, with their names and dates of joining and leaving.',
    api: '/api/v1/members',
    tags: [MEMBERS_TAG],
    columns: [
      { name: 'id', type: 'string', description: 'The member’s identifier (UUID).' },
      {
        name: 'code',
        type: 'string',
        description:
          'ISO 3166-1 alpha-3 code for a state (XKX for Kosovo); a short code for an organisation (EU, LAS).',
      },
      { name: 'kind', type: 'string', description: `One of: ${MEMBER_KINDS.join(', ')}.` },
      { name: 'name_en', type: 'string', description: 'Short name in English.' },
      { name: 'name_fr', type: 'string', description: 'Short name in French.' },
      { name: 'name_ar', type: 'string', description: 'Short name in Arabic.' },
      {
        name: 'status',
        type: 'string',
        description: `One of: ${MEMBER_STATUSES.join(', ')} (former once it has left).`,
      },
      { name: 'joined_on', type: 'date', description: 'The day it joined (YYYY-MM-DD), when known.' },
      { name: 'left_on', type: 'date', description: 'The day it left (YYYY-MM-DD), when it has.' },
      { name: 'updated_at', type: 'datetime', description: 'When the record last changed (ISO 8601, UTC).' },
    ],
    // The registry is one cached list of some hundred members: there is no page to read.
    async *rows(auth) {
      for (const m of (await members.listMembers(auth, {})).items) {
        yield {
          id: m.id,
          code: m.code,
          kind: m.kind,
          name_en: m.names.en,
          name_fr: m.names.fr,
          name_ar: m.names.ar,
          status: m.status,
          joined_on: m.joinedOn,
          left_on: m.leftOn,
          updated_at: m.updatedAt,
        };
      }
    },
  };
}
