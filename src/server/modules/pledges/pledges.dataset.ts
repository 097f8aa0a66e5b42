import { PLEDGE_KINDS, PLEDGE_STATUSES } from '../../../shared/enums.js';
import type { Dataset } from '../open-data/dataset.js';
import { PLEDGES_TAG } from '../progress/tags.js';
import type { PledgesService } from './pledges.service.js';

/** Every pledge (pledges are public), as GET /api/v1/pledges gives them, in its order. */
export function pledgesDataset(pledges: Pick<PledgesService, 'listPledges'>): Dataset {
  return {
    name: 'pledges',
    description:
      'What members have pledged to each line of effort: amounts in minor units of their currency (or in kind), status and dates.',
    api: '/api/v1/pledges',
    tags: [PLEDGES_TAG],
    columns: [
      { name: 'id', type: 'string', description: 'The pledge’s identifier (UUID).' },
      { name: 'member_code', type: 'string', description: 'The pledging member’s code.' },
      { name: 'member_name', type: 'string', description: 'The pledging member’s short name in English.' },
      { name: 'line_of_effort', type: 'string', description: 'The line of effort’s key (LOE1-military).' },
      { name: 'kind', type: 'string', description: `One of: ${PLEDGE_KINDS.join(', ')}.` },
      { name: 'status', type: 'string', description: `One of: ${PLEDGE_STATUSES.join(', ')}.` },
      {
        name: 'amount_minor',
        type: 'integer',
        description: 'The amount pledged in minor units of the currency (cents): divide by 10^minor_digits.',
      },
      { name: 'currency', type: 'string', description: 'ISO 4217 currency code.' },
      {
        name: 'minor_digits',
        type: 'integer',
        description: 'The currency’s minor digits (2 for EUR, 0 for JPY, 3 for KWD).',
      },
      { name: 'committed_minor', type: 'integer', description: 'The amount committed, in minor units.' },
      { name: 'disbursed_minor', type: 'integer', description: 'The sum disbursed, in minor units.' },
      {
        name: 'usd',
        type: 'number',
        description: 'The amount in US dollars at the rate of its value date; empty when no rate is known.',
      },
      { name: 'value_date', type: 'date', description: 'The day the amount is valued at (YYYY-MM-DD).' },
      { name: 'description', type: 'string', description: 'What is pledged.' },
      { name: 'quantity', type: 'number', description: 'In kind: how many.' },
      { name: 'unit', type: 'string', description: 'In kind: of what.' },
      { name: 'updated_at', type: 'datetime', description: 'When the record last changed (ISO 8601, UTC).' },
    ],
    // The list the API gives, one cached read: rows are yielded from it as they are.
    async *rows(auth) {
      for (const p of (await pledges.listPledges(auth, {})).items) {
        yield {
          id: p.id,
          member_code: p.member.code,
          member_name: p.member.names.en,
          line_of_effort: p.lineOfEffort,
          kind: p.kind,
          status: p.status,
          amount_minor: p.amountMinor,
          currency: p.currency,
          minor_digits: p.minorDigits,
          committed_minor: p.committedMinor,
          disbursed_minor: p.disbursedMinor,
          usd: p.usd?.usd ?? null,
          value_date: p.valueDate,
          description: p.description,
          quantity: p.quantity,
          unit: p.unit,
          updated_at: p.updatedAt,
        };
      }
    },
  };
}
