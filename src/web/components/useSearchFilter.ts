import { useCallback } from 'react';
import { type NavigateOptions, useSearchParams } from 'react-router';

/**
 * `useSearchParams`, with a setter that builds on the address as it is when it runs. React
 * Router's own setter hands its function the parameters of the last render, and renders a
 * navigation as a transition: a second change made before that render (two filters chosen in
 * quick succession on a slow phone) was built on the old address and dropped the first.
 */
export function useAddressParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (next: (current: URLSearchParams) => URLSearchParams, options?: NavigateOptions) =>
      setParams(() => next(new URLSearchParams(window.location.search)), options),
    [setParams],
  );
  return [params, update] as const;
}

const IN_PLACE: NavigateOptions = { replace: true, preventScrollReset: true };

/**
 * A list page's filters kept in its address: the parameters, a setter that changes one (an
 * empty value removes it), and a reset that removes the ones named, any other parameter
 * (`?lang=`) kept. Both change the address in place, without a new history entry or a jump to
 * the top, so that a filtered list can be shared and reloaded as it is.
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
      }, IN_PLACE),
    [setParams],
  );
  const clearFilters = useCallback(
    (keys: readonly Key[]) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const key of keys) next.delete(key);
        return next;
      }, IN_PLACE),
    [setParams],
  );
  return [params, setFilter, clearFilters] as const;
}
