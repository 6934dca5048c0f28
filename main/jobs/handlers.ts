import { ApiError } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { requireRole } from '../auth/roles';
import type { JobInputOf, JobKind } from './registry';
import { isJobKind } from './registry';

const ADMINS = ['school_admin', 'district_admin'] as const;

export const jobHandlers: Pick<
  HandlerMap,
  'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'jobs.retry'
> = {
  'jobs.list'(input, ctx) {
    requireRole(ctx, ADMINS, 'see background jobs');
    return { jobs: ctx.jobs.list(input.limit, input.kind) };
  },
  'jobs.get'(input, ctx) {
    requireRole(ctx, ADMINS, 'see background jobs');
    const job = ctx.jobs.get(input.jobId);
    if (!job) throw new ApiError('not_found', 'There is no such job.');
    return job;
  },
  'jobs.cancel'(input, ctx) {
    requireRole(ctx, ADMINS, 'cancel background jobs');
    if (!ctx.jobs.get(input.jobId)) throw new ApiError('not_found', 'There is no such job.');
    return { cancelled: ctx.jobs.cancel(input.jobId) };
  },
  /** Runs a failed, cancelled or interrupted job again with the same input. */
  'jobs.retry'(input, ctx) {
    const session = requireRole(ctx, ADMINS, 'run jobs again');
    const row = ctx.jobs.spec(input.jobId);
    if (!row || !isJobKind(row.kind)) throw new ApiError('not_found', 'There is no such job.');
    if (row.status === 'running' || row.status === 'queued') {
      throw new ApiError('invalid_input', 'That job has not finished yet.');
    }
    if (row.kind === 'import' && session.staff.role !== 'district_admin') {
      throw new ApiError('forbidden', 'Only district administrators can import data.');
    }
    const kind: JobKind = row.kind;
    const jobInput = JSON.parse(row.input_json ?? '{}') as JobInputOf<typeof kind>;
    return { jobId: ctx.jobs.start(kind, jobInput) };
  },
};
