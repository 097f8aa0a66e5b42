import type { SessionUser } from '../../lib/auth-context.js';

/** Every signed-in user has notifications of their own. */
export const canHaveNotifications = (user: SessionUser | null): boolean => user !== null;

/** A notification is its recipient's alone: anyone else, the secretariat included, is told it does not exist. */
export const canReadNotification = (user: SessionUser | null, notification: { userId: string }): boolean =>
  user !== null && user.id === notification.userId;
