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
import { refreshIndicators } from '../indicators/refresh';
import { openStore, type Store } from '../store/open';
import { databasePath, dataDir as defaultDataDir } from '../store/paths';
import { CoreEvents } from './events';

export const APP_VERSION: string = pkg.version;

export interface CoreOptions {
  host: HostKind;
  dataDir?: string;
  /** Students in the demo district created when the database is empty; 0 leaves it empty. */
  demoStudents?: number;
  log?: (message: string) => void;
}

export interface Core {
  store: Store;
  router: Router;
  events: CoreEvents;
  sessions: SessionRegistry;
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
  onProgress(1, 'Computing early-warning flags…');
  await refreshIndicators(store);
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? ((m: string) => console.log(m));
  const store = await openStore(databasePath(options.dataDir ?? defaultDataDir()));
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
  const events = new CoreEvents();
  const sessions = new SessionRegistry();
  const router = createRouter(
    { store, host: options.host, appVersion: APP_VERSION, sessions },
    handlers,
  );
  return { store, router, events, sessions, close: () => store.close() };
}
