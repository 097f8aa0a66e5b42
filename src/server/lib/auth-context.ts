import type { Role } from '../../shared/auth.js';
import type { Language } from '../../shared/i18n.js';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  memberId: string | null;
  memberCode: string | null;
  /** The interface language they chose, or null: read with the session, so `me` needs no query of its own. */
  language: Language | null;
  sessionId: string;
}

/** Who is acting, passed first to every service function. `user` is null when signed out. */
export interface Auth {
  user: SessionUser | null;
  requestId: string;
  ip: string;
  /** The operator's own tools (first start, seed, CLI): not a web request. */
  isSystem?: boolean;
}

/** The acting context of the system itself (seed, migrations, CLI). */
export const systemAuth = (requestId = 'system'): Auth => ({
  user: null,
  requestId,
  ip: '127.0.0.1',
  isSystem: true,
});
