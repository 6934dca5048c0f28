import { useState } from 'react';
import { useStore } from 'zustand';
import type { ApiError } from '../../../../main/api/contract';
import { isFinished } from '../../domain/jobLabels';
import { scoreJob, startScoring, startTraining, trainJob } from '../../stores/models/modelActions';
import { toApiError } from '../../stores/request';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { JobPanel } from './JobPanel';

/**
 * "Train a new model" (district admins) and "Score every student now" (school and district
 * admins, once a model is active), each followed with a progress bar and Cancel.
 */
export function ModelJobs({ canTrain, canScore }: { canTrain: boolean; canScore: boolean }) {
  const training = useStore(trainJob.store, (s) => s.job);
  const scoring = useStore(scoreJob.store, (s) => s.job);
  const [starting, setStarting] = useState<'train' | 'score' | null>(null);
  const [error, setError] = useState<{ action: string; error: ApiError } | null>(null);
  const busy = (job: typeof training) => job !== null && !isFinished(job.status);

  const start = async (which: 'train' | 'score') => {
    setStarting(which);
    setError(null);
    try {
      await (which === 'train' ? startTraining() : startScoring());
    } catch (err) {
      setError({
        action: which === 'train' ? 'start training' : 'start scoring',
        error: toApiError(err),
      });
    } finally {
      setStarting(null);
    }
  };

  return (
    <section className="card" aria-labelledby="model-jobs-title">
      <h2 id="model-jobs-title" className="card-title">
        {canTrain ? 'Train or re-score' : 'Re-score'}
      </h2>
      <p className="card-note">
        {canTrain &&
          'Training fits a logistic regression and a GRU on this district’s own data and measures both on held-out students; it can take several minutes. New versions arrive as candidates: nothing changes for staff until one is activated. '}
        Scores are refreshed after every pipeline run; “Score every student now” refreshes them at
        once with the active model.
      </p>
      <div className="wizard-actions">
        {canTrain && (
          <button
            type="button"
            className="button"
            disabled={busy(training) || starting !== null}
            onClick={() => void start('train')}
          >
            Train a new model
          </button>
        )}
        {canScore && (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy(scoring) || starting !== null}
            onClick={() => void start('score')}
          >
            Score every student now
          </button>
        )}
      </div>
      {error && <ErrorPanel error={error.error} action={error.action} headingLevel={3} />}
      <JobPanel
        tracker={trainJob}
        label="Training progress"
        cancelLabel="Cancel training"
        what="Training"
        followAction="follow the training"
        succeeded="Training finished. The new versions are in the list below as candidates: compare them with the active model before activating one."
      />
      <JobPanel
        tracker={scoreJob}
        label="Scoring progress"
        cancelLabel="Cancel scoring"
        what="Scoring"
        followAction="follow the scoring"
        succeeded="Every student was re-scored with the active model."
      />
    </section>
  );
}
