import type { DatasetColumn, DatasetRow, OpenDataset } from '../../../shared/open-data.js';
import type { Auth } from '../../lib/auth-context.js';

/**
 * One downloadable list of the portal (GET /api/v1/open-data/{name}.csv and .json). A module
 * that owns the records describes its dataset with this and the open-data module serves it:
 * the columns (stable names, documented on the public data page) and the rows, read in pages
 * so that a large download streams in constant memory.
 *
 * `rows` yields only what the public may see (the open data is public: `auth` is the
 * anonymous caller's, never a signed-in user's), each row with exactly `columns`' names in order.
 */
export interface Dataset {
  name: OpenDataset;
  description: string;
  /** The API list whose records the rows are, flattened ("/api/v1/members"); null when none. */
  api: string | null;
  columns: DatasetColumn[];
  /** The cache tags whose writes change the rows (for the ETag of a download); [] for none. */
  tags: string[];
  rows(auth: Auth): AsyncIterable<DatasetRow>;
}
