import { type ReactNode, use } from 'react';

let loading: Promise<unknown> | undefined;

/**
 * Renders its children once the styles of the Mantine components that the frame and the home
 * page do not use (styles-rest.ts) are there: every page but the home is under it (Layout), so
 * that no page shows unstyled, however its route is declared, and the home never waits for them.
 */
export function RestStyles({ children }: { children: ReactNode }) {
  loading ??= import('./styles-rest.js');
  use(loading);
  return children;
}
