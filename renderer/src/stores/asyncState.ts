import type { ApiError } from '../../../main/api/contract';

/** The life of one fetched value; `previous` keeps the last answer on screen while reloading. */
export type AsyncState<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError };

export const IDLE = { status: 'idle' } as const satisfies AsyncState<never>;

export function loadingFrom<T>(state: AsyncState<T>): AsyncState<T> {
  return { status: 'loading', previous: dataOf(state) };
}

/** The value to show: the answer, or the previous answer while a new one loads. */
export function dataOf<T>(state: AsyncState<T>): T | null {
  if (state.status === 'ready') return state.data;
  if (state.status === 'loading') return state.previous;
  return null;
}
