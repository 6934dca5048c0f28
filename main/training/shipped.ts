/**
 * The default model that ships in `models/default/`: trained on the demo district by
 * `npm run cli -- train --demo 2000 --out models/default` (reproducible: the demo district and
 * the training are both seeded). A database without any model gets it as its active model, so
 * scores appear before a district has trained its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import type { ModelKind } from '../../db/schema';
import { RiskSession } from '../risk/session';
import type { FeatureSchema } from './features';
import { cardMarkdown } from './card';
import { activateModel, insertModelVersion } from './registry';
import { STATUS_NOTES } from './status-notes';

export interface ShippedVersion {
  name: string;
  kind: ModelKind;
  schema: FeatureSchema;
  training: Record<string, unknown>;
  metrics: Record<string, unknown>;
  card: Record<string, unknown>;
  holdoutKey: string;
  createdAt: number;
}

/** The checkout (or packaged app) folder holding package.json, found from this file. */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
}

export function shippedModelDir(): string {
  return (
    process.env.SIGHTLINE_MODEL_DIR ??
    path.join(projectRoot(import.meta.dirname), 'models', 'default')
  );
}

/** Writes a registry row as the shipped model: ONNX file, version JSON, Markdown card. */
export function writeShippedModel(sqlite: SQLite.Database, modelId: string, dir: string): void {
  const row = sqlite.prepare('SELECT * FROM model_versions WHERE id = ?').get(modelId) as {
    name: string;
    kind: ModelKind;
    onnx: Buffer;
    feature_schema_json: string;
    training_json: string;
    metrics_json: string;
    card_json: string;
    holdout_key: string;
    created_at: number;
  };
  // A comparison names a model of the training database, which the shipped copy will not have.
  const metrics = JSON.parse(row.metrics_json) as Record<string, unknown>;
  delete metrics.comparison;
  const version: ShippedVersion = {
    name: row.name,
    kind: row.kind,
    schema: JSON.parse(row.feature_schema_json) as FeatureSchema,
    training: JSON.parse(row.training_json) as Record<string, unknown>,
    metrics,
    card: JSON.parse(row.card_json) as Record<string, unknown>,
    holdoutKey: row.holdout_key,
    createdAt: row.created_at,
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'model.onnx'), row.onnx);
  fs.writeFileSync(path.join(dir, 'version.json'), `${JSON.stringify(version, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'MODEL_CARD.md'), cardMarkdown(version.card));
}

/**
 * Installs and activates the shipped model when the registry is empty; returns its id, or null
 * when there was already a model (or no shipped model to install). The files are checked like
 * any other model before they are trusted.
 */
export async function installShippedModel(
  sqlite: SQLite.Database,
  dir = shippedModelDir(),
): Promise<string | null> {
  const any = sqlite.prepare('SELECT 1 FROM model_versions LIMIT 1').get();
  if (any) return null;
  const onnxFile = path.join(dir, 'model.onnx');
  const versionFile = path.join(dir, 'version.json');
  if (!fs.existsSync(onnxFile) || !fs.existsSync(versionFile)) return null;
  const onnx = new Uint8Array(fs.readFileSync(onnxFile));
  const version = JSON.parse(fs.readFileSync(versionFile, 'utf8')) as ShippedVersion;
  const session = await RiskSession.load(onnx, version.schema);
  await session.release();
  // One transaction: a crash between the two would leave a model that is never activated.
  return sqlite.transaction(() => {
    const id = insertModelVersion(sqlite, {
      name: version.name,
      kind: version.kind,
      origin: 'shipped',
      onnx,
      schema: version.schema,
      training: version.training,
      metrics: version.metrics,
      card: version.card,
      holdoutKey: version.holdoutKey,
      comparison: null,
      statusNote: STATUS_NOTES.shipped,
      createdAt: version.createdAt,
    });
    activateModel(sqlite, id, null);
    return id;
  })();
}
