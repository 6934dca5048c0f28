import type { StoreApi } from 'zustand/vanilla';
import { IDLE, loadingFrom, type AsyncState } from './asyncState';
import { toApiError } from './request';
import { createResettableStore } from './resettable';

/** Arguments are plain JSON data; their JSON text identifies an answer. */
export function queryKey(args: unknown): string {
  return JSON.stringify(args ?? null);
}

export interface QueryState<T> {
  /** Which arguments `state` belongs to. */
  key: string | null;
  state: AsyncState<T>;
  /**
   * The data behind the answer changed (an import or pipeline run finished): the next `load` asks
   * again, and a page showing the answer asks at once (see useQuery). The old answer stays on
   * screen until the new one arrives.
   */
  stale: boolean;
}

export interface QueryStore<A, T> {
  store: StoreApi<QueryState<T>>;
  keepPrevious: boolean;
  /** Fetch for `args` unless that answer is already here or on its way; the latest call wins. */
  load(args: A, options?: { force?: boolean }): Promise<void>;
  /** Marks the answer out of date (the `data.changed` event). */
  invalidate(): void;
}

/**
 * A resettable store holding one fetched answer. `keepPrevious` leaves the last answer on screen
 * (dimmed) while the next one loads — right for paging a list, wrong for a different student.
 */
export function createQueryStore<A, T>(
  fetch: (args: A) => Promise<T>,
  options: { keepPrevious?: boolean } = {},
): QueryStore<A, T> {
  const store = createResettableStore<QueryState<T>>(() => ({
    key: null,
    state: IDLE,
    stale: false,
  }));
  let latest = 0;

  async function load(args: A, { force = false }: { force?: boolean } = {}): Promise<void> {
    const key = queryKey(args);
    const current = store.getState();
    const settled = current.state.status === 'ready' || current.state.status === 'loading';
    if (!force && !current.stale && current.key === key && settled) return;
    const call = ++latest;
    if (current.stale && !force && current.key === key && current.state.status === 'ready') {
      // Refreshing after a data change: keep showing the answer until the new one arrives.
      store.setState({ stale: false });
    } else {
      const state: AsyncState<T> =
        options.keepPrevious || current.key === key
          ? loadingFrom(current.state)
          : { status: 'loading', previous: null };
      store.setState({ key, state, stale: false });
    }
    // Ignore an answer that a newer call, or a reset (sign-out), has overtaken.
    const stillWanted = () => call === latest && store.getState().key === key;
    try {
      const data = await fetch(args);
      if (stillWanted()) store.setState({ state: { status: 'ready', data } });
    } catch (err) {
      if (stillWanted()) store.setState({ state: { status: 'error', error: toApiError(err) } });
    }
  }

  function invalidate(): void {
    if (store.getState().key !== null) store.setState({ stale: true });
  }

  return { store, load, invalidate, keepPrevious: options.keepPrevious ?? false };
}
