import { z } from 'zod';
import { refusedAs } from './problem.js';

/**
 * A string as input: PostgreSQL text cannot hold U+0000, so it is refused here with a clear
 * message instead of failing in the database. Every input string schema starts from this.
 */
export const Text = z
  .string()
  .refine((s) => !s.includes('\u0000'), refusedAs('nul_character', 'must not contain a NUL character'));

/**
 * An id in an answer. Always one of ours (a UUID the database made), so its format is
 * documented for OpenAPI rather than checked: a UUID pattern on every id of every answer
 * measured a fifth of the cost of checking a list against its schema. Inputs use `z.uuid()`.
 */
export const AnswerId = z.string().meta({ format: 'uuid' });

export { foldName } from './fold.js';
