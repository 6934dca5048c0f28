import { useState } from 'react';
import type { ImportCheck } from '../../api/types';
import { formatCount, plural } from '../../format/format';

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
  const [showAll, setShowAll] = useState(false);
  const problems = showAll ? check.problems : check.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <section className="check" aria-labelledby={headingId}>
      <h4 id={headingId} className="check-title">
        First rows checked, nothing saved yet
      </h4>
      {check.skipped ? (
        <div className="notice">
          <p>{check.skipped}</p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onCheckAgain}
          >
            Check again
          </button>
        </div>
      ) : (
        <p className="check-counts">
          Of the first {plural(check.rows, 'row')}: would add {formatCount(check.wouldAdd)}, update{' '}
          {formatCount(check.wouldUpdate)}, {formatCount(check.unchanged)} unchanged
          {check.problems.length > 0
            ? `, and ${plural(check.problems.length, 'row')} would be quarantined.`
            : '. No problems found.'}
        </p>
      )}
      {check.problems.length > 0 && (
        <>
          <p className="check-problems-lede">
            Rows with a problem are set aside (quarantined) with their reason; the rest are
            imported. Fix them in your system and import the file again, or import now and fix them
            later.
          </p>
          <ul className="problem-list" aria-label="Problems found in the first rows">
            {problems.map((p, i) => (
              <li key={`${p.line}-${i}`}>
                <span className="problem-line">Line {p.line}:</span> {p.reason}
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
                ? 'Show fewer problems'
                : `Show all ${plural(check.problems.length, 'problem')}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
