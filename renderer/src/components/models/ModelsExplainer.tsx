import { formatWholePercent } from '../../format/format';

/**
 * What the numbers on this page mean, in plain words, before any number is shown. The flag rate
 * is the district's: the share of students the model flags as high risk.
 */
export function ModelsExplainer({ flagRate }: { flagRate: number }) {
  const rate = formatWholePercent(flagRate) ?? '10%';
  return (
    <section className="card" aria-labelledby="models-explainer-title">
      <h2 id="models-explainer-title" className="card-title">
        What the numbers mean
      </h2>
      <p className="card-note">
        Every number is measured on students the model did not learn from (held out), after their
        outcome was known: did they fail a course, become chronically absent or leave school? The
        model flags the top {rate} of students by score.
      </p>
      <dl className="explainer-list">
        <div>
          <dt>Precision at {rate}</dt>
          <dd>
            Of the students flagged, how many actually had the outcome. The number that matters
            most: when it is low, most flags are false alarms.
          </dd>
        </div>
        <div>
          <dt>Recall at {rate}</dt>
          <dd>Of the students who had the outcome, how many were among those flagged.</dd>
        </div>
        <div>
          <dt>AUC</dt>
          <dd>
            How well the scores put students who had the outcome above those who did not: 0.5 is a
            coin toss, 1.0 is perfect ordering.
          </dd>
        </div>
        <div>
          <dt>False-alarm and miss rates by group</dt>
          <dd>
            Of students without the outcome, the share flagged anyway; of students with it, the
            share not flagged. Large differences between groups mean the model is less fair to some
            students. Groups with few students are shown but not judged.
          </dd>
        </div>
        <div>
          <dt>Calibration</dt>
          <dd>
            Whether a score means what it says: of students scored about 30%, did about 30 in 100
            have the outcome?
          </dd>
        </div>
      </dl>
    </section>
  );
}
