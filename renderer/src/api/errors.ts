import { API_ERROR_CODES, ApiError, type ApiErrorCode } from '../../../main/api/errors';
import { i18n } from '../i18n';
import { translated } from '../i18n/translated';

/** Any thrown value as an ApiError, with a message a person can read. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('internal', i18n.t('common:errors.unexpected'));
}

/**
 * A short heading for each kind of failure, in the current language; the ApiError's own message
 * gives the detail.
 */
export const ERROR_TITLES: Record<ApiErrorCode, string> = translated(API_ERROR_CODES, (code) =>
  i18n.t(`common:errors.titles.${code}`),
);
