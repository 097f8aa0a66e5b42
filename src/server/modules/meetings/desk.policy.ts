import { Role } from '../../../shared/auth.js';
import type { SessionUser } from '../../lib/auth-context.js';

/** A focal point's desk lists their own member's invitations; nobody else has a member to list them for. */
export const canListOwnInvitations = (user: SessionUser | null): boolean =>
  user?.role === Role.enum.focal_point && user.memberId !== null;
