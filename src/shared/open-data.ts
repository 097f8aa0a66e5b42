import { z } from 'zod';
import { OPEN_DATASETS } from './enums.js';

// Open data (issue 11): every public list as CSV and JSON with stable column names, listed at
// GET /api/v1/open-data and served at /api/v1/open-data/{dataset}.csv and .json. Only public
// records and approved values, as the public pages show them.

/** The API's reference: Swagger UI here, reading the OpenAPI document at OPENAPI_PATH. */
export const API_DOCS_PATH = '/api/docs';
export const OPENAPI_PATH = '/api/docs/json';

export const OpenDataset = z.enum(OPEN_DATASETS);
export type OpenDataset = z.infer<typeof OpenDataset>;

export const ColumnType = z.enum(['string', 'integer', 'number', 'boolean', 'date', 'datetime']);
export type ColumnType = z.infer<typeof ColumnType>;

/** A column of a dataset: its name never changes once published; a new column is added at the end. */
export const DatasetColumn = z.object({ name: z.string(), type: ColumnType, description: z.string() });
export type DatasetColumn = z.infer<typeof DatasetColumn>;

export const DatasetInfo = z.object({
  name: OpenDataset,
  description: z.string(),
  csv: z.string(),
  json: z.string(),
  /** The API list the rows are (the same records, flattened): "/api/v1/members". */
  api: z.string().nullable(),
  columns: z.array(DatasetColumn),
});
export type DatasetInfo = z.infer<typeof DatasetInfo>;

export const OpenDataCatalog = z.object({
  datasets: z.array(DatasetInfo),
  /** Other public channels: the Atom feed, the calendar, the OpenAPI document. */
  feeds: z.array(z.object({ name: z.string(), url: z.string(), type: z.string() })),
});
export type OpenDataCatalog = z.infer<typeof OpenDataCatalog>;

/** A row of a dataset, as the JSON download gives it: the columns, in order. */
export type DatasetRow = Record<string, string | number | boolean | null>;
