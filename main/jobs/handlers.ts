import { ApiError } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { writeAudit } from '../audit/log';
import { requireRole } from '../auth/roles';
import type { Session } from '../auth/sessions';
import { IMPORTING_ROLES } from '../imports/scope';
import type { JobInputOf, JobKind } from './registry';
import { isJobKind } from './registry';
import type { JobRunner } from './runner';

/** Anyone who can start a job (an import, a pipeline run) can follow it. */
const JOB_ROLES = [...new Set([...IMPORTING_ROLES, 'school_admin' as const])];

/**
 * District administrators see every job. School administrators also see pipeline runs (which
 * carry no student data). Everyone sees the jobs they started: an import job carries file
 * names, headers and reports of student records.
 */
function visible(session: Session, job: { kind: string; requested_by: string | null }): boolean {
  const { role, id } = session.staff;
  return (
    role === 'district_admin' ||
    job.requested_by === id ||
    (role === 'school_admin' && job.kind === 'pipeline')
  );
}

/** The job when the caller may see it; otherwise "no such job", never "forbidden". */
function visibleJob(session: Session, jobs: JobRunner, jobId: string) {
  const job = jobs.spec(jobId);
  if (!job || !visible(session, job)) throw new ApiError('not_found', 'There is no such job.');
  return job;
}

export const jobHandlers: Pick<
  HandlerMap,
  'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'jobs.retry'
> = {
  'jobs.list'(input, ctx) {
    const session = requireRole(ctx, JOB_ROLES, 'see background jobs');
    const { role, id } = session.staff;
    const jobs =
      role === 'district_admin'
        ? ctx.jobs.list(input.limit, input.kind)
        : role === 'school_admin'
          ? [...ctx.jobs.list(input.limit, 'pipeline'), ...ctx.jobs.list(input.limit, 'import', id)]
              .filter((j) => !input.kind || j.kind === input.kind)
              .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
              .slice(0, input.limit)
          : ctx.jobs.list(input.limit, input.kind, id);
    return { jobs };
  },
  'jobs.get'(input, ctx) {
    const session = requireRole(ctx, JOB_ROLES, 'see background jobs');
    visibleJob(session, ctx.jobs, input.jobId);
    return ctx.jobs.get(input.jobId)!;
  },
  'jobs.cancel'(input, ctx) {
    const session = requireRole(ctx, JOB_ROLES, 'cancel background jobs');
    visibleJob(session, ctx.jobs, input.jobId);
    return { cancelled: ctx.jobs.cancel(input.jobId) };
  },
  /** Runs a failed, cancelled or interrupted job again with the same input. */
  'jobs.retry'(input, ctx) {
    const session = requireRole(ctx, JOB_ROLES, 'run jobs again');
    const row = visibleJob(session, ctx.jobs, input.jobId);
    if (!isJobKind(row.kind)) throw new ApiError('not_found', 'There is no such job.');
    if (row.status === 'running' || row.status === 'queued') {
      throw new ApiError('invalid_input', 'That job has not finished yet.');
    }
    const kind: JobKind = row.kind;
    const jobInput = JSON.parse(row.input_json ?? '{}') as JobInputOf<typeof kind>;
    // The new job runs in the scope it first ran in: a district admin re-running a teacher's
    // import must not import the rows that were set aside as outside the teacher's sections.
    const requestedBy = row.requested_by ?? session.staff.id;
    const jobId = ctx.jobs.start(kind, jobInput, requestedBy);
    if (kind === 'import') {
      writeAudit(ctx.store, {
        actor: { staffId: session.staff.id, role: session.staff.role },
        action: 'data.import',
        entityType: 'job',
        entityId: jobId,
        detail: { retryOf: input.jobId, scopeOf: requestedBy },
      });
    }
    return { jobId };
  },
};
