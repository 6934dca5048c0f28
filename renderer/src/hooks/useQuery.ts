import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { dataOf, type AsyncState } from '../stores/asyncState';
import { queryKey, type QueryStore } from '../stores/queryStore';

export interface QueryResult<T> {
  state: AsyncState<T>;
  /** Ask again (the Retry button). */
  reload: () => void;
}

/**
 * Loads `args` through a query store when they change, and follows the answer. When the store is
 * marked stale (the data changed), a page that shows it asks again at once; pages not on screen
 * ask when they are next shown.
 */
export function useQuery<A, T>(query: QueryStore<A, T>, args: A, enabled = true): QueryResult<T> {
  const key = queryKey(args);
  const current = useStore(query.store);
  const stale = current.stale;
  useEffect(() => {
    if (enabled) void query.load(JSON.parse(key) as A);
  }, [query, key, enabled, stale]);
  const reload = useCallback(() => {
    void query.load(JSON.parse(key) as A, { force: true });
  }, [query, key]);
  // Until the store has taken up these arguments, they are loading.
  const state: AsyncState<T> =
    current.key === key
      ? current.state
      : { status: 'loading', previous: query.keepPrevious ? dataOf(current.state) : null };
  return { state, reload };
}
