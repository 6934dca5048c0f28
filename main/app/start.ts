/**
 * Boots the host-agnostic core: opens (and migrates) the local database, creates the demo
 * district on first run, and returns the router every host binds. Never imports electron.
 */
import pkg from '../../package.json' with { type: 'json' };
import { DEFAULT_SEED, DEFAULT_STUDENTS, generateDemoDistrict } from '../../db/seed/generate';
import { MIN_STUDENTS } from '../../db/seed/district-plan';
import type { HostKind } from '../api/contract';
import { handlers } from '../api/handlers';
import { createRouter, type Router } from '../api/router';
import { SessionRegistry } from '../auth/sessions';
import { scoreStudents } from '../risk/score';
import { installShippedModel } from '../training/shipped';
import { runPipeline } from '../pipeline';
import { flushAudit } from '../audit/log';
import type { KeyProtector } from '../store/key';
import { openStore, type Store } from '../store/open';
import { databasePath, dataDir as defaultDataDir } from '../store/paths';
import { CoreEvents } from './events';
import { startPipelineSchedule } from './pipeline-schedule';
import { Staging } from '../imports/staging';
import { JobRunner } from '../jobs/runner';

export const APP_VERSION: string = pkg.version;

export interface CoreOptions {
  host: HostKind;
  /** Run the feature pipeline daily and catch up at launch (desktop and browser hosts). */
  schedulePipeline?: boolean;
  dataDir?: string;
  /** Students in the demo district created when the database is empty; 0 leaves it empty. */
  demoStudents?: number;
  log?: (message: string) => void;
  /** What guards the database key; the desktop host passes the OS keychain. */
  keyProtector?: KeyProtector;
}

export interface Core {
  store: Store;
  router: Router;
  events: CoreEvents;
  sessions: SessionRegistry;
  jobs: JobRunner;
  close(): Promise<void>;
}

export function demoStudentsFromEnv(): number {
  const raw = process.env.SIGHTLINE_DEMO_STUDENTS;
  const n = raw === undefined ? DEFAULT_STUDENTS : Number(raw);
  if (!Number.isInteger(n) || (n !== 0 && n < MIN_STUDENTS)) {
    throw new Error(
      `SIGHTLINE_DEMO_STUDENTS must be 0 (no demo district) or a whole number of at least ${MIN_STUDENTS}, not “${raw}”.`,
    );
  }
  return n;
}

export async function isEmpty(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('districts').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Fills an empty database with the deterministic demo district and computes its flags. */
export async function seedDemo(
  store: Store,
  students: number,
  onProgress: (fraction: number, message: string) => void = () => {},
  seed = DEFAULT_SEED,
): Promise<void> {
  generateDemoDistrict(store.sqlite, { students, seed, onProgress });
  // The full pipeline, not just the flags: weekly features, anomalies, then indicators.
  await runPipeline(store, {
    mode: 'backfill',
    trigger: 'seed',
    onProgress: (fraction, message) => onProgress(fraction * 0.9, message),
  });
  await installAndScore(store, (fraction, message) => onProgress(0.9 + fraction * 0.1, message));
}

/**
 * The shipped default model, made active and used to score every week of the year, when the
 * registry is empty (a new demo district, or a database from before models existed).
 */
export async function installAndScore(
  store: Store,
  onProgress: (fraction: number, message: string) => void = () => {},
): Promise<boolean> {
  const installed = await installShippedModel(store.sqlite);
  if (!installed) return false;
  await scoreStudents(store, { mode: 'history', onProgress });
  return true;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  // The CLI's stdout carries results (JSON) that scripts parse; its messages go to stderr.
  const log =
    options.log ?? ((m: string) => (options.host === 'cli' ? console.error(m) : console.log(m)));
  const store = await openStore(databasePath(options.dataDir ?? defaultDataDir()), {
    ...(options.keyProtector ? { keyProtector: options.keyProtector } : {}),
  });
  const demoStudents = options.demoStudents ?? demoStudentsFromEnv();
  if (demoStudents > 0 && (await isEmpty(store))) {
    log(`First run: creating a demo district of ${demoStudents} students in ${store.path}`);
    let lastShown = -1;
    await seedDemo(store, demoStudents, (fraction, message) => {
      const pct = Math.floor(fraction * 10) * 10;
      if (pct !== lastShown) log(`  ${String(pct).padStart(3)}%  ${message}`);
      lastShown = pct;
    });
  }
  const core = bindCore(store, {
    host: options.host,
    dataDir: options.dataDir ?? defaultDataDir(),
    log,
  });
  // A database from before models existed gets the default model, scored in the background.
  if (!(await isEmpty(store)) && (await installShippedModel(store.sqlite))) {
    log('Installed the default risk model; scoring every student in the background.');
    core.jobs.start('score', { mode: 'history' });
  }
  if (!options.schedulePipeline) return core;
  const stopSchedule = await startPipelineSchedule(store, core.jobs, core.events, log);
  return {
    ...core,
    close: async () => {
      stopSchedule();
      await core.close();
    },
  };
}

/**
 * Everything around an open store that hosts share: events, sessions, the job runner (after
 * marking jobs a dead process left running as interrupted), upload staging and the router.
 */
export function bindCore(
  store: Store,
  options: { host: HostKind; dataDir: string; log?: (message: string) => void },
): Core {
  // The CLI's stdout carries results (JSON) that scripts parse; its messages go to stderr.
  const log =
    options.log ?? ((m: string) => (options.host === 'cli' ? console.error(m) : console.log(m)));
  const events = new CoreEvents();
  const sessions = new SessionRegistry();
  const jobs = new JobRunner(store, events);
  const interrupted = jobs.recoverInterrupted();
  if (interrupted > 0) log(`${interrupted} job(s) were interrupted when the app last stopped.`);
  const staging = new Staging(options.dataDir);
  staging.removeOld();
  const router = createRouter(
    { store, host: options.host, appVersion: APP_VERSION, sessions, jobs, staging, events },
    handlers,
    (m) => console.error(m),
  );
  return {
    store,
    router,
    events,
    sessions,
    jobs,
    close: async () => {
      await jobs.close();
      if (!flushAudit(store)) {
        log('Audit rows could not be written before closing: the database stayed locked.');
      }
      await store.close();
    },
  };
}
