import { z } from 'zod';
import { Language } from './language.js';
import { AnswerId } from './text.js';

export const Role = z.enum(['admin', 'secretariat', 'focal_point', 'observer']);
export type Role = z.infer<typeof Role>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));

export const SignInBody = z.object({
  email: Email,
  password: z.string().min(1, 'is required').max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

/** The signed-in user as the app sees them: never a hash, never a token. */
export const Me = z.object({
  id: AnswerId,
  email: z.string(),
  name: z.string(),
  role: Role,
  memberCode: z.string().nullable(),
  /** The interface language the user chose; null when they never chose one (the browser's is used). */
  language: Language.nullable(),
});
export type Me = z.infer<typeof Me>;

/** The interface language a signed-in user keeps on their account. */
export const SetLanguageBody = z.strictObject({ language: Language });
export type SetLanguageBody = z.infer<typeof SetLanguageBody>;

/** The session as the app sees it: a user, or null when signed out (never an error). */
export const SessionState = z.object({ user: Me.nullable() });
export type SessionState = z.infer<typeof SessionState>;
