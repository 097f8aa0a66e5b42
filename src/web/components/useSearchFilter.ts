import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list page's filters kept in its address: the parameters, and a setter that changes one
 * (an empty value removes it) in place, without a new history entry or a jump to the top, so
 * that a filtered list can be shared and reloaded as it is.
 */
export function useSearchFilter<Key extends string>() {
  const [params, setParams] = useSearchParams();
  const setFilter = useCallback(
    (key: Key, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return [params, setFilter] as const;
}
