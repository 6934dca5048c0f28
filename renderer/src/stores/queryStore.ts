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
}

export interface QueryStore<A, T> {
  store: StoreApi<QueryState<T>>;
  keepPrevious: boolean;
  /** Fetch for `args` unless that answer is already here or on its way; the latest call wins. */
  load(args: A, options?: { force?: boolean }): Promise<void>;
}

/**
 * A resettable store holding one fetched answer. `keepPrevious` leaves the last answer on screen
 * (dimmed) while the next one loads — right for paging a list, wrong for a different student.
 */
export function createQueryStore<A, T>(
  fetch: (args: A) => Promise<T>,
  options: { keepPrevious?: boolean } = {},
): QueryStore<A, T> {
  const store = createResettableStore<QueryState<T>>(() => ({ key: null, state: IDLE }));
  let latest = 0;

  async function load(args: A, { force = false }: { force?: boolean } = {}): Promise<void> {
    const key = queryKey(args);
    const current = store.getState();
    const settled = current.state.status === 'ready' || current.state.status === 'loading';
    if (!force && current.key === key && settled) return;
    const call = ++latest;
    const state: AsyncState<T> =
      options.keepPrevious || current.key === key
        ? loadingFrom(current.state)
        : { status: 'loading', previous: null };
    store.setState({ key, state });
    // Ignore an answer that a newer call, or a reset (sign-out), has overtaken.
    const stillWanted = () => call === latest && store.getState().key === key;
    try {
      const data = await fetch(args);
      if (stillWanted()) store.setState({ state: { status: 'ready', data } });
    } catch (err) {
      if (stillWanted()) store.setState({ state: { status: 'error', error: toApiError(err) } });
    }
  }

  return { store, load, keepPrevious: options.keepPrevious ?? false };
}
