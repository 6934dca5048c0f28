import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import { ERROR_TITLES } from '../../api/errors';

interface ErrorPanelProps {
  error: ApiError;
  /**
   * What was being done, a phrase in the current language that follows "Sightline could not"
   * ("load the student list", "cargar la lista de estudiantes").
   */
  action: string;
  onRetry?: () => void;
  /** Replaces the message for `forbidden` with words about this page's scope. */
  forbiddenMessage?: string;
  headingLevel?: 2 | 3;
}

/** A failed call, in words, with a way forward. */
export function ErrorPanel({
  error,
  action,
  onRetry,
  forbiddenMessage,
  headingLevel = 2,
}: ErrorPanelProps) {
  const { t } = useTranslation('common');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const message = error.code === 'forbidden' && forbiddenMessage ? forbiddenMessage : error.message;
  return (
    <div className="error-panel" role="alert">
      <Heading className="error-title">{ERROR_TITLES[error.code]}</Heading>
      <p>{t('couldNot', { action, message })}</p>
      {error.issues && error.issues.length > 0 && (
        <ul className="error-issues">
          {error.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path
                ? t('issue', { path: issue.path, message: issue.message })
                : issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
