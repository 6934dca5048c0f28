import type { ModelVersionDetail, ModelVersionView } from '../api/contract';
import { ApiError } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { writeAudit } from '../audit/log';
import { requireRole } from '../auth/roles';
import type { ModelVersionTable } from '../../db/schema';
import { cardMarkdown, cardPdf } from './card';
import { featureSpec, type FeatureSchema } from './features';
import type { ModelMetrics } from './metrics';
import { ModelRejected, RiskSession } from '../risk/session';
import {
  activateModel,
  comparisonOf,
  loadModelVersion,
  RegistryRefusal,
  rollbackModel,
} from './registry';
import { statusNoteOf } from './status-notes';

/** Reading model versions and their cards: admins. Changing them: district admins. */
const READERS = ['school_admin', 'district_admin'] as const;
const OWNERS = ['district_admin'] as const;

type Row = Omit<ModelVersionTable, 'onnx'>;
const COLUMNS = `id, name, kind, status, origin, onnx_sha256, feature_schema_json, training_json,
  metrics_json, card_json, holdout_key, status_note, job_id, created_by, created_at,
  activated_at, retired_at`;

function toView(r: Row): ModelVersionView {
  const m = JSON.parse(r.metrics_json) as Partial<ModelMetrics>;
  const o = m.overall;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    origin: r.origin,
    createdAt: r.created_at,
    activatedAt: r.activated_at,
    retiredAt: r.retired_at,
    metrics: {
      auc: o?.auc ?? null,
      prAuc: o?.prAuc ?? null,
      flagRate: m.flagRate ?? 0.1,
      precisionAtRate: o?.precision ?? null,
      recallAtRate: o?.recall ?? null,
      brier: o?.brier ?? null,
      holdoutExamples: o?.n ?? 0,
    },
    comparison: comparisonOf(r.metrics_json),
    statusNote: statusNoteOf(r.status_note),
  };
}

function load(ctx: Parameters<HandlerMap['models.get']>[1], id: string): Row {
  const row = ctx.store.sqlite
    .prepare(`SELECT ${COLUMNS} FROM model_versions WHERE id = ?`)
    .get(id) as Row | undefined;
  if (!row) throw new ApiError('not_found', 'There is no such model version.');
  return row;
}

function refusal(error: unknown): never {
  if (error instanceof RegistryRefusal) throw new ApiError('invalid_input', error.message);
  throw error;
}

export const modelHandlers: Pick<
  HandlerMap,
  | 'models.list'
  | 'models.get'
  | 'models.card'
  | 'models.train'
  | 'models.activate'
  | 'models.rollback'
