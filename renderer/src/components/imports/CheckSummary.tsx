import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCheck } from '../../api/types';
import { formatCount } from '../../format/format';

const SHOWN_PROBLEMS = 20;

/** What the first rows would do, checked by the real importer and then rolled back. */
export function CheckSummary({
  check,
  headingId,
  onCheckAgain,
}: {
  check: ImportCheck;
  headingId: string;
  onCheckAgain: () => void;
}) {
  const { t } = useTranslation('imports');
  const [showAll, setShowAll] = useState(false);
  const problems = showAll ? check.problems : check.problems.slice(0, SHOWN_PROBLEMS);
  const counts = {
    count: check.rows,
    n: formatCount(check.rows),
    added: formatCount(check.wouldAdd),
    updated: formatCount(check.wouldUpdate),
    unchanged: formatCount(check.unchanged),
  };
  return (
    <section className="check" aria-labelledby={headingId}>
      <h4 id={headingId} className="check-title">
        {t('check.title')}
      </h4>
      {check.skipped ? (
        <div className="notice">
          <p>{check.skipped}</p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onCheckAgain}
          >
            {t('check.checkAgain')}
          </button>
        </div>
      ) : (
        <p className="check-counts">
          {check.problems.length > 0
            ? t('check.summaryProblems', {
                ...counts,
                quarantined: t('check.quarantined', {
                  count: check.problems.length,
                  n: formatCount(check.problems.length),
                }),
              })
            : t('check.summary', counts)}
        </p>
      )}
      {check.problems.length > 0 && (
        <>
          <p className="check-problems-lede">{t('check.problemsLede')}</p>
          <ul className="problem-list" aria-label={t('check.problemsLabel')}>
            {problems.map((p, i) => (
              <li key={`${p.line}-${i}`}>
                <span className="problem-line">{t('check.line', { line: p.line })}</span> {p.reason}
              </li>
            ))}
          </ul>
          {check.problems.length > SHOWN_PROBLEMS && (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-expanded={showAll}
              onClick={() => setShowAll((s) => !s)}
            >
              {showAll
                ? t('check.showFewer')
                : t('check.showAll', {
                    count: check.problems.length,
                    n: formatCount(check.problems.length),
                  })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
