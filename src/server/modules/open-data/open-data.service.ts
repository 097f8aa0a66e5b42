import { type DatasetInfo, OPENAPI_PATH, type OpenDataCatalog } from '../../../shared/open-data.js';
import type { Auth } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import type { Dataset } from './dataset.js';
import { type DownloadFormat, downloadChunks } from './download.js';

/** Where a dataset's downloads are. */
export const datasetUrl = (name: string, format: DownloadFormat) => `/api/v1/open-data/${name}.${format}`;
/** The Atom feed of adopted statements and decisions. */
export const STATEMENTS_FEED_PATH = '/feeds/statements.atom';
/** Every public meeting as iCalendar (the meetings module's calendar, asked without a session). */
export const PUBLIC_CALENDAR_PATH = '/api/v1/calendar.ics';

/** The open data is the public's: whoever asks, the rows are read as for a caller signed out. */
const asPublic = (auth: Auth): Auth => ({ requestId: auth.requestId, ip: auth.ip, user: null });

/** The catalog of the open data, and each dataset's download as it streams. */
export function createOpenDataService(datasets: readonly Dataset[]) {
  const byName = new Map(datasets.map((d) => [d.name as string, d]));
  const catalog: OpenDataCatalog = {
    datasets: datasets.map(
      (d): DatasetInfo => ({
        name: d.name,
        description: d.description,
        csv: datasetUrl(d.name, 'csv'),
        json: datasetUrl(d.name, 'json'),
        api: d.api,
        columns: d.columns,
      }),
    ),
    feeds: [
      { name: 'statements', url: STATEMENTS_FEED_PATH, type: 'application/atom+xml' },
      { name: 'calendar', url: PUBLIC_CALENDAR_PATH, type: 'text/calendar' },
      { name: 'openapi', url: OPENAPI_PATH, type: 'application/json' },
    ],
  };

  return {
    /** The datasets with their columns and URLs, and the other public channels. */
    catalog(_auth: Auth): OpenDataCatalog {
      return catalog;
    },

    /** A dataset's download, as chunks of text written as its rows are read; 404 for a name no dataset has. */
    download(auth: Auth, name: string, format: DownloadFormat): { fileName: string; chunks: AsyncIterable<string> } {
      const dataset = byName.get(name);
      if (!dataset) throw notFound(`Dataset ${name}`);
      return {
        fileName: `entente-${dataset.name}.${format}`,
        chunks: downloadChunks(dataset.name, dataset.columns, dataset.rows(asPublic(auth)), format),
      };
    },
  };
}

export type OpenDataService = ReturnType<typeof createOpenDataService>;
