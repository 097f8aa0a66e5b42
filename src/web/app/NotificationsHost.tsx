import { Notifications } from '@mantine/notifications';

/**
 * Where notifications show: a module of its own so that Providers can load it after the first
 * render (its transitions and portal are not needed before). `notifications.show()` before then
 * is kept in Mantine's store and shown when this mounts.
 */
export function NotificationsHost() {
  return <Notifications position="bottom-right" />;
}
