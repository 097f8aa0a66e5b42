import { DirectionProvider, MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import type { Language } from '../../shared/i18n.js';
import { directionOf } from '../../shared/i18n.js';
import { cssVariablesResolver, theme } from './theme.js';

// Where notifications show loads after the first render (NotificationsHost.tsx).
const NotificationsHost = lazy(() => import('./NotificationsHost.js').then((m) => ({ default: m.NotificationsHost })));

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
          <Suspense fallback={null}>
            <NotificationsHost />
          </Suspense>
          {children}
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
