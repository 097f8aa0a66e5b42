import { z } from 'zod';

/**
 * A string as input: PostgreSQL text cannot hold U+0000, so it is refused here with a clear
 * message instead of failing in the database. Every input string schema starts from this.
 */
export const Text = z.string().refine((s) => !s.includes('\u0000'), 'must not contain a NUL character');
