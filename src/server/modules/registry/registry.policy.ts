import type { SessionUser } from '../../lib/auth-context.js';

// Partner forces and the people of the registry are public facts, read by anyone.
export const canReadRegistry = (_user: SessionUser | null): boolean => true;
