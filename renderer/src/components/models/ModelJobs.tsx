import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('models');
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
        action: which === 'train' ? t('jobs.startTrainAction') : t('jobs.startScoreAction'),
        error: toApiError(err),
      });
    } finally {
      setStarting(null);
    }
  };

  return (
    <section className="card" aria-labelledby="model-jobs-title">
      <h2 id="model-jobs-title" className="card-title">
        {canTrain ? t('jobs.titleTrain') : t('jobs.titleScore')}
      </h2>
      <p className="card-note">{canTrain ? t('jobs.noteTrain') : t('jobs.noteScore')}</p>
      <div className="wizard-actions">
        {canTrain && (
          <button
            type="button"
            className="button"
            disabled={busy(training) || starting !== null}
            onClick={() => void start('train')}
          >
            {t('jobs.train')}
          </button>
        )}
        {canScore && (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy(scoring) || starting !== null}
            onClick={() => void start('score')}
          >
            {t('jobs.score')}
          </button>
        )}
      </div>
      {error && <ErrorPanel error={error.error} action={error.action} headingLevel={3} />}
      <JobPanel tracker={trainJob} kind="training" />
      <JobPanel tracker={scoreJob} kind="scoring" />
    </section>
  );
}
