/**
 * Worker-thread entry for every background job (imports, the feature pipeline, later training
 * and batch inference). Opens its own connection, runs the job's handler, reports progress.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open';
import { JOB_HANDLERS, isJobKind } from './registry';
import { JobCancelled, type WorkerInput, type WorkerMessage } from './types';

const data = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const cancelled = new Int32Array(data.cancelFlag);

async function main(): Promise<void> {
  if (!isJobKind(data.kind)) throw new Error(`Unknown job kind “${data.kind}”.`);
  const store = await openStore(data.databasePath, {
    migrate: false,
    quickCheckMaxBytes: 0,
    ...(data.databaseKey ? { key: Buffer.from(data.databaseKey, 'hex') } : {}),
  });
  let lastPost = 0;
  try {
    const result = await JOB_HANDLERS[data.kind]({
      store,
      jobId: data.jobId,
      input: data.input as never,
      progress: (fraction, message) => {
        // Progress bars need a few updates a second, not one per batch.
        const now = Date.now();
        if (now - lastPost < 100 && fraction < 1) return;
        lastPost = now;
        post({ type: 'progress', fraction, message });
      },
      isCancelled: () => Atomics.load(cancelled, 0) === 1,
    });
    post({ type: 'done', result });
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof JobCancelled) post({ type: 'cancelled' });
  else post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
});
