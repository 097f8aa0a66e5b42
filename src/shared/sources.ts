import { z } from 'zod';
import { SOURCE_KINDS, SOURCE_SUBJECTS } from './enums.js';
import { Visibility } from './meetings.js';
import { AnswerId, Text } from './text.js';

// The register of sources and press (issue 11): every figure and fact of the demo comes from a
// source of the data file (`ref` "S01"…); the secretariat adds press articles and other sources.
// Each entry links to what it supports or mentions. Served at /api/v1/sources.

export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;
export const SourceSubject = z.enum(SOURCE_SUBJECTS);
export type SourceSubject = z.infer<typeof SourceSubject>;

/**
 * What an entry links to. `key` is what the subject's page address uses: a member's code
 * ("IRQ"), an indicator's key, otherwise the record's id; `label` is its name or title as the
 * register holds it, for a link's text.
 */
export const SourceLink = z.object({
  subject: SourceSubject,
  id: AnswerId,
  key: z.string(),
  label: z.string(),
});
export type SourceLink = z.infer<typeof SourceLink>;

export const Source = z.object({
  id: AnswerId,
  /** The data file's id ("S01") for the demo's sources; null for entries added since. */
  ref: z.string().nullable(),
  kind: SourceKind,
  title: z.string(),
  /** Who published it: a ministry, an agency, a newspaper (the outlet of a press article). */
  publisher: z.string(),
  /** ISO date of publication; null when the source gives none. */
  date: z.string().nullable(),
  url: z.string().nullable(),
  /** BCP 47 tag of the text's language ("en", "fr", "ar", "de"…); null when unknown. */
  language: z.string().nullable(),
  /** A short excerpt in our own words (never a copy of the article). */
  excerpt: z.string().nullable(),
  /** What we know of the source itself ("only paragraphs 1–5 were retrievable"). */
  note: z.string().nullable(),
  visibility: Visibility,
  links: z.array(SourceLink),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Source = z.infer<typeof Source>;
export const SourceList = z.object({ items: z.array(Source), total: z.number().int() });
export type SourceList = z.infer<typeof SourceList>;

export const SourceIdParams = z.object({ id: z.uuid({ message: 'must be a source id' }) });
export type SourceIdParams = z.infer<typeof SourceIdParams>;

/** GET /api/v1/sources: newest first; `member` and `meeting` keep the entries linked to them. */
export const ListSourcesQuery = z.object({
  kind: SourceKind.optional(),
  /** A member's code: entries linked to that member. */
  member: Text.trim().toUpperCase().max(12).optional(),
  /** A meeting's id: entries linked to that meeting. */
  meeting: z.uuid({ message: 'must be a meeting id' }).optional(),
  /** Any subject: `subject` and `key` together ("indicator", "strikes"). */
  subject: SourceSubject.optional(),
  key: Text.trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListSourcesQuery = z.infer<typeof ListSourcesQuery>;

const LanguageTag = Text.trim()
  .max(35)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as "en", "fr" or "ar"');
const HttpUrl = Text.trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/, 'must be an http or https address');

/** A link as a create or a change sends it: the subject and its key (code, indicator key or id). */
export const SourceLinkInput = z.strictObject({ subject: SourceSubject, key: Text.trim().min(1).max(100) });
export type SourceLinkInput = z.infer<typeof SourceLinkInput>;

export const SourceFields = {
  kind: SourceKind,
  title: Text.trim().min(1, 'is required').max(500),
  publisher: Text.trim().min(1, 'is required').max(300),
  date: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).nullable(),
  url: HttpUrl.nullable(),
  language: LanguageTag.nullable(),
  excerpt: Text.trim().max(1000).nullable(),
  note: Text.trim().max(2000).nullable(),
  visibility: Visibility,
  links: z.array(SourceLinkInput).max(200),
};

/** POST /api/v1/sources (the secretariat). */
export const NewSource = z.strictObject({
  kind: SourceFields.kind,
  title: SourceFields.title,
  publisher: SourceFields.publisher,
  date: SourceFields.date.default(null),
  url: SourceFields.url.default(null),
  language: SourceFields.language.default(null),
  excerpt: SourceFields.excerpt.default(null),
  note: SourceFields.note.default(null),
  visibility: SourceFields.visibility.default('public'),
  links: SourceFields.links.default([]),
});
export type NewSource = z.infer<typeof NewSource>;

/** PATCH /api/v1/sources/{id} with If-Match: the fields sent are changed; `links` replaces them all. */
export const SourceChange = z.strictObject({
  kind: SourceFields.kind.optional(),
  title: SourceFields.title.optional(),
  publisher: SourceFields.publisher.optional(),
  date: SourceFields.date.optional(),
  url: SourceFields.url.optional(),
  language: SourceFields.language.optional(),
  excerpt: SourceFields.excerpt.optional(),
  note: SourceFields.note.optional(),
  visibility: SourceFields.visibility.optional(),
  links: SourceFields.links.optional(),
});
export type SourceChange = z.infer<typeof SourceChange>;
