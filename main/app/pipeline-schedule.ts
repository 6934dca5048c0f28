/**
 * Keeps the weekly features fresh while a desktop or browser host is open: a daily run at the
 * district's configured time, and a catch-up run at launch when the app was closed through
 * the last scheduled time (ARCHITECTURE.md: offline is the normal case, laptops sleep).
 */
import type { JobRunner } from '../jobs/runner';
import { DAILY_AT_KEY, loadDailyAt, missedRun, PipelineScheduler } from '../pipeline';
import type { Store } from '../store/open';
import type { CoreEvents } from './events';

/** Any attendance or LMS data at all (cheap; finding the latest date scans whole tables). */
function hasData(store: Store): boolean {
  return (
    store.sqlite
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM attendance_events)
             OR EXISTS (SELECT 1 FROM lms_activity)`,
      )
      .pluck()
      .get() === 1
  );
}

export async function startPipelineSchedule(
  store: Store,
  jobs: JobRunner,
  events: CoreEvents,
  log: (message: string) => void,
  now: () => number = Date.now,
): Promise<() => void> {
  let scheduler: PipelineScheduler | null = null;
  const run = async (trigger: 'scheduled' | 'catch_up') => {
    // Nothing to compute on an empty database, and one waiting pipeline run is enough.
    if (!hasData(store)) return;
    const pending = jobs
      .list(20, 'pipeline')
      .some((j) => j.status === 'queued' || j.status === 'running');
    if (pending) return;
    await jobs.wait(jobs.start('pipeline', { mode: 'incremental', trigger }));
  };

  const arm = async () => {
    scheduler?.stop();
    const dailyAt = await loadDailyAt(store.db);
    scheduler = new PipelineScheduler({
      dailyAt,
      now,
      run: () => run('scheduled'),
      onError: (error) => log(`Scheduled pipeline run failed: ${String(error)}`),
    });
    scheduler.start();
  };
  await arm();

  const lastSucceeded = store.sqlite
    .prepare("SELECT max(finished_at) FROM pipeline_runs WHERE status = 'succeeded'")
    .pluck()
    .get() as number | null;
  if (hasData(store) && missedRun(lastSucceeded, now(), await loadDailyAt(store.db))) {
    log('The daily pipeline run was missed while the app was closed: catching up now.');
    void run('catch_up');
  }

  const off = events.on('settings.changed', ({ keys }) => {
    if (keys.includes(DAILY_AT_KEY)) void arm();
  });
  return () => {
    off();
    scheduler?.stop();
  };
}
