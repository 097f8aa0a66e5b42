import { DirectionProvider, MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import type { Language } from '../../shared/i18n.js';
import { directionOf } from '../../shared/i18n.js';
import { cssVariablesResolver, theme } from './theme.js';

// Where notifications show (NotificationsHost.tsx) loads with the first notification.
const NotificationsHost = lazy(() => import('./NotificationsHost.js').then((m) => ({ default: m.NotificationsHost })));

/**
 * Mounts the notifications' container once there is a notification to show (Mantine's store keeps
 * it until then), and keeps it: most visits show none, and its code (transitions, a portal) was
 * loaded and run after every first render.
 */
function NotificationsWhenAny() {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length + queue.length > 0) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <NotificationsHost />
    </Suspense>
  ) : null;
}

export function Providers({
  language,
  queryClient,
  children,
}: {
  language: Language;
  /** Made before the first render, so that the page's data can be asked for meanwhile (app/preload.ts). */
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
        <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
          <NotificationsWhenAny />
          {children}
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
