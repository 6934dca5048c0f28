import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../api/errors';
import type { AsyncState } from '../stores/asyncState';
import { queryKey } from '../stores/queryStore';

/**
 * One fetched answer owned by a component (not shared through a store), e.g. a page of one
 * file's quarantined rows when several files show theirs side by side. `fetchFn` must be stable
 * (a module-level function); a change of `args` asks again and keeps the last answer meanwhile.
 */
export function useFetch<A, T>(
  fetchFn: (args: A) => Promise<T>,
  args: A,
): { state: AsyncState<T>; reload: () => void } {
  const key = queryKey(args);
  const [nonce, setNonce] = useState(0);
  const [answer, setAnswer] = useState<{ tag: string; state: AsyncState<T> } | null>(null);
  const tag = `${nonce}:${key}`;
  useEffect(() => {
    let live = true;
    fetchFn(JSON.parse(key) as A).then(
      (data) => {
        if (live) setAnswer({ tag, state: { status: 'ready', data } });
      },
      (err: unknown) => {
        if (live) setAnswer({ tag, state: { status: 'error', error: toApiError(err) } });
      },
    );
    return () => {
      live = false;
    };
  }, [fetchFn, key, tag]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const state: AsyncState<T> =
    answer?.tag === tag
      ? answer.state
      : {
          status: 'loading',
          previous: answer?.state.status === 'ready' ? answer.state.data : null,
        };
  return { state, reload };
}
