/**
 * `npm run cli -- <command>`: the command-line host, for admins, scheduled jobs and benchmarks.
 * It calls the same router as the other hosts, signed in as a named staff member.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, type ImportKind } from '../../db/schema';
import type { ImportFileRequest } from '../imports/job';
import { detectFileKind } from '../imports/detect-file';
import type { JobInputOf, JobKind } from '../jobs/registry';
import { DEFAULT_SEED, DEFAULT_STUDENTS, generateDemoDistrict } from '../../db/seed/generate';
import { MIN_STUDENTS } from '../../db/seed/district-plan';
import { startCore, isEmpty, installAndScore } from '../app/start';
import { refreshIndicators } from '../indicators/refresh';
import { runPipeline } from '../pipeline';
import { openStore } from '../store/open';
import { databasePath, dataDir } from '../store/paths';
import { DatabaseOpenError } from '../store/errors';
import { trainModels, type TrainingSummary } from '../training/train';
import { writeShippedModel } from '../training/shipped';
import { evaluateExports, formatMetricsTable } from '../training/evaluate';

const HELP = `Sightline command line

  npm run cli -- seed [--students N] [--seed S] [--out FILE]
      Create the deterministic demo district (default 2000 students) in an empty database
      (the data folder's, or FILE).
  npm run cli -- refresh
      Recompute every student's indicators and early-warning flags.
  npm run cli -- staff [--role ROLE]
      List staff accounts (id, role, name) to use with --as.
  npm run cli -- call <method> [JSON input] --as <staff id>
      Call any API method, e.g.  call students.list '{"flag":"chronic_absence"}' --as <id>
  npm run cli -- import <file or folder>... [--kind KIND] [--no-pipeline] [--source NAME]
      Import SIS/LMS exports (CSV, xAPI JSON lines, a OneRoster folder or zip), each file in
      one transaction, then update the weekly features. KIND is detected from the file name
      and headers unless given: ${IMPORT_KINDS.join(', ')}.
  npm run cli -- pipeline run | backfill
      Recompute weekly features and flags: only what new data touched, or everything.
  npm run cli -- jobs
      List recent background jobs (imports, pipeline runs, training, scoring) and their status.
  npm run cli -- train [--seed S] [--demo N] [--out DIR]
      Train the logistic-regression baseline and the GRU on this database (or, with --demo N,
      on a fresh N-student demo district in a scratch file), print the holdout table and store
      both as candidates. --out writes the better one as a shipped model (ONNX, version.json,
      MODEL_CARD.md): models/default is made by  train --demo 2000 --out models/default
  npm run cli -- evaluate --data DIR [--seed S]
      Import a folder of exports (a OneRoster roster plus attendance, grades, …) into a
      scratch database, derive term outcomes, train both models and print the holdout table.
  npm run cli -- score [--history]
      Score every student with the active model (the latest week, or every week).
  npm run cli -- info
      Show the database, district and data date.
  npm run cli -- check
      Run SQLite's full integrity check on the database (large files skip it at open).

The data folder is SIGHTLINE_DATA_DIR (default ./.data).`;

let lastStep = -1;
/** A live bar on a terminal; one line per 10% when output goes to a log. */
function progressBar(fraction: number, message: string): void {
  const pct = Math.round(fraction * 100);
  if (!process.stderr.isTTY) {
    const step = Math.floor(pct / 10);
    if (step !== lastStep) process.stderr.write(`${String(pct).padStart(3)}% ${message}\n`);
    lastStep = step;
    return;
  }
  const width = 30;
  const filled = Math.round(fraction * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${message.padEnd(40)}`,
  );
  if (fraction >= 1) process.stderr.write('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      students: { type: 'string', default: String(DEFAULT_STUDENTS) },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string' },
      as: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      kind: { type: 'string' },
      source: { type: 'string' },
      'no-pipeline': { type: 'boolean' },
      demo: { type: 'string' },
      history: { type: 'boolean' },
      data: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(HELP);
    return command ? 0 : 1;
  }

  switch (command) {
    case 'seed': {
      const students = Number(values.students);
      const seed = Number(values.seed);
      if (!Number.isInteger(students) || students < MIN_STUDENTS || !Number.isInteger(seed)) {
        console.error(
          `--students must be a whole number of at least ${MIN_STUDENTS} and --seed a whole number, e.g. --students 2000 --seed 7`,
        );
        return 2;
      }
      const store = await openStore(values.out ?? databasePath(dataDir()));
      try {
        if (!(await isEmpty(store))) {
          console.error(
            `${store.path} already holds a district; nothing was changed. Use --out with a new file.`,
          );
          return 2;
        }
        const started = performance.now();
        const result = generateDemoDistrict(store.sqlite, {
          students,
          seed,
          onProgress: progressBar,
        });
        const generated = performance.now();
        const pipeline = await runPipeline(store, {
          mode: 'backfill',
          trigger: 'seed',
          onProgress: progressBar,
        });
        const pipelined = performance.now();
        await installAndScore(store, progressBar);
        console.log(
          JSON.stringify(
            {
              database: store.path,
              ...result,
              featuresComputedFor: pipeline.students,
              weeks: pipeline.weeks,
              generateMs: Math.round(generated - started),
              pipelineMs: Math.round(pipelined - generated),
              scoreMs: Math.round(performance.now() - pipelined),
            },
            null,
            2,
          ),
        );
        return 0;
      } finally {
        await store.close();
      }
    }
    case 'refresh': {
      const store = await openStore(databasePath(dataDir()));
      const result = await refreshIndicators(store);
      console.log(
        `Flags computed for ${result.students} students, data as of ${result.asOf ?? '—'}.`,
      );
      await store.close();
      return 0;
    }
    case 'check': {
      const store = await openStore(databasePath(dataDir()), { quickCheckMaxBytes: 0 });
      const problems = store.sqlite.pragma('integrity_check', { simple: false }) as {
        integrity_check: string;
      }[];
      await store.close();
      const ok = problems.length === 1 && problems[0]!.integrity_check === 'ok';
      if (ok) console.log(`${store.path}: integrity check passed.`);
      else for (const p of problems) console.error(p.integrity_check);
      return ok ? 0 : 1;
    }
    case 'staff': {
      const store = await openStore(databasePath(dataDir()));
      let query = store.db
        .selectFrom('staff')
        .select(['id', 'role', 'given_name', 'family_name', 'school_id'])
        .where('deleted_at', 'is', null)
        .orderBy('role')
        .orderBy('family_name');
      if (values.role) query = query.where('role', '=', values.role as never);
      for (const s of await query.execute()) {
        console.log(`${s.id}  ${s.role.padEnd(14)} ${s.given_name} ${s.family_name}`);
      }
      await store.close();
      return 0;
    }
    case 'import': {
      if (rest.length === 0) {
        console.error('Name the files to import, e.g. `import exports/attendance.csv`.');
        return 2;
      }
      if (values.kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(values.kind)) {
        console.error(`--kind must be one of: ${IMPORT_KINDS.join(', ')}.`);
        return 2;
      }
      const files = [];
      for (const file of rest) {
        const request = await describeImport(file, values.kind as ImportKind | undefined);
        if (typeof request === 'string') {
          console.error(request);
          return 2;
        }
        files.push(request);
      }
      return runJob('import', {
        files,
        runPipeline: !values['no-pipeline'],
        ...(values.source ? { sourceSystem: values.source } : {}),
      });
    }
    case 'pipeline': {
      const mode = rest[0] === 'backfill' ? 'backfill' : rest[0] === 'run' ? 'incremental' : null;
      if (!mode) {
        console.error('Use `pipeline run` (what changed) or `pipeline backfill` (everything).');
        return 2;
      }
      return runJob('pipeline', { mode, trigger: 'cli' });
    }
    case 'train':
      return train(
        values.seed === String(DEFAULT_SEED) ? undefined : Number(values.seed),
        values.demo,
        values.out,
      );
    case 'evaluate': {
      if (!values.data) {
        console.error('Name the folder of exports: evaluate --data <dir>');
        return 2;
      }
      const result = await evaluateExports(path.resolve(values.data), {
        ...(values.seed === String(DEFAULT_SEED) ? {} : { seed: Number(values.seed) }),
        onProgress: progressBar,
      });
      console.log(formatMetricsTable(result.table));
      for (const gap of result.gaps) console.log(`Note: ${gap}`);
      return 0;
    }
    case 'score':
      return runJob('score', { mode: values.history ? 'history' : 'latest' });
    case 'jobs': {
      const core = await startCore({ host: 'cli', demoStudents: 0 });
      for (const job of core.jobs.list(20)) {
        const when = new Date(job.createdAt).toISOString().replace('T', ' ').slice(0, 19);
        console.log(
          `${job.id}  ${when}  ${job.kind.padEnd(8)} ${job.status.padEnd(11)} ${job.error ?? job.message ?? ''}`,
        );
      }
      await core.close();
      return 0;
    }
    case 'info':
    case 'call': {
      const core = await startCore({ host: 'cli', demoStudents: 0 });
      try {
        let sessionId: string | null = null;
        if (values.as) {
          const signIn = await core.router.call('auth.signIn', { staffId: values.as }, null);
          if (!signIn.ok) {
            console.error(signIn.error.message);
            return 2;
          }
          sessionId = (signIn.value as { sessionId: string }).sessionId;
        }
        const method = command === 'info' ? 'system.info' : rest[0];
        if (!method) {
          console.error('Name the method to call, e.g. `call students.list --as <staff id>`.');
          return 2;
        }
        let input: unknown = {};
        try {
          input = command === 'call' && rest[1] ? JSON.parse(rest[1]) : {};
        } catch {
          console.error('The input must be JSON, e.g. \'{"limit": 10}\'.');
          return 2;
        }
        const result = await core.router.call(method, input, sessionId);
        if (!result.ok) {
          console.error(`${result.error.code}: ${result.error.message}`);
          return 1;
        }
        console.log(JSON.stringify(result.value, null, 2));
        return 0;
      } finally {
        await core.close();
      }
    }
    default:
      console.error(`Unknown command “${command}”.\n\n${HELP}`);
      return 2;
  }
}

/** Resolves a path to an import request: OneRoster for folders and zips, else by headers. */
async function describeImport(
  file: string,
  kind?: ImportKind,
): Promise<ImportFileRequest | string> {
  if (!fs.existsSync(file)) return `${file}: no such file or folder.`;
  const name = path.basename(file);
  const detected = kind ?? (await detectFileKind(file));
  if (!detected) {
    return `${file}: could not tell what kind of export this is; pass --kind (${IMPORT_KINDS.join(', ')}).`;
  }
  return { path: path.resolve(file), name, kind: detected };
}

/** Runs one background job with a progress bar; Ctrl-C cancels it cleanly. */
async function runJob<K extends JobKind>(kind: K, input: JobInputOf<K>): Promise<number> {
  const core = await startCore({ host: 'cli', demoStudents: 0 });
  try {
    core.events.on('job.progress', (e) => {
      if (e.status === 'running') progressBar(e.progress, e.message ?? '');
    });
    const jobId = core.jobs.start(kind, input);
    const cancel = () => {
      process.stderr.write('\nCancelling: the file being imported is rolled back…\n');
      core.jobs.cancel(jobId);
    };
    process.once('SIGINT', cancel);
    const job = await core.jobs.wait(jobId);
    process.off('SIGINT', cancel);
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (job.result) console.log(JSON.stringify(job.result, null, 2));
    if (job.status !== 'succeeded')
      console.error(`Job ${job.status}${job.error ? `: ${job.error}` : ''}`);
    return job.status === 'succeeded' ? 0 : 1;
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof DatabaseOpenError ? error.message : error);
    process.exit(1);
  });

/** Trains on a scratch demo district (reproducible) or on the data folder's database. */
async function train(seed: number | undefined, demo: string | undefined, out: string | undefined) {
  if (!demo) {
    const code = await runJob('train', seed === undefined ? {} : { seed });
    if (code === 0 && out) {
      const store = await openStore(databasePath(dataDir()));
      try {
        const id = store.sqlite
          .prepare(
            "SELECT result_json FROM jobs WHERE kind = 'train' AND status = 'succeeded' ORDER BY finished_at DESC LIMIT 1",
          )
          .pluck()
          .get() as string;
        writeShippedModel(
          store.sqlite,
          (JSON.parse(id) as { recommendedId: string }).recommendedId,
          out,
        );
        console.log(`Wrote the recommended model to ${out}`);
      } finally {
        await store.close();
      }
    }
    return code;
  }
  const students = Number(demo);
  if (!Number.isInteger(students) || students < MIN_STUDENTS) {
    console.error(`--demo must be a whole number of students, at least ${MIN_STUDENTS}.`);
    return 2;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-train-'));
  const store = await openStore(path.join(scratch, 'demo.sqlite'));
  try {
    generateDemoDistrict(store.sqlite, { students, seed: DEFAULT_SEED, onProgress: progressBar });
    await runPipeline(store, { mode: 'backfill', trigger: 'cli', onProgress: progressBar });
    const summary = await trainModels(store, {
      ...(seed === undefined ? {} : { seed }),
      onProgress: progressBar,
      // The demo's data date, so a rebuild of the shipped model is byte-identical.
      now: Date.UTC(2026, 4, 30),
    });
    console.log(formatBaselines(summary.baselines));
    console.log(JSON.stringify({ counts: summary.counts, timingsMs: summary.timings }, null, 2));
    if (out) {
      writeShippedModel(store.sqlite, summary.recommendedId, out);
      console.log(
        `Wrote ${summary.candidates.find((c) => c.id === summary.recommendedId)?.name} to ${out}`,
      );
    }
    return 0;
  } finally {
    await store.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function formatBaselines(rows: TrainingSummary['baselines']): string {
  const f = (v: number | null, pct = false) =>
    v === null ? '—' : pct ? `${(v * 100).toFixed(1)}%` : v.toFixed(3);
  const lines = [
    ['model', 'AUC', 'PR-AUC', 'precision@rate', 'recall@rate', 'Brier'],
    ...rows.map((r) => [
      r.name,
      f(r.auc),
      f(r.prAuc),
      f(r.precisionAtRate, true),
      f(r.recallAtRate, true),
      f(r.brier),
    ]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines
    .map((l) =>
      l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}
