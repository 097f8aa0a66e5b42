import { Role } from '../../shared/auth.js';
import type { Auth, SessionUser } from './auth-context.js';
import { AppError, notFound } from './errors.js';

/** The secretariat's staff and the administrators: they run the coalition's business. */
export const isSecretariat = (user: SessionUser | null): boolean =>
  user?.role === Role.enum.secretariat || user?.role === Role.enum.admin;

/** A focal point speaks for exactly one member: this one? */
export const isFocalPointOf = (user: SessionUser | null, memberId: string): boolean =>
  user?.role === Role.enum.focal_point && user.memberId === memberId;

/** The member a focal point speaks for; null for every other role. */
export const memberOfFocalPoint = (user: SessionUser | null): string | null =>
  user?.role === Role.enum.focal_point ? user.memberId : null;

/**
 * 403 unless the policy lets the caller's role do this at all. A record the caller may not
 * even see must answer 404 first: call `requireVisible` before this.
 */
export function requireRole(auth: Auth, policy: (user: SessionUser | null) => boolean, detail: string): void {
  if (!policy(auth.user)) throw new AppError('forbidden', detail);
}

/**
 * The record, or 404 when it is missing *or* hidden from the caller: the two answers look the
 * same, so that a restricted record's existence does not leak.
 */
export function requireVisible<T>(record: T | null | undefined, canSee: (record: T) => boolean, what: string): T {
  if (record === null || record === undefined || !canSee(record)) throw notFound(what);
  return record;
}
