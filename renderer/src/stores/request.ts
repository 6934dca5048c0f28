import type { Input, Method, Output } from '../../../main/api/contract';
import { api } from '../api/client';
import { toApiError } from '../api/errors';
import { sessionExpired } from './sessionStore';

export { toApiError };

/**
 * Calls the API for a data store. A call answered `unauthenticated` means the session ended
 * (for example the local service restarted): the app returns to sign-in and says so.
 */
export async function request<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  try {
    return await api.call(method, input);
  } catch (err) {
    const error = toApiError(err);
    if (error.code === 'unauthenticated') sessionExpired();
    throw error;
  }
}
