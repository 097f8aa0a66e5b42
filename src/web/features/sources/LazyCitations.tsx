import { lazy, Suspense } from 'react';
import type { SourceSubject } from '../../../shared/sources.js';

// The citations are read after the page itself, in their own chunk: no page waits on them.
const Citations = lazy(() => import('./Citations.js'));

/** A record's sources, loaded lazily: put it near the end of a record's page. */
export function LazyCitations(props: { subject: SourceSubject; subjectKey: string }) {
  return (
    <Suspense fallback={null}>
      <Citations {...props} />
    </Suspense>
  );
}
