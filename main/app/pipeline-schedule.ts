/**
 * Keeps the weekly features fresh while a desktop or browser host is open: a daily run at the
 * district's configured time, and a catch-up run at launch when the app was closed through
 * the last scheduled time (ARCHITECTURE.md: offline is the normal case, laptops sleep).
 */
import { dataAsOf } from '../indicators/refresh';
import type { JobRunner } from '../jobs/runner';
import { DAILY_AT_KEY, loadDailyAt, missedRun, PipelineScheduler } from '../pipeline';
import type { Store } from '../store/open';
import type { CoreEvents } from './events';

export async function startPipelineSchedule(
  store: Store,
  jobs: JobRunner,
  events: CoreEvents,
  log: (message: string) => void,
  now: () => number = Date.now,
): Promise<() => void> {
  let scheduler: PipelineScheduler | null = null;
  const run = (trigger: 'scheduled' | 'catch_up') =>
    jobs.wait(jobs.start('pipeline', { mode: 'incremental', trigger }));

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
  if (dataAsOf(store.sqlite) && missedRun(lastSucceeded, now(), await loadDailyAt(store.db))) {
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
