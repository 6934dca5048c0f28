/**
 * Runs background jobs one at a time (SQLite has one writer), each in its own worker thread
 * with its own connection, so the host keeps answering queries while an import or pipeline
 * run works. Every job has a `jobs` row: queued → running → succeeded / failed / cancelled,
 * or interrupted when the process died under it (found at the next start).
 */
import { Worker } from 'node:worker_threads';
import { uuidv7 } from 'uuidv7';
import type { Job, JobStatus } from '../../db/schema';
import type { JobSummary } from '../api/contract';
import type { CoreEvents } from '../app/events';
import type { Store } from '../store/open';
import type { JobInputOf, JobKind } from './registry';
import type { WorkerInput, WorkerMessage } from './types';

interface Active {
  id: string;
  kind: JobKind;
  worker: Worker;
  cancel: Int32Array;
  progress: number;
  message: string | null;
}

function workerLocation(): { file: URL; entry?: string } {
  const here = import.meta.url;
  // Built hosts ship worker.js beside their main bundle; from source, tsx loads worker.ts.
  if (here.endsWith('.ts')) {
    return {
      file: new URL('./dev-worker-bootstrap.mjs', here),
      entry: new URL('./worker.ts', here).href,
    };
  }
  return { file: new URL('./worker.js', here) };
}

export function toSummary(job: Job, live?: Pick<Active, 'progress' | 'message'>): JobSummary {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: live?.progress ?? job.progress,
    message: live?.message ?? job.message,
    error: job.error,
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
    result: job.result_json ? (JSON.parse(job.result_json) as unknown) : null,
  };
}

/** Jobs queued or running in a runner of this process (a row with our pid may be older). */
const liveHere = new Set<string>();

