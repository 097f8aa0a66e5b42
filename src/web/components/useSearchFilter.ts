import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * `useSearchParams`, with a setter that changes the address in place (no new history entry, no
 * jump to the top: a page's filters and order, to share and reload as they are) and builds on
 * the address as it is when it runs. React Router's own setter hands its function the
 * parameters of the last render, and renders a navigation as a transition: a second change made
 * before that render (two filters chosen in quick succession on a slow phone) was built on the
 * old address and dropped the first.
 */
export function useAddressParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (next: (current: URLSearchParams) => URLSearchParams) =>
      setParams(() => next(new URLSearchParams(window.location.search)), { replace: true, preventScrollReset: true }),
    [setParams],
  );
  return [params, update] as const;
}

/**
 * A list page's filters kept in its address: the parameters, a setter that changes one (an
 * empty value removes it), and a reset that removes the ones named and keeps any other
 * parameter (a shared link's own).
 */
export function useSearchFilter<Key extends string>() {
  const [params, setParams] = useAddressParams();
  const setFilter = useCallback(
    (key: Key, value: string) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setParams],
  );
  const clearFilters = useCallback(
    (keys: readonly Key[]) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const key of keys) next.delete(key);
        return next;
      }),
    [setParams],
  );
  return [params, setFilter, clearFilters] as const;
}
