import { type Notification, NotificationList, type ReadAllResult } from '../../../shared/notifications.js';
import { requireRole, requireVisible } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { canHaveNotifications, canReadNotification } from './notifications.policy.js';
import { countUnread, lockNotification, notificationsOf, setAllRead, setRead } from './notifications.repo.js';

/** How many notifications a list shows: the newest; older ones are read or forgotten. */
const LIST_LIMIT = 100;

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The signed-in user's notifications: reading them and marking them read. */
export function createNotificationsService(deps: ServiceDeps) {
  const signedIn = (auth: Auth) => {
    requireRole(auth, canHaveNotifications, 'Sign in to read your notifications.');
    return auth.user as NonNullable<Auth['user']>;
  };

  return {
    /** The caller's own notifications, newest first, and how many are unread. */
    async listMine(auth: Auth): Promise<NotificationList> {
      const user = signedIn(auth);
      const [rows, unread] = await Promise.all([
        notificationsOf(deps.db, user.id, LIST_LIMIT),
        countUnread(deps.db, user.id),
      ]);
      // Parsed, not cast: a row whose params no longer fit its kind fails here, loudly, not in the browser.
      const items = rows.map((r) =>
        NotificationList.shape.items.element.parse({
          id: r.id,
          kind: r.kind,
          params: r.params,
          createdAt: r.createdAt.toISOString(),
          readAt: iso(r.readAt),
        }),
      ) as Notification[];
      return { items, unread };
    },

    /** Marks one of the caller's notifications read; 404 for anyone else's. Marking it again changes nothing. */
    async markRead(auth: Auth, id: string): Promise<void> {
      signedIn(auth);
      await write(deps, [], async (tx) => {
        const row = requireVisible(
          await lockNotification(tx, id),
          (n) => canReadNotification(auth.user, n),
          'Notification',
        );
        if (row.readAt) return;
        await setRead(tx, id, deps.clock.sql());
        await recordAudit(tx, auth, { action: 'notification.read', entityType: 'notification', entityId: id });
      });
    },

    /** Marks every unread notification of the caller read. */
    async markAllRead(auth: Auth): Promise<ReadAllResult> {
      const user = signedIn(auth);
      return write(deps, [], async (tx) => {
        const marked = await setAllRead(tx, user.id, deps.clock.sql());
        if (marked.length > 0) {
          await recordAudit(tx, auth, {
            action: 'notifications.read_all',
            entityType: 'user',
            entityId: user.id,
            after: { notificationIds: marked.map((m) => m.id) },
          });
        }
        return { marked: marked.length };
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
