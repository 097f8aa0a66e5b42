import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type Params, type RouteObject } from 'react-router';
import type { Namespace } from '../i18n/i18n.js';

/**
 * What a page needs, asked for all at once as the app starts. Left to the page, each need is
 * found only when the one before it has arrived and rendered: the app's catalogs, then the page's
 * chunk, then its catalogs (which it suspends on), then its data. On a phone's network that is a
 * round trip each, and a render of the whole page each time one of them arrives.
 */
export interface PagePreload {
  /** Its catalogs besides `common` and `enums`: the first render waits for them with those. */
  namespaces?: readonly Namespace[];
  /** Its chunk, for a page loaded when opened: the first render waits for it too. */
  page?: () => Promise<unknown>;
  /** Asks for its data (the same queries the page reads); not waited for: the page shows its placeholders until it comes. */
  data?: (queryClient: QueryClient, params: Params) => void;
}

/** A route's `handle`, where its page says what it needs. */
export interface PageHandle {
  preload?: PagePreload;
}

/**
 * Starts what the page at `pathname` needs: its data now, its chunk now. Returns the namespaces its
 * first render needs and what it waits for besides them (its chunk). A page that says nothing
 * loads as it renders.
 */
export function preloadPage(
  routes: RouteObject[],
  pathname: string,
  queryClient: QueryClient,
): { namespaces: Namespace[]; ready: Promise<unknown> } {
  const matches = matchRoutes(routes, pathname) ?? [];
  const namespaces = new Set<Namespace>();
  const waits: Promise<unknown>[] = [];
  for (const { route, params } of matches) {
    const preload = (route.handle as PageHandle | undefined)?.preload;
    if (!preload) continue;
    for (const ns of preload.namespaces ?? []) namespaces.add(ns);
    // A chunk that fails to load here fails again, with the page's own error, when the page renders.
    if (preload.page) waits.push(preload.page().catch(() => undefined));
    preload.data?.(queryClient, params);
  }
  return { namespaces: [...namespaces], ready: Promise.all(waits) };
}

/**
 * A record's page: reads the record, then, only once it is there, what the page reads beside it.
 * A page whose record is not there (404: unknown, or not the reader's to see) shows "not found"
 * and reads nothing more, so neither does its preload.
 */
export function afterRecord(record: Promise<unknown>, then: () => void): void {
  record.then(then, () => {});
}
