import type { Store } from '../store/open';

/** What a job's code gets inside its worker thread. */
export interface JobContext<I> {
  /** The worker's own connection: long transactions here never block the host's queries. */
  store: Store;
  jobId: string;
  input: I;
  progress(fraction: number, message: string): void;
  /** Check between batches; on true, roll back the current batch and throw JobCancelled. */
  isCancelled(): boolean;
}

export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
  constructor() {
    super('Cancelled');
  }
}

/** Messages a worker posts to the runner. */
export type WorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: string }
  | { type: 'cancelled' };

export interface WorkerInput {
  jobId: string;
  kind: string;
  input: unknown;
  databasePath: string;
  /** The database key in hex: a worker cannot reach the OS keychain itself. */
  databaseKey: string | null;
  /** Int32Array over this buffer: [0] = 1 once the user pressed Cancel. */
  cancelFlag: SharedArrayBuffer;
  /** Source mode only: the TypeScript entry the dev bootstrap loads through tsx. */
  entry?: string;
}
