import { ApiError, type ApiErrorCode } from '../../../main/api/errors';

/** Any thrown value as an ApiError, with a message a person can read. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(
    'internal',
    'Something unexpected went wrong in Sightline. Try again; if it keeps happening, restart the app.',
  );
}

/** A short heading for each kind of failure; the ApiError's own message gives the detail. */
export const ERROR_TITLES: Record<ApiErrorCode, string> = {
  unknown_method: 'This version of Sightline does not offer that yet',
  invalid_input: 'Sightline could not use that request',
  unauthenticated: 'You are signed out',
  forbidden: 'Outside your access',
  not_found: 'Not found',
  conflict: 'Changed by someone else',
  unavailable: 'Sightline’s data service is not answering',
  internal: 'Something went wrong',
};
