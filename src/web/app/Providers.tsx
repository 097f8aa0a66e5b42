import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import type { Language } from '../../shared/i18n.js';
import { directionOf } from '../../shared/i18n.js';
import { createQueryClient } from './query-client.js';
import { cssVariablesResolver, theme } from './theme.js';

// Where notifications show loads after the first render (NotificationsHost.tsx).
const NotificationsHost = lazy(() => import('./NotificationsHost.js').then((m) => ({ default: m.NotificationsHost })));

export function Providers({ language, children }: { language: Language; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
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
