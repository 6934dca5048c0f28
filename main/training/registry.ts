/**
 * The model registry (`model_versions`): every trained or shipped model with its ONNX bytes,
 * feature schema, holdout metrics and card. At most one is active. A candidate becomes active
 * only when it beat the active model on the same holdout; rolling back re-activates the model
 * that was active before, in one transaction.
 */
import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { ModelKind, ModelOrigin, ModelStatus, ModelVersionTable } from '../../db/schema';
import type { FeatureSchema } from './features';

export interface LoadedModel {
  id: string;
  name: string;
  kind: ModelKind;
  status: ModelStatus;
  onnx: Uint8Array;
  schema: FeatureSchema;
}

/** How a candidate did against the model that was active when it was trained. */
export interface Comparison {
  activeId: string;
  activeAuc: number | null;
  activePrecisionAtRate: number | null;
  beatsActive: boolean;
}

export class RegistryRefusal extends Error {
  override readonly name = 'RegistryRefusal';
}

type ModelRow = ModelVersionTable;

export function loadModelVersion(sqlite: SQLite.Database, id: string | null): LoadedModel | null {
  const row = (
    id
      ? sqlite.prepare('SELECT * FROM model_versions WHERE id = ?').get(id)
      : sqlite.prepare("SELECT * FROM model_versions WHERE status = 'active'").get()
  ) as ModelRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    onnx: new Uint8Array(row.onnx),
    schema: JSON.parse(row.feature_schema_json) as FeatureSchema,
  };
}

export interface NewModelVersion {
  name: string;
  kind: ModelKind;
  origin: ModelOrigin;
  onnx: Uint8Array;
  schema: FeatureSchema;
  training: Record<string, unknown>;
  metrics: Record<string, unknown>;
  card: Record<string, unknown>;
  holdoutKey: string;
  comparison: Comparison | null;
  statusNote?: string | null;
  jobId?: string | null;
  createdBy?: string | null;
  createdAt?: number;
}

export function insertModelVersion(sqlite: SQLite.Database, model: NewModelVersion): string {
  const id = uuidv7();
  sqlite
    .prepare(
      `INSERT INTO model_versions (id, name, kind, status, origin, onnx, onnx_sha256,
         feature_schema_json, training_json, metrics_json, card_json, holdout_key, status_note,
         job_id, created_by, created_at)
       VALUES (?, ?, ?, 'candidate', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      model.name,
      model.kind,
      model.origin,
      Buffer.from(model.onnx),
      createHash('sha256').update(model.onnx).digest('hex'),
      JSON.stringify(model.schema),
      JSON.stringify(model.training),
      JSON.stringify({ ...model.metrics, comparison: model.comparison }),
      JSON.stringify(model.card),
      model.holdoutKey,
      model.statusNote ?? null,
      model.jobId ?? null,
      model.createdBy ?? null,
      model.createdAt ?? Date.now(),
    );
  return id;
}

export function comparisonOf(metricsJson: string): Comparison | null {
  return (JSON.parse(metricsJson) as { comparison?: Comparison | null }).comparison ?? null;
}

/**
 * Makes a candidate (or a retired model) the active one. Refused when a candidate did not beat
 * the model active when it was trained, or when the active model changed since (compare
 * again by training again).
 */
export function activateModel(sqlite: SQLite.Database, id: string, note: string | null): void {
  sqlite.transaction(() => {
    const row = sqlite
      .prepare('SELECT id, status, metrics_json, name FROM model_versions WHERE id = ?')
      .get(id) as Pick<ModelRow, 'id' | 'status' | 'metrics_json' | 'name'> | undefined;
    if (!row) throw new RegistryRefusal('There is no such model version.');
    if (row.status === 'active') return;
    if (row.status === 'rejected') {
      throw new RegistryRefusal('This model was rejected when it was checked and cannot be used.');
    }
    const active = sqlite
      .prepare("SELECT id FROM model_versions WHERE status = 'active'")
      .pluck()
      .get() as string | undefined;
    const comparison = comparisonOf(row.metrics_json);
    if (row.status === 'candidate' && active) {
      if (!comparison || comparison.activeId !== active) {
        throw new RegistryRefusal(
          `${row.name} was not compared with the model active now. Train again to compare them on the same holdout.`,
        );
      }
      if (!comparison.beatsActive) {
        throw new RegistryRefusal(
          `${row.name} did not beat the active model on the same holdout (AUC and precision at the flag rate), so it stays a candidate.`,
        );
      }
    }
    const now = Date.now();
    sqlite
      .prepare(
        "UPDATE model_versions SET status = 'retired', retired_at = ? WHERE status = 'active'",
      )
      .run(now);
    sqlite
      .prepare(
        `UPDATE model_versions SET status = 'active', activated_at = ?, retired_at = NULL,
           previous_active_id = ?, status_note = coalesce(?, status_note) WHERE id = ?`,
      )
      .run(now, active ?? null, note || null, id);
  })();
}

/**
 * Re-activates the model that was active before the current one (keeping where that one would
 * roll back to, so rolling back again walks further back); returns its id.
 */
export function rollbackModel(sqlite: SQLite.Database, note: string | null): string {
  return sqlite.transaction(() => {
    const current = sqlite
      .prepare("SELECT id, previous_active_id FROM model_versions WHERE status = 'active'")
      .get() as { id: string; previous_active_id: string | null } | undefined;
    if (!current) {
      throw new RegistryRefusal('No model is active, so there is nothing to roll back.');
    }
    // The model that was active before this one, as long as it can still be used.
    const previous = current.previous_active_id
      ? (sqlite
          .prepare("SELECT id FROM model_versions WHERE id = ? AND status = 'retired'")
          .pluck()
          .get(current.previous_active_id) as string | undefined)
      : undefined;
    if (!previous) {
      throw new RegistryRefusal(
        'No earlier model was active before this one, so there is none to go back to.',
      );
    }
    const now = Date.now();
    sqlite
      .prepare(
        "UPDATE model_versions SET status = 'retired', retired_at = ?, status_note = coalesce(?, status_note) WHERE id = ?",
      )
      .run(now, note ? `Rolled back: ${note}` : 'Rolled back.', current.id);
    sqlite
      .prepare(
        "UPDATE model_versions SET status = 'active', activated_at = ?, retired_at = NULL WHERE id = ?",
      )
      .run(now, previous);
    return previous;
  })();
}
