import { useTranslation } from 'react-i18next';

/**
 * A placeholder while data loads: says what is loading, marked busy for assistive tech. `what`
 * is a phrase in the current language that reads after "Loading" ("the student list").
 */
export function LoadingState({ what, lines = 3 }: { what: string; lines?: number }) {
  const { t } = useTranslation('common');
  return (
    <div className="loading-state" role="status" aria-live="polite" aria-busy="true">
      <p className="loading-text">
        <span className="spinner" aria-hidden="true" />
        {t('loading', { what })}
      </p>
      <div className="skeleton" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="skeleton-line" />
        ))}
      </div>
    </div>
  );
}
