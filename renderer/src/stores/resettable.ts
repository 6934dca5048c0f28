import { createStore, type StoreApi } from 'zustand/vanilla';

const resetters = new Set<() => void>();

/**
 * A small vanilla zustand store whose state can be put back to its initial value. Every data
 * store is made with this, so signing out (or a test) can clear all student data at once.
 */
export function createResettableStore<T extends object>(initial: () => T): StoreApi<T> {
  const store = createStore<T>()(() => initial());
  resetters.add(() => store.setState(initial(), true));
  return store;
}

/** Forget everything every store holds (sign-out, session expiry, between tests). */
export function resetAllStores(): void {
  for (const reset of resetters) reset();
}
