import './app/styles.js';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Providers } from './app/Providers.js';
import { preloadPage } from './app/preload.js';
import { createQueryClient } from './app/query-client.js';
import { AppRoutes, preloadAlways, routes } from './app/router.js';
import { detectLanguage, startI18n } from './i18n/i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The reader's language and its common catalog come before the first paint: no English flash.
// (A promise rather than a top-level await, which would make the build split the entry into more
// files for the browser to fetch one after another.)
const language = detectLanguage();
// What the page being opened needs is asked for at once, beside the catalogs (app/preload.ts).
const queryClient = createQueryClient();
preloadAlways(queryClient);
const page = preloadPage(routes, window.location.pathname, queryClient);
void Promise.all([startI18n(language, page.namespaces), page.ready]).then(() => {
  const app = createRoot(root);
  startTransition(() =>
    app.render(
      <StrictMode>
        <Providers language={language} queryClient={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </Providers>
      </StrictMode>,
    ),
  );
});
