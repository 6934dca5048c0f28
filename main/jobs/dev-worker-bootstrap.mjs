// Source mode (tests, `npm run cli`): Node 20 workers ignore --import hooks for their entry,
// so register tsx here and then load the TypeScript worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
