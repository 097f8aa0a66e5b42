import type { Read } from '../../db/client.js';
import type { Dataset } from '../open-data/dataset.js';
import { keysetPages } from '../open-data/paging.js';
import { type OpenValueRow, readOpenValuesPage } from './figures.repo.js';
import type { IndicatorsService } from './indicators.service.js';
import { FIGURES_TAG, INDICATORS_TAG } from './tags.js';

/**
 * The approved values of the public indicators: indicator by indicator (by key), each in the
 * order of GET /api/v1/indicators/{key}/values, read from the database a page at a time.
 */
export function indicatorValuesDataset(deps: {
  read: Read;
  indicators: Pick<IndicatorsService, 'listIndicators'>;
}): Dataset {
  return {
    name: 'indicator-values',
    description:
      'The approved figures members have reported for each public indicator, by period, member and category. Drafts and values under review are never included.',
    api: '/api/v1/indicators/{key}/values',
    tags: [FIGURES_TAG, INDICATORS_TAG],
    columns: [
      {
        name: 'indicator_key',
        type: 'string',
        description: 'The indicator’s key; its dashboard is /indicators/{key}.',
      },
      {
        name: 'period',
        type: 'string',
        description: 'The reporting period: 2015-01 (month), 2015-Q1 (quarter) or 2015 (year).',
      },
      { name: 'member_code', type: 'string', description: 'The reporting member’s code.' },
      { name: 'member_name', type: 'string', description: 'The reporting member’s short name in English.' },
      {
        name: 'category',
        type: 'string',
        description: 'The category’s key when the indicator is broken down (oil, extortion…); empty otherwise.',
      },
      { name: 'value', type: 'number', description: 'The approved value, in the unit.' },
      { name: 'unit', type: 'string', description: 'The indicator’s unit.' },
      { name: 'note', type: 'string', description: 'The member’s note on the value.' },
      { name: 'approved_at', type: 'datetime', description: 'When the secretariat approved it (ISO 8601, UTC).' },
      // Added after the first release: at the end, so that a script reading columns by position still works.
      { name: 'unit_fr', type: 'string', description: 'The unit in French, when translated.' },
      { name: 'unit_ar', type: 'string', description: 'The unit in Arabic, when translated.' },
    ],
    async *rows(auth) {
      const indicators = (await deps.indicators.listIndicators(auth, {})).items.toSorted((a, b) =>
        a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
      );
      for (const indicator of indicators) {
        const pages = keysetPages<OpenValueRow>((after, limit) =>
          readOpenValuesPage(deps.read, indicator.id, after, limit),
        );
        for await (const v of pages) {
          yield {
            indicator_key: indicator.key,
            period: v.period,
            member_code: v.code,
            member_name: v.nameEn,
            category: v.category === '' ? null : v.category,
            value: v.value,
            unit: indicator.unit,
            note: v.note,
            approved_at: v.approvedAt,
            unit_fr: indicator.unitTranslations.fr ?? null,
            unit_ar: indicator.unitTranslations.ar ?? null,
          };
        }
      }
    },
  };
}
