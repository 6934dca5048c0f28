/**
 * Child process for the crash test in pipeline.test.ts: starts a backfill in batches of one
 * student and, once the first batch has committed, says so and stalls (as a slow machine
 * would) so the test can kill it with SIGKILL between two batches.
 */
import { runPipeline } from '../../main/pipeline/run';
import { openStore } from '../../main/store/open';

const store = await openStore(process.argv[2]!);
await runPipeline(store, {
  mode: 'backfill',
  trigger: 'manual',
  batchSize: 1,
  onProgress: (_fraction, message) => {
    if (!message.startsWith('Weekly features')) return;
    process.stdout.write('batch committed\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