> = {
  'models.list'(_input, ctx) {
    requireRole(ctx, READERS, 'see model versions');
    const rows = ctx.store.sqlite
      .prepare(`SELECT ${COLUMNS} FROM model_versions ORDER BY created_at DESC, id DESC`)
      .all() as Row[];
    return {
      models: rows.map(toView),
      activeId: rows.find((r) => r.status === 'active')?.id ?? null,
    };
  },

  'models.get'(input, ctx) {
    requireRole(ctx, READERS, 'see model versions');
    const row = load(ctx, input.modelId);
    const card = JSON.parse(row.card_json) as Record<string, unknown>;
    const metrics = JSON.parse(row.metrics_json) as ModelMetrics;
    const schema = JSON.parse(row.feature_schema_json) as FeatureSchema;
    const detail: ModelVersionDetail = {
      ...toView(row),
      card,
      baselines: ((card.baselines as ModelVersionDetail['baselines'] | undefined) ?? []).map(
        (b) => ({
          name: b.name,
          auc: b.auc,
          precisionAtRate: b.precisionAtRate,
          recallAtRate: b.recallAtRate,
        }),
      ),
      // A group under the size to judge is named but shows no numbers: with a handful of
      // students, its counts and rates could identify them.
      subgroups: (metrics.subgroups ?? []).map((g) => ({
        attribute: g.attribute,
        group: g.group,
        n: g.tooSmall ? null : g.n,
        positives: g.tooSmall ? null : g.positives,
        auc: g.tooSmall ? null : g.auc,
        precision: g.tooSmall ? null : g.precision,
        recall: g.tooSmall ? null : g.recall,
        falsePositiveRate: g.tooSmall ? null : g.falsePositiveRate,
        falseNegativeRate: g.tooSmall ? null : g.falseNegativeRate,
        small: g.tooSmall,
      })),
      calibration: (metrics.overall?.calibration ?? []).map((b) => ({
        from: b.from,
        to: b.to,
        predicted: b.meanPredicted ?? 0,
        observed: b.observedRate,
        n: b.count,
      })),
      features: schema.keys.map((key) => ({ key, label: featureSpec(key)?.label ?? key })),
    };
    return detail;
  },

  async 'models.card'(input, ctx) {
    const session = requireRole(ctx, READERS, 'download model cards');
    const row = load(ctx, input.modelId);
    const card = JSON.parse(row.card_json) as Record<string, unknown>;
    const base = `sightline-model-card-${row.created_at}`;
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: 'export.model_card',
      entityType: 'model_version',
      entityId: row.id,
      detail: { format: input.format },
    });
    if (input.format === 'markdown') {
      return { fileName: `${base}.md`, mimeType: 'text/markdown', content: cardMarkdown(card) };
    }
    const pdf = await cardPdf(card);
    return {
      fileName: `${base}.pdf`,
      mimeType: 'application/pdf',
      content: pdf.toString('base64'),
    };
  },

  'models.train'(_input, ctx) {
    const session = requireRole(ctx, OWNERS, 'train models');
    const jobId = ctx.jobs.start('train', { requestedBy: session.staff.id }, session.staff.id);
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: 'model.train',
      entityType: 'job',
      entityId: jobId,
    });
    return { jobId };
  },

  async 'models.activate'(input, ctx) {
    const session = requireRole(ctx, OWNERS, 'activate models');
    await checkLoads(ctx, input.modelId);
    try {
      activateModel(ctx.store.sqlite, input.modelId, input.note || null);
    } catch (error) {
      refusal(error);
    }
    rescore(ctx, input.modelId, session.staff.id);
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: 'model.activate',
      entityType: 'model_version',
      entityId: input.modelId,
      detail: { note: input.note },
    });
    return { activeId: input.modelId };
  },

  'models.rollback'(input, ctx) {
    const session = requireRole(ctx, OWNERS, 'roll back models');
    let activeId: string;
    try {
      activeId = rollbackModel(ctx.store.sqlite, input.note || null);
    } catch (error) {
      refusal(error);
    }
    rescore(ctx, activeId, session.staff.id);
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: 'model.rollback',
      entityType: 'model_version',
      entityId: activeId,
      detail: { note: input.note },
    });
    return { activeId };
  },
};

/**
 * Scores everyone with the newly active model: its whole history the first time (so the
 * risk history chart has one line), only the latest week when it has scored before.
 */
function rescore(ctx: Parameters<HandlerMap['models.get']>[1], modelId: string, staffId: string) {
  const scored = ctx.store.sqlite
    .prepare('SELECT 1 FROM predictions WHERE model_version_id = ? LIMIT 1')
    .get(modelId);
  ctx.jobs.start('score', { mode: scored ? 'latest' : 'history', modelId }, staffId);
}

/**
 * A model must load and score a probe batch before it is trusted; one that does not is marked
 * rejected with the reason, and the active model stays.
 */
async function checkLoads(ctx: Parameters<HandlerMap['models.get']>[1], modelId: string) {
  const model = loadModelVersion(ctx.store.sqlite, modelId);
  if (!model) throw new ApiError('not_found', 'There is no such model version.');
  try {
    await (await RiskSession.load(model.onnx, model.schema)).release();
  } catch (error) {
    if (!(error instanceof ModelRejected)) throw error;
    ctx.store.sqlite
      .prepare(
        "UPDATE model_versions SET status = 'rejected', status_note = ? WHERE id = ? AND status != 'active'",
      )
      .run(error.message, modelId);
    throw new ApiError(
      'invalid_input',
      `${model.name} was rejected: ${error.message} The active model is unchanged.`,
    );
  }
}
