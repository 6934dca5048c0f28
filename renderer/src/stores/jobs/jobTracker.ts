/**
 * Follows one background job (an import or a pipeline run) from start to finish: the core's
 * `job.progress` events move the progress bar, and a slow poll of `jobs.get` covers events that
 * were missed (the job finished before the page subscribed, or the event stream reconnected).
 * Once the job has finished, its final summary (with its result) is fetched and kept.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ApiError } from '../../../../main/api/contract';
import { api } from '../../api/client';
import type { JobStatus, JobSummary } from '../../api/types';
import { isFinished } from '../../domain/jobLabels';
import { request, toApiError } from '../request';
import { createResettableStore } from '../resettable';

export interface TrackedJob {
  jobId: string;
  status: JobStatus;
  /** 0–1. */
  progress: number;
  message: string | null;
  /** The final summary, with the job's result, once it has finished. */
  summary: JobSummary | null;
  cancelling: boolean;
  /** A failed call while following or cancelling the job. */
  problem: ApiError | null;
}

export interface JobTracker {
  store: StoreApi<{ job: TrackedJob | null }>;
  /** Follow this job (stops following any other). */
  track(jobId: string): void;
  /** Ask the core to stop the job; it stops at its next batch and saves nothing partial. */
  cancel(): Promise<void>;
  /** Run a finished job again with the same input, and follow the new job. */
  retry(): Promise<void>;
  /** Stop following and forget the job. */
  clear(): void;
}

const POLL_MS = 2000;

export function createJobTracker(onFinished?: (job: JobSummary) => void): JobTracker {
  const store = createResettableStore<{ job: TrackedJob | null }>(() => ({ job: null }));
  let stop: (() => void) | null = null;

  const current = (jobId: string) => {
    const job = store.getState().job;
    return job && job.jobId === jobId ? job : null;
  };
  const patch = (jobId: string, changes: Partial<TrackedJob>) => {
    const job = current(jobId);
    if (job) store.setState({ job: { ...job, ...changes } });
  };

  function track(jobId: string): void {
    stop?.();
    store.setState({
      job: {
        jobId,
        status: 'queued',
        progress: 0,
        message: null,
        summary: null,
        cancelling: false,
        problem: null,
      },
    });
    let done = false;
    let timer: number | undefined;
    const finish = () => {
      done = true;
      window.clearTimeout(timer);
      unsubscribe();
      if (stop === halt) stop = null;
    };
    const halt = () => finish();
    stop = halt;

    const apply = (status: JobStatus, progress: number, message: string | null) => {
      const job = current(jobId);
      if (!job || done) return;
      const sameRun = status === job.status && status === 'running';
      patch(jobId, {
        status,
        // Events and polls can cross on the way: never move a running bar backwards.
        progress: sameRun ? Math.max(job.progress, progress) : progress,
        message: message ?? job.message,
      });
      if (isFinished(status)) void settle();
    };

    const settle = async () => {
      if (done) return;
      finish();
      try {
        const summary = await request('jobs.get', { jobId });
        patch(jobId, {
          status: summary.status,
          progress: summary.progress,
          message: summary.message,
          summary,
          cancelling: false,
        });
        if (current(jobId)) onFinished?.(summary);
      } catch (err) {
        patch(jobId, { problem: toApiError(err), cancelling: false });
      }
    };

    const poll = async () => {
      if (done || !current(jobId)) return finish();
      try {
        const summary = await request('jobs.get', { jobId });
        apply(summary.status, summary.progress, summary.message);
      } catch (err) {
        const error = toApiError(err);
        // A lost connection is worth another try; a refusal or a missing job is not.
        if (error.code !== 'unavailable') {
          patch(jobId, { problem: error });
          return finish();
        }
      }
      if (!done) timer = window.setTimeout(() => void poll(), POLL_MS);
    };

    const unsubscribe = api.subscribe('job.progress', (event) => {
      if (event.jobId === jobId) apply(event.status, event.progress, event.message);
    });
    void poll();
  }

  async function cancel(): Promise<void> {
    const job = store.getState().job;
    if (!job || isFinished(job.status)) return;
    patch(job.jobId, { cancelling: true, problem: null });
    try {
      await request('jobs.cancel', { jobId: job.jobId });
    } catch (err) {
      patch(job.jobId, { cancelling: false, problem: toApiError(err) });
    }
  }

  async function retry(): Promise<void> {
    const job = store.getState().job;
    if (!job) return;
    try {
      const { jobId } = await request('jobs.retry', { jobId: job.jobId });
      track(jobId);
    } catch (err) {
      patch(job.jobId, { problem: toApiError(err) });
    }
  }

  function clear(): void {
    stop?.();
    store.setState({ job: null });
  }

  return { store, track, cancel, retry, clear };
}
