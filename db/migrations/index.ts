/**
 * Static migration map: a bundled Electron app has no migration folder to scan,
 * so every migration is imported here by name. Names sort in the order they run;
 * the database's `user_version` is the count of migrations applied.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

/** The schema version this build writes: the count of migrations it knows. */
export const SCHEMA_VERSION = Object.keys(migrations).length;
