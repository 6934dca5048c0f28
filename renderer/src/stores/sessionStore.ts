import type { ApiError } from '../../../main/api/contract';
import { api } from '../api/client';
import { toApiError } from '../api/errors';
import type { StaffSummary } from '../api/types';
import { createResettableStore, resetAllStores } from './resettable';
import { navigate } from './routeStore';

/**
 * Said on the sign-in page: that the session ended (in the language on screen when it is shown),
 * or a message from the core, as it gave it.
 */
export type SessionNotice = { kind: 'sessionEnded' } | { kind: 'message'; text: string };

export interface SessionState {
  status: 'checking' | 'signedOut' | 'signedIn';
  staff: StaffSummary | null;
  /** The demo account being signed in to, while the call runs. */
  signingInAs: string | null;
  signInError: ApiError | null;
  /** Said on the sign-in page, e.g. why the last session ended. */
  notice: SessionNotice | null;
}

export const sessionStore = createResettableStore<SessionState>(() => ({
  status: 'checking',
  staff: null,
  signingInAs: null,
  signInError: null,
  notice: null,
}));

function signedOut(notice: SessionNotice | null): void {
  api.sessionId = null;
  resetAllStores();
  sessionStore.setState({ status: 'signedOut', notice });
}

/** On start: pick up the session this tab already had, if the core still knows it. */
export async function restoreSession(): Promise<void> {
  if (!api.sessionId) {
    sessionStore.setState({ status: 'signedOut' });
    return;
  }
  try {
    const { staff } = await api.call('auth.me', {});
    if (staff) sessionStore.setState({ status: 'signedIn', staff });
    else signedOut(null);
  } catch (err) {
    signedOut(err instanceof Error ? { kind: 'message', text: err.message } : null);
  }
}

export async function signIn(staffId: string): Promise<void> {
  sessionStore.setState({ signingInAs: staffId, signInError: null, notice: null });
  try {
    const session = await api.call('auth.signIn', { staffId });
    resetAllStores();
    sessionStore.setState({ status: 'signedIn', staff: session.staff });
  } catch (err) {
    sessionStore.setState({ signingInAs: null, signInError: toApiError(err) });
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.call('auth.signOut', {});
  } catch {
    // Signing out locally is what matters; the core forgets stale sessions on its own.
  }
  signedOut(null);
  navigate({ name: 'overview' });
}

/** A call was refused as unauthenticated: the session is gone (e.g. the local service restarted). */
export function sessionExpired(): void {
  if (sessionStore.getState().status !== 'signedIn') return;
  signedOut({ kind: 'sessionEnded' });
}
