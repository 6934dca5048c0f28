/**
 * Report figures (issue 5), end to end through the router as a teacher would ask: a student
 * report PDF (target under 500 ms) and a ~30-student class report (target under 2 s), medians
 * of several runs after one warm-up that starts the reports worker; with the time split between
 * gathering (host, SQL) and drawing (worker), and the host's worst event-loop delay meanwhile.
 *
 *   npx tsx bench/reports.ts [--students 2000] [--runs 15]
 *
 * Works on a copy of the demo district in bench/results (scored there with the shipped model
 * if it never was), so the audit rows the exports write land in the copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Method, Output } from '../main/api/contract';
import { bindCore, installAndScore } from '../main/app/start';
import { runPipeline } from '../main/pipeline/run';
import { studentReportData } from '../main/reports/gather/student';
import { renderInWorker, stopReportsWorker } from '../main/reports/render-worker';
import { scoreStudents } from '../main/risk/score';
import { openStore } from '../main/store/open';
import { databasePath } from '../main/store/paths';
import { benchDistrict, copyDatabase, percentile, report } from './lib';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '15' },
  },
});
const runs = Number(values.runs);

const { dataDir } = await benchDistrict(Number(values.students));
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-reports-'));
copyDatabase(databasePath(dataDir), databasePath(workDir));
const store = await openStore(databasePath(workDir), { quickCheckMaxBytes: 0 });
// Setup, not timed: weekly features and scores where the shared district has none.
if (!store.sqlite.prepare('SELECT 1 FROM student_features LIMIT 1').get()) {
  process.stderr.write('  computing weekly features (in the copy)…\n');
  await runPipeline(store, { mode: 'backfill', trigger: 'cli' });
}
if (!store.sqlite.prepare('SELECT 1 FROM student_risk LIMIT 1').get()) {
  process.stderr.write('  scoring with the shipped model (in the copy)…\n');
  if (!(await installAndScore(store))) await scoreStudents(store, { mode: 'history' });
}
const core = bindCore(store, { host: 'cli', dataDir: workDir, log: () => {} });

async function call<M extends Method>(method: M, input: unknown, session: string | null) {
  const result = await core.router.call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Output<M>;
}

// The section whose roster on the data date is closest to 30, its teacher, and its
// highest-risk student.
const asOf = store.sqlite.prepare('SELECT max(as_of) FROM student_indicators').pluck().get();
const pick = store.sqlite
  .prepare(
    `SELECT e.section_id, st.staff_id, count(DISTINCT e.student_id) AS n
     FROM enrollments e
     JOIN section_teachers st ON st.section_id = e.section_id AND st.deleted_at IS NULL
     WHERE e.deleted_at IS NULL AND e.begin_date <= ? AND (e.end_date IS NULL OR e.end_date >= ?)
     GROUP BY e.section_id, st.staff_id
     ORDER BY abs(count(DISTINCT e.student_id) - 30), e.section_id LIMIT 1`,
  )
  .get(asOf, asOf) as { section_id: string; staff_id: string; n: number };
const studentId = store.sqlite
  .prepare(
    `SELECT e.student_id FROM enrollments e JOIN student_risk r ON r.student_id = e.student_id
     WHERE e.section_id = ? ORDER BY r.score DESC LIMIT 1`,
  )
  .pluck()
  .get(pick.section_id) as string;
const teacher = (await call('auth.signIn', { staffId: pick.staff_id }, null)).sessionId;
const session = core.sessions.get(teacher)!;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(fn));
  return percentile(times, 50);
}

const cold = await time(() => call('reports.student', { studentId }, teacher));
await call('reports.classReport', { sectionId: pick.section_id }, teacher);

// The same measure with nothing running: on a shared machine the scheduler alone adds delay.
const idle = monitorEventLoopDelay({ resolution: 5 });
idle.enable();
await new Promise((resolve) => setTimeout(resolve, 2000));
idle.disable();

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
// The parts are timed in the same rounds as the whole, so they share the machine's load.
const times = { student: [] as number[], gather: [] as number[], draw: [] as number[] };
for (let i = 0; i < runs; i++) {
  times.student.push(await time(() => call('reports.student', { studentId }, teacher)));
  let data: Awaited<ReturnType<typeof studentReportData>> | null = null;
  times.gather.push(
    await time(async () => {
      data = await studentReportData(store, session, studentId);
    }),
  );
  times.draw.push(await time(() => renderInWorker({ kind: 'student', data: data! })));
}
const classReport = await median(() =>
  call('reports.classReport', { sectionId: pick.section_id }, teacher),
);
histogram.disable();
const [student, gather, draw] = [times.student, times.gather, times.draw].map((t) =>
  percentile(t, 50),
) as [number, number, number];
const size = Buffer.from(
  (await call('reports.student', { studentId }, teacher)).base64,
  'base64',
).length;

console.log(
  `\nReports through the router as a teacher, median of ${runs} runs (load ${os.loadavg()[0]!.toFixed(2)})`,
);
report('student report PDF, end to end', student, 'ms', 500);
report(`class report PDF, ${pick.n} students, end to end`, classReport, 'ms', 2000);
report('… student report: gather data in the host', gather, 'ms', null);
report('… student report: draw the PDF in the worker', draw, 'ms', null);
report('first student report (starts the reports worker)', cold, 'ms', null);
report('student report PDF size', size / 1024, 'KiB', null);
report('host event loop, worst delay while reports run', histogram.max / 1e6, 'ms', 50);
report('… p99 delay while reports run', histogram.percentile(99) / 1e6, 'ms', null);
report('… worst delay over 2 s with nothing running', idle.max / 1e6, 'ms', null);

await stopReportsWorker();
await core.close();
fs.rmSync(workDir, { recursive: true, force: true });