function ownerAlive(id: string, pid: number | null): boolean {
  if (pid === null) return false;
  // A restarted process can get its predecessor's pid (always so as PID 1 in a container).
  if (pid === process.pid) return liveHere.has(id);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class JobRunner {
  readonly #store: Store;
  readonly #events: CoreEvents;
  readonly #queue: string[] = [];
  readonly #waiters = new Map<string, ((job: JobSummary) => void)[]>();
  /**
   * Jobs asked for while another one runs: its worker may hold SQLite's write lock for the
   * length of a file, so their rows are written once it is done, never by waiting for it.
   */
  readonly #held = new Map<string, Job>();
  #active: Active | null = null;
  #closed = false;

  constructor(store: Store, events: CoreEvents) {
    this.#store = store;
    this.#events = events;
  }

  /**
   * Jobs, imports and pipeline runs left 'running' or 'queued' by a process that is gone were
   * interrupted: their open transaction died with them, so nothing partial is in the database.
   */
  recoverInterrupted(now = Date.now()): number {
    const { sqlite } = this.#store;
    const stale = (
      sqlite
        .prepare("SELECT id, owner_pid FROM jobs WHERE status IN ('running', 'queued')")
        .all() as { id: string; owner_pid: number | null }[]
    ).filter((j) => !ownerAlive(j.id, j.owner_pid));
    sqlite.transaction(() => {
      for (const job of stale) {
        sqlite
          .prepare(
            `UPDATE jobs SET status = 'interrupted', finished_at = ?,
               error = 'The app stopped while this job was running. Nothing partial was saved; run it again.'
             WHERE id = ?`,
          )
          .run(now, job.id);
        sqlite
          .prepare(
            "UPDATE imports SET status = 'interrupted', finished_at = ? WHERE job_id = ? AND status = 'running'",
          )
          .run(now, job.id);
        sqlite
          .prepare(
            "UPDATE pipeline_runs SET status = 'interrupted', finished_at = ? WHERE job_id = ? AND status = 'running'",
          )
          .run(now, job.id);
        sqlite
          .prepare(
            "UPDATE risk_runs SET status = 'interrupted', finished_at = ? WHERE job_id = ? AND status = 'running'",
          )
          .run(now, job.id);
      }
    })();
    return stale.length;
  }

  /** `requestedBy`: the staff member who asked, so a scoped user sees their own jobs. */
  start<K extends JobKind>(
    kind: K,
    input: JobInputOf<K>,
    requestedBy: string | null = null,
  ): string {
    if (this.#closed) throw new Error('The job runner is shut down.');
    const id = uuidv7();
    const job: Job = {
      id,
      kind,
      status: 'queued',
      progress: 0,
      message: null,
      input_json: JSON.stringify(input),
      result_json: null,
      error: null,
      created_at: Date.now(),
      started_at: null,
      finished_at: null,
      heartbeat_at: null,
      owner_pid: process.pid,
      requested_by: requestedBy,
    };
    this.#held.set(id, job);
    liveHere.add(id);
    if (!this.#active) this.#writeHeld();
    this.#queue.push(id);
    this.#emit(id, kind, 0, 'Waiting for the running job to finish…', 'queued');
    this.#pump();
    return id;
  }

  /** Asks a running job to stop at its next batch (its transaction rolls back); a queued one never starts. */
  cancel(id: string): boolean {
    const queued = this.#queue.indexOf(id);
    if (queued !== -1) {
      this.#queue.splice(queued, 1);
      const held = this.#held.get(id);
      if (held) {
        Object.assign(held, { status: 'cancelled', message: 'Cancelled', finished_at: Date.now() });
        liveHere.delete(id);
        this.#resolveWaiters(id);
      } else {
        this.#finish(id, 'cancelled', null, null);
      }
      return true;
    }
    if (this.#active?.id === id) {
      Atomics.store(this.#active.cancel, 0, 1);
      return true;
    }
    return false;
  }

  get(id: string): JobSummary | null {
    const job =
      this.#held.get(id) ??
      (this.#store.sqlite.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Job | undefined);
    if (!job) return null;
    return toSummary(job, this.#active?.id === id ? this.#active : undefined);
  }

  /** A job's kind, status and input (for running it again), held or on record. */
  spec(id: string): Pick<Job, 'kind' | 'status' | 'input_json' | 'requested_by'> | null {
    return (
      this.#held.get(id) ??
      (this.#store.sqlite
        .prepare('SELECT kind, status, input_json, requested_by FROM jobs WHERE id = ?')
        .get(id) as Pick<Job, 'kind' | 'status' | 'input_json' | 'requested_by'> | undefined) ??
      null
    );
  }

  /** Newest first; `requestedBy` keeps only the jobs that staff member started. */
  list(limit = 50, kind?: string, requestedBy?: string): JobSummary[] {
    const rows = this.#store.sqlite
      .prepare(
        `SELECT * FROM jobs
         WHERE (@kind IS NULL OR kind = @kind) AND (@by IS NULL OR requested_by = @by)
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      )
      .all({ kind: kind ?? null, by: requestedBy ?? null, limit }) as Job[];
    const held = [...this.#held.values()]
      .filter((j) => (!kind || j.kind === kind) && (!requestedBy || j.requested_by === requestedBy))
      .reverse();
    return [...held, ...rows]
      .slice(0, limit)
      .map((job) => toSummary(job, this.#active?.id === job.id ? this.#active : undefined));
  }

  /** Resolves when the job has finished, whatever the outcome. */
  wait(id: string): Promise<JobSummary> {
    const job = this.get(id);
    if (job && !['queued', 'running'].includes(job.status)) return Promise.resolve(job);
    return new Promise((resolve) => {
      const list = this.#waiters.get(id) ?? [];
      list.push(resolve);
      this.#waiters.set(id, list);
    });
  }

  /** Stops accepting jobs and cancels the running one; its transaction rolls back. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const id of [...this.#queue]) this.cancel(id);
    const active = this.#active;
    if (active) {
      Atomics.store(active.cancel, 0, 1);
      await active.worker.terminate();
    }
    this.#writeHeld();
  }

  /**
   * Writes the rows of jobs asked for while another ran (the write lock is free now). Jobs still
   * waiting in the queue, other than `starting`, stay held: once the next job starts, its worker
   * may hold the lock again, and cancelling a waiting job must never have to write past it.
   */
  #writeHeld(starting?: string): void {
    const insert = this.#store.sqlite.prepare(
      `INSERT INTO jobs (id, kind, status, progress, message, input_json, created_at,
         finished_at, owner_pid, requested_by)
       VALUES (@id, @kind, @status, @progress, @message, @input_json, @created_at,
         @finished_at, @owner_pid, @requested_by)`,
    );
    for (const job of [...this.#held.values()]) {
      if (job.id !== starting && this.#queue.includes(job.id)) continue;
      insert.run(job);
      this.#held.delete(job.id);
    }
  }

  #resolveWaiters(id: string): void {
    const summary = this.get(id);
    if (!summary) return;
    for (const resolve of this.#waiters.get(id) ?? []) resolve(summary);
    this.#waiters.delete(id);
  }

  #pump(): void {
    if (this.#active || this.#closed) return;
    const id = this.#queue[0];
    this.#writeHeld(id);
    if (id === undefined) return;
    this.#queue.shift();
    const job = this.#store.sqlite
      .prepare('SELECT kind, input_json FROM jobs WHERE id = ?')
      .get(id) as {
      kind: JobKind;
      input_json: string;
    };
    const cancelFlag = new SharedArrayBuffer(4);
    const location = workerLocation();
    const workerData: WorkerInput = {
      jobId: id,
      kind: job.kind,
      input: JSON.parse(job.input_json) as unknown,
      databasePath: this.#store.path,
      databaseKey: this.#store.key?.toString('hex') ?? null,
      cancelFlag,
      ...(location.entry ? { entry: location.entry } : {}),
    };
    this.#store.sqlite
      .prepare("UPDATE jobs SET status = 'running', started_at = ? WHERE id = ?")
      .run(Date.now(), id);
    const worker = new Worker(location.file, { workerData });
    const active: Active = {
      id,
      kind: job.kind,
      worker,
      cancel: new Int32Array(cancelFlag),
      progress: 0,
      message: null,
    };
    this.#active = active;
    this.#emit(id, job.kind, 0, 'Starting…', 'running');

    let settled = false;
    const settle = (status: JobStatus, result: unknown, error: string | null) => {
      if (settled) return;
      settled = true;
      this.#active = null;
      this.#finish(id, status, result, error, active);
      void worker.terminate();
      this.#pump();
    };
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'progress':
          active.progress = message.fraction;
          active.message = message.message;
          this.#emit(id, job.kind, message.fraction, message.message, 'running');
          break;
        case 'done':
          settle('succeeded', message.result, null);
          break;
        case 'cancelled':
          settle('cancelled', null, null);
          break;
        case 'failed':
          settle('failed', null, message.error);
          break;
      }
    });
    // A crashed worker is finished only once it has exited: until then its connection may
    // still hold the write lock that #finish needs.
    let crash: string | null = null;
    worker.on('error', (error) => {
      crash = error.message;
    });
    worker.on('exit', (code) => {
      if (this.#closed) settle('cancelled', null, 'The app closed while this job was running.');
      else
        settle(
          'failed',
          null,
          crash ?? `The job's worker stopped unexpectedly (exit code ${code}).`,
        );
    });
  }

  #finish(
    id: string,
    status: JobStatus,
    result: unknown,
    error: string | null,
    active?: Active,
  ): void {
    const now = Date.now();
    const message =
      status === 'succeeded'
        ? 'Done'
        : status === 'cancelled'
          ? 'Cancelled'
          : (active?.message ?? null);
    this.#store.sqlite
      .prepare(
        `UPDATE jobs SET status = ?, progress = ?, message = ?, result_json = ?, error = ?,
           finished_at = ? WHERE id = ?`,
      )
      .run(
        status,
        status === 'succeeded' ? 1 : Math.min(1, active?.progress ?? 0),
        message,
        result === null || result === undefined ? null : JSON.stringify(result),
        error,
        now,
        id,
      );
    // A cancelled or failed job leaves its import/pipeline rows in their final words too (a
    // worker stopped by close or a crash never wrote them; recoverInterrupted skips this job).
    if (status !== 'succeeded') {
      const final = status === 'cancelled' ? 'cancelled' : 'failed';
      this.#store.sqlite
        .prepare(
          "UPDATE imports SET status = ?, finished_at = ? WHERE job_id = ? AND status = 'running'",
        )
        .run(final, now, id);
      this.#store.sqlite
        .prepare(
          `UPDATE pipeline_runs SET status = ?, finished_at = ?, error = coalesce(error, ?)
           WHERE job_id = ? AND status = 'running'`,
        )
        .run(final, now, error, id);
      this.#store.sqlite
        .prepare(
          `UPDATE risk_runs SET status = ?, finished_at = ?, error = coalesce(error, ?)
           WHERE job_id = ? AND status = 'running'`,
        )
        .run(final, now, error, id);
    }
    liveHere.delete(id);
    const kind = active?.kind ?? 'job';
    this.#emit(id, kind, status === 'succeeded' ? 1 : (active?.progress ?? 0), message, status);
    // Even a failed or cancelled import may have committed its earlier files.
    this.#events.emit('data.changed', { tables: ['*'] });
    this.#resolveWaiters(id);
  }

  #emit(id: string, kind: string, progress: number, message: string | null, status: JobStatus) {
    this.#events.emit('job.progress', { jobId: id, kind, progress, message, status });
  }
}
