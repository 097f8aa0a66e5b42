import { Role } from '../../../shared/auth.js';
import type { Auth } from '../../lib/auth-context.js';

/** Accounts are made by the operator's tools or by an admin, never by anyone else. */
export const canCreateUsers = (auth: Auth): boolean => auth.isSystem === true || auth.user?.role === Role.enum.admin;
