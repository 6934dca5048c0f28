import type { PipelineRunView } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { requireRole } from '../auth/roles';
import type { PipelineRun } from '../../db/schema';
import { DAILY_AT_KEY, loadDailyAt, nextRunAt } from './schedule';

const ADMINS = ['school_admin', 'district_admin'] as const;

function toView(r: PipelineRun): PipelineRunView {
  return {
    id: r.id,
    jobId: r.job_id,
    mode: r.mode,
    trigger: r.trigger,
    status: r.status,
    asOf: r.as_of,
    fromWeek: r.from_week,
    students: r.students,
    weeks: r.weeks,
    rowsWritten: r.rows_written,
    anomalies: r.anomalies,
    error: r.error,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export const pipelineHandlers: Pick<
  HandlerMap,
  'pipeline.runs' | 'pipeline.run' | 'pipeline.schedule'
> = {
  async 'pipeline.runs'(input, ctx) {
    requireRole(ctx, ADMINS, 'see the pipeline history');
    const runs = await ctx.store.db
      .selectFrom('pipeline_runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit)
      .execute();
    const dailyAt = await loadDailyAt(ctx.store.db);
    const pending = ctx.store.sqlite
      .prepare('SELECT count(*) FROM feature_dirty')
      .pluck()
      .get() as number;
    return {
      runs: runs.map(toView),
      // What the dashboards show (scanning the raw tables for their latest date takes seconds
      // at district scale).
      dataAsOf: ctx.store.sqlite
        .prepare('SELECT max(as_of) FROM student_indicators')
        .pluck()
        .get() as string | null,
      schedule: { dailyAt, nextRunAt: nextRunAt(Date.now(), dailyAt) },
      pendingStudents: pending,
    };
  },

  'pipeline.run'(input, ctx) {
    requireRole(ctx, ADMINS, 'run the pipeline');
    return { jobId: ctx.jobs.start('pipeline', { mode: input.mode, trigger: 'manual' }) };
  },

  async 'pipeline.schedule'(input, ctx) {
    requireRole(ctx, ['district_admin'], 'change when the pipeline runs');
    if (input.dailyAt !== undefined) {
      const now = Date.now();
      await ctx.store.db
        .insertInto('settings')
        .values({ key: DAILY_AT_KEY, value_json: JSON.stringify(input.dailyAt), updated_at: now })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ value_json: JSON.stringify(input.dailyAt), updated_at: now }),
        )
        .execute();
      ctx.events.emit('settings.changed', { keys: [DAILY_AT_KEY] });
    }
    const dailyAt = await loadDailyAt(ctx.store.db);
    return { dailyAt, nextRunAt: nextRunAt(Date.now(), dailyAt) };
  },
};
