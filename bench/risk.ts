/**
 * Early-warning model figures (issue 4):
 * - scoring 50,000 students end to end (read features → ONNX → write predictions) as the app
 *   runs it, a job in a worker thread, with the host's worst event-loop delay meanwhile;
 * - training the GRU on the default demo district (2,000 students), and the holdout table of
 *   rules vs logistic regression vs GRU.
 *
 *   npx tsx bench/risk.ts [--students 50000] [--train-students 2000]
 *
 * The 50,000-student district in bench/results is reused; its weekly features are computed
 * once if missing (a pipeline backfill, not timed here: see bench/pipeline.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateDemoDistrict, DEFAULT_SEED } from '../db/seed/generate';
import { bindCore } from '../main/app/start';
import { runPipeline } from '../main/pipeline/run';
import type { ScoreSummary } from '../main/risk/score';
import { openStore } from '../main/store/open';
import { databasePath } from '../main/store/paths';
import { inputsCurrent, rebuildModelInputs } from '../main/training/model-inputs';
import { installShippedModel } from '../main/training/shipped';
import { trainModels } from '../main/training/train';
import { benchDistrict, report } from './lib';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '50000' },
    'train-students': { type: 'string', default: '2000' },
    'no-train': { type: 'boolean', default: false },
  },
});
const students = Number(values.students);
const trainStudents = Number(values['train-students']);

// ---------------------------------------------------------------- scoring at district scale

const { dataDir } = await benchDistrict(students);
const store = await openStore(databasePath(dataDir), { quickCheckMaxBytes: 0 });
if (!store.sqlite.prepare('SELECT 1 FROM student_features LIMIT 1').get()) {
  process.stderr.write(`  computing weekly features for ${students} students (once)…\n`);
  await runPipeline(store, { mode: 'backfill', trigger: 'cli' });
}
if (!inputsCurrent(store.sqlite)) {
  process.stderr.write('  preparing model inputs (once)…\n');
  rebuildModelInputs(store.sqlite);
}
// Always the model in models/default, whatever an earlier run of the bench left active.
store.sqlite.exec(
  'DELETE FROM student_risk; DELETE FROM predictions; DELETE FROM risk_runs; DELETE FROM model_versions;',
);
await installShippedModel(store.sqlite);
store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const core = bindCore(store, { host: 'cli', dataDir, log: () => {} });

// Two independent measures of the host's event loop while the job runs: Node's histogram, and
// the worst gap between 5 ms ticks.
const histogram = monitorEventLoopDelay({ resolution: 5 });
let worstGap = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  worstGap = Math.max(worstGap, now - last - 5);
  last = now;
}, 5);
histogram.enable();
// The worker's first progress report comes once the model is loaded; before that (less the
// summary's setup) the job was starting a thread and loading modules (under tsx here, which
// also compiles them).
let workerReady: number | null = null;
const stopWatching = core.events.on('job.progress', ({ status, message }) => {
  if (workerReady === null && status === 'running' && message !== 'Starting…') {
    workerReady = performance.now();
  }
});
const started = performance.now();
const job = await core.jobs.wait(core.jobs.start('score', { mode: 'latest' }));
stopWatching();
const elapsed = performance.now() - started;
histogram.disable();
clearInterval(ticker);
if (job.status !== 'succeeded') throw new Error(`scoring ${job.status}: ${job.error}`);
const summary = job.result as ScoreSummary;
await core.close();

report(`score ${summary.students} students, job start → saved`, elapsed / 1000, 's', 2);
const t = summary.timings;
console.log(
  `  worker start (thread, modules, connection) ${((workerReady! - started - t.setupMs) / 1000).toFixed(2)} s; inside the worker: setup ${(t.setupMs / 1000).toFixed(2)} s, read ${(t.readMs / 1000).toFixed(2)} s, score ${(t.scoreMs / 1000).toFixed(2)} s, explain ${(t.explainMs / 1000).toFixed(2)} s, write ${(t.writeMs / 1000).toFixed(2)} s`,
);
report('host event loop, worst delay while scoring (histogram)', histogram.max / 1e6, 'ms', 50);
report('host event loop, worst gap between 5 ms ticks', worstGap, 'ms', 50);

// ---------------------------------------------------------------- training on the demo district

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-train-'));
try {
  if (values['no-train']) process.exit(0);
  const demo = await openStore(path.join(scratch, 'demo.sqlite'));
  process.stderr.write(`  generating the ${trainStudents}-student demo district…\n`);
  generateDemoDistrict(demo.sqlite, { students: trainStudents, seed: DEFAULT_SEED });
  await runPipeline(demo, { mode: 'backfill', trigger: 'cli' });
  const trained = await trainModels(demo, {});
  await demo.close();
  report(
    `train GRU, ${trainStudents}-student demo district`,
    trained.timings.gruMs! / 1000,
    's',
    120,
  );
  report('train logistic regression', trained.timings.logisticMs! / 1000, 's', null);
  report('build the training set', trained.timings.datasetMs! / 1000, 's', null);
  console.log(
    `  holdout: ${trained.counts.holdout.examples} examples of ${trained.counts.holdout.students} students`,
  );
  console.log('  model                             AUC   PR-AUC  precision@10%  recall@10%');
  for (const b of trained.baselines) {
    const f = (v: number | null) => (v === null ? '—' : v.toFixed(3));
    const p = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
    console.log(
      `  ${b.name.padEnd(32)} ${f(b.auc).padStart(5)}  ${f(b.prAuc).padStart(6)}  ${p(b.precisionAtRate).padStart(13)}  ${p(b.recallAtRate).padStart(10)}`,
    );
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
