import { createHash, randomBytes } from 'node:crypto';
import type { Me, SignInBody } from '../../../shared/auth.js';
import type { Language } from '../../../shared/i18n.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth, SessionUser } from '../../lib/auth-context.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { canChooseOwnLanguage, canManageOwnCalendarLink, canManageOwnSessions } from './auth.policy.js';
import {
  clearFailures,
  countRecentFailures,
  findCalendarTokenUser,
  findLiveSession,
  findUserByEmail,
  insertSession,
  lockUserLanguage,
  recordFailure,
  replaceCalendarToken,
  revokeAllSessions,
  revokeSessionByHash,
  touchSession,
  updateUserLanguage,
} from './auth.repo.js';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
  /** Failed sign-ins allowed per account, then per address, within `throttleWindowMinutes`. */
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  throttleWindowMinutes: number;
}

export const defaultSessionSettings: SessionSettings = {
  idleMinutes: 12 * 60,
  absoluteHours: 7 * 24,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
  throttleWindowMinutes: 15,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * argon2, a native module, loads with the first password to hash or check, not at every start
 * (bench/RESULTS.md, start-up).
 */
const argon2 = () => import('@node-rs/argon2');

/** argon2id with the library's defaults (the `algorithm` option is a const enum that vanishes under tsx). */
export const hashPassword = async (password: string) => (await argon2()).hash(password);

// Verifying against a real hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => {
  dummyHash ??= hashPassword('entente-dummy-password-for-timing');
  return dummyHash;
};

