import { ApiError } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { requireRole } from '../auth/roles';
import type { JobInputOf, JobKind } from './registry';
import { isJobKind } from './registry';

const ADMINS = ['school_admin', 'district_admin'] as const;

/** Import jobs carry file names, headers and reports of district data: district admins only. */
function visibleTo(role: string, kind: string): boolean {
  return kind !== 'import' || role === 'district_admin';
}

export const jobHandlers: Pick<
  HandlerMap,
  'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'jobs.retry'
> = {
  'jobs.list'(input, ctx) {
    const { role } = requireRole(ctx, ADMINS, 'see background jobs').staff;
    const jobs =
      role === 'district_admin'
        ? ctx.jobs.list(input.limit, input.kind)
        : ctx.jobs
            .list(input.limit, 'pipeline')
            .filter((j) => !input.kind || j.kind === input.kind);
    return { jobs };
  },
  'jobs.get'(input, ctx) {
    const { role } = requireRole(ctx, ADMINS, 'see background jobs').staff;
    const job = ctx.jobs.get(input.jobId);
    if (!job || !visibleTo(role, job.kind))
      throw new ApiError('not_found', 'There is no such job.');
    return job;
  },
  'jobs.cancel'(input, ctx) {
    const { role } = requireRole(ctx, ADMINS, 'cancel background jobs').staff;
    const job = ctx.jobs.get(input.jobId);
    if (!job || !visibleTo(role, job.kind))
      throw new ApiError('not_found', 'There is no such job.');
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
