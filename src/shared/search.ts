import { z } from 'zod';
import { SEARCH_KINDS } from './enums.js';
import { AnswerId, Text } from './text.js';

// GET /api/v1/search?q= (issue 11): members, people, meetings, statements, decisions and sources,
// ranked, with highlighted snippets, in English, French and Arabic (folded: accents, tashkeel,
// tatweel, alef/ya/ta marbuta forms), only what the asker may see.

export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchQuery = z.object({
  q: Text.trim().min(1, 'is required').max(200),
  /** Only this kind of record. */
  kind: SearchKind.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A piece of a snippet; `match` marks the words the query found (shown highlighted). No HTML. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  kind: SearchKind,
  id: AnswerId,
  /** The page's address in the web app ("/members/IRQ", "/meetings/{id}", "/sources#{id}"). */
  path: z.string(),
  title: z.string(),
  /** The title's highlighted form, then a passage of the text around the matches (may be empty). */
  titleParts: z.array(SnippetPart),
  snippet: z.array(SnippetPart),
  /** ISO date of the record when it has one (a meeting's start, a statement's adoption…). */
  date: z.string().nullable(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({ q: z.string(), items: z.array(SearchHit), total: z.number().int() });
export type SearchResults = z.infer<typeof SearchResults>;