export function createAuthService(deps: { db: Db; clock: Clock; settings: SessionSettings }) {
  const { db, clock, settings } = deps;

  return {
    /**
     * Signs in with email and password; returns a new session token (the old one, if any, is
     * revoked: a session is rotated at every sign-in).
     */
    async signIn(
      auth: Auth,
      body: SignInBody,
      meta: { previousToken: string | null; userAgent: string | null },
    ): Promise<{ token: string; maxAgeSeconds: number }> {
      const failures = await countRecentFailures(db, clock, body.email, auth.ip, settings.throttleWindowMinutes);
      if (failures.byEmail >= settings.maxFailuresPerAccount || failures.byIp >= settings.maxFailuresPerAddress) {
        throw new AppError(
          'too_many_requests',
          `Too many failed sign-ins. Wait ${settings.throttleWindowMinutes} minutes and try again.`,
          {
            reason: 'sign_in_throttled',
            params: { minutes: settings.throttleWindowMinutes },
            headers: { 'retry-after': String(settings.throttleWindowMinutes * 60) },
          },
        );
      }
      const user = await findUserByEmail(db, body.email);
      const { verify } = await argon2();
      const ok = await verify(user?.passwordHash ?? (await getDummyHash()), body.password).catch(() => false);
      if (!user || !ok || user.disabledAt) {
        await recordFailure(db, clock, body.email, auth.ip);
        throw new AppError('unauthenticated', 'The email or the password is wrong.', { reason: 'wrong_credentials' });
      }
      const token = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        if (meta.previousToken) await revokeSessionByHash(tx, clock, hashToken(meta.previousToken));
        await clearFailures(tx, user.email);
        const created = await insertSession(tx, clock, {
          userId: user.id,
          tokenHash: hashToken(token),
          absoluteHours: settings.absoluteHours,
          ip: auth.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        });
        await recordAudit(
          tx,
          // The new session's user is the actor; the audit records only who (id, email).
          {
            ...auth,
            user: {
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              memberId: user.memberId,
              memberCode: null,
              language: user.language,
              sessionId: created.id,
            },
          },
          {
            action: 'session.created',
            entityType: 'user',
            entityId: user.id,
            after: { sessionId: created.id, ip: auth.ip },
          },
        );
      });
      return { token, maxAgeSeconds: settings.absoluteHours * 3600 };
    },

    /** Ends the session behind `token`, if it is live. Signing out twice is not an error. */
    async signOut(auth: Auth, token: string | null): Promise<void> {
      if (!token) return;
      await db.transaction(async (tx) => {
        const revoked = await revokeSessionByHash(tx, clock, hashToken(token));
        if (revoked) {
          await recordAudit(tx, auth, {
            action: 'session.revoked',
            entityType: 'user',
            entityId: revoked.userId,
            before: { sessionId: revoked.id },
          });
        }
      });
    },

    /** Ends every session of the signed-in user, on every device. */
    async signOutEverywhere(auth: Auth): Promise<number> {
      if (!canManageOwnSessions(auth.user)) throw new AppError('unauthenticated', 'Sign in first.');
      const user = auth.user;
      return db.transaction(async (tx) => {
        const count = await revokeAllSessions(tx, clock, user.id);
        await recordAudit(tx, auth, {
          action: 'session.revoked_all',
          entityType: 'user',
          entityId: user.id,
          after: { revoked: count },
        });
        return count;
      });
    },

    /** The user behind a session token, or null when it is unknown, expired, idle or revoked. */
    async resolveSession(token: string): Promise<SessionUser | null> {
      const row = await findLiveSession(db, clock, hashToken(token), settings.idleMinutes);
      if (!row) return null;
      if (row.stale) await touchSession(db, clock, row.sessionId);
      const { stale: _stale, ...user } = row;
      return user;
    },

    /**
     * Saves the interface language the signed-in user chose. It is their own preference, so no
     * If-Match: the last choice wins (two tabs choosing at once leave the later one). Choosing the
     * language they already have writes nothing, and no audit event.
     */
    async setLanguage(auth: Auth, language: Language): Promise<void> {
      if (!canChooseOwnLanguage(auth.user)) throw new AppError('unauthenticated', 'Sign in first.');
      const user = auth.user;
      await db.transaction(async (tx) => {
        const current = await lockUserLanguage(tx, user.id);
        // The session was live a moment ago; a user deleted since has no language to keep.
        if (!current) throw new AppError('unauthenticated', 'Sign in first.');
        if (current.language === language) return;
        // Not a versioned edit: a preference of the user's own must not make someone else's edit of the account a 409.
        await updateUserLanguage(tx, clock, user.id, language);
        await recordAudit(tx, auth, {
          action: 'user.language_changed',
          entityType: 'user',
          entityId: user.id,
          before: { language: current.language },
          after: { language },
        });
      });
    },

    me(auth: Auth): Me {
      if (!auth.user) throw new AppError('unauthenticated', 'Sign in first.');
      const { id, email, name, role, memberCode, language } = auth.user;
      return { id, email, name, role, memberCode, language };
    },

    /**
     * Makes a new private calendar link for the signed-in user, replacing (and so ending) the one
     * they had. The token is answered once: only its hash is kept, like a session's.
     */
    async rotateCalendarToken(auth: Auth): Promise<string> {
      if (!canManageOwnCalendarLink(auth.user)) throw new AppError('unauthenticated', 'Sign in first.');
      const user = auth.user;
      const token = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        const { replaced } = await replaceCalendarToken(tx, clock, user.id, hashToken(token));
        // The token itself is never recorded: the trail says only that the link changed.
        await recordAudit(tx, auth, {
          action: replaced ? 'calendar_token.rotated' : 'calendar_token.created',
          entityType: 'user',
          entityId: user.id,
        });
      });
      return token;
    },

    /** The user behind a private calendar token, or null for a token nobody has (or a disabled user). */
    async resolveCalendarToken(token: string): Promise<SessionUser | null> {
      const user = await findCalendarTokenUser(db, hashToken(token));
      // Not a session: a calendar app reading the link acts for its user in nothing but this read.
      return user ? { ...user, sessionId: `calendar:${user.id}` } : null;
    },

    /** Who is signed in, or null: what a page asks before it knows (a 401 there would be noise). */
    session(auth: Auth): { user: Me | null } {
      return { user: auth.user ? this.me(auth) : null };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
