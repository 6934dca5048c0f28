/**
 * Static migration map: a bundled Electron app has no migration folder to scan,
 * so every migration is imported here by name. Names sort in the order they run;
 * the database's `user_version` is the count of migrations applied.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_imports';
import * as m0003 from './0003_features';
import * as m0004 from './0004_risk';
import * as m0005 from './0005_model_inputs';
import * as m0006 from './0006_interventions';
import * as m0007 from './0007_overview_aggregates';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_imports': m0002,
  '0003_features': m0003,
  '0004_risk': m0004,
  '0005_model_inputs': m0005,
  '0006_interventions': m0006,
  '0007_overview_aggregates': m0007,
};

/** The schema version this build writes: the count of migrations it knows. */
export const SCHEMA_VERSION = Object.keys(migrations).length;
