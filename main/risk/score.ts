/**
 * Scores students with a risk model: reads their weekly features, runs the ONNX model in
 * batches, cuts tiers at the district's flag rates, explains every moderate- and high-tier
 * score by occlusion, and writes `predictions` (and, for the active model, `student_risk`) in
 * one transaction with its `risk_runs` row. Runs in a job worker or the CLI, never on the host's
 * event loop. A crash leaves the previous scores in place and the run marked interrupted.
 */
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { IsoDate, RiskFactor, RiskTier } from '../../db/schema';
import type { Store } from '../store/open';
import type { FeatureRow, FeatureSchema, SequenceBatch } from '../training/features';
import {
  decodeInputs,
  inputsCurrent,
  rebuildModelInputs,
  schemaIndexes,
} from '../training/model-inputs';
import { loadModelVersion, type LoadedModel } from '../training/registry';
import { explainScore } from './explain';
import { RiskSession } from './session';
import { loadTierRates, tierCuts, tierOf, type TierCuts } from './tiers';

export const SCORE_BATCH = 1024;

export interface ScoreOptions {
  /** 'latest': the last week with features (after each pipeline run); 'history': every week. */
  mode: 'latest' | 'history';
  /** Defaults to the active model. */
  modelId?: string;
  jobId?: string | null;
  onProgress?: (fraction: number, message: string) => void;
  isCancelled?: () => boolean;
}

export interface ScoreSummary {
  runId: string;
  modelVersionId: string;
  status: 'succeeded' | 'cancelled';
  weekStart: IsoDate | null;
  weeks: number;
  students: number;
  rowsWritten: number;
  cuts: TierCuts | null;
  timings: { readMs: number; scoreMs: number; explainMs: number; writeMs: number };
}

export class ScoringCancelled extends Error {
  override readonly name = 'ScoringCancelled';
}

interface Scored {
  studentId: string;
  weekStart: IsoDate;
  /** The student's weeks up to and including the scored week (at most `weeks`), oldest first. */
  weeks: IsoDate[];
  /** Their raw inputs (model_inputs order), same length and order as `weeks`. */
  vectors: Float32Array[];
  score: number;
  attention: number[] | null;
  factors: RiskFactor[];
  tier: RiskTier;
}

/** Null when there is no model to score with (none active and none named). */
export async function scoreStudents(
  store: Store,
  options: ScoreOptions,
): Promise<ScoreSummary | null> {
  const { sqlite } = store;
  const model = loadModelVersion(sqlite, options.modelId ?? null);
  if (!model) return null;
  const runId = uuidv7();
  const startedAt = Date.now();
  sqlite
    .prepare(
      `INSERT INTO risk_runs (id, job_id, model_version_id, status, started_at)
       VALUES (?, ?, ?, 'running', ?)`,
    )
    .run(runId, options.jobId ?? null, model.id, startedAt);
  const progress = options.onProgress ?? (() => {});
  const check = () => {
    if (options.isCancelled?.()) throw new ScoringCancelled();
  };
  const finish = (status: string, fields: Partial<Record<string, unknown>> = {}) =>
    sqlite
      .prepare(
        `UPDATE risk_runs SET status = ?, week_start = ?, weeks = ?, students = ?,
           rows_written = ?, error = ?, finished_at = ? WHERE id = ?`,
      )
      .run(
        status,
        fields.weekStart ?? null,
        fields.weeks ?? 0,
        fields.students ?? 0,
        fields.rowsWritten ?? 0,
        fields.error ?? null,
        Date.now(),
        runId,
      );

  let session: RiskSession | null = null;
  try {
    session = await RiskSession.load(model.onnx, model.schema);
    if (!inputsCurrent(sqlite)) {
      rebuildModelInputs(sqlite, (fraction) =>
        progress(0.02 * fraction, 'Preparing model inputs (once after an upgrade)…'),
      );
    }
    progress(0.02, 'Reading weekly features…');
    const t0 = performance.now();
    const { groups, weeks, latest } = readSequences(store, model.schema, options.mode);
    const readMs = performance.now() - t0;
    check();
    if (!latest || groups.length === 0) {
      finish('succeeded');
      return summary('succeeded', null, 0, 0, 0, null, {
        readMs,
        scoreMs: 0,
        explainMs: 0,
        writeMs: 0,
      });
    }

    // Scores, batch by batch.
    const t1 = performance.now();
    const indexes = schemaIndexes(model.schema);
    for (let start = 0; start < groups.length; start += SCORE_BATCH) {
      check();
      const slice = groups.slice(start, start + SCORE_BATCH);
      const batch = toBatch(slice, model.schema, indexes);
      const { risk, attention } = await session.run(batch);
      slice.forEach((g, i) => {
        g.score = risk[i]!;
        if (attention && g.weekStart === latest) {
          g.attention = Array.from(attention.subarray(i * batch.weeks, (i + 1) * batch.weeks));
        }
      });
      progress(0.05 + 0.55 * ((start + slice.length) / groups.length), 'Scoring students…');
    }
    const scoreMs = performance.now() - t1;

    // Tiers per week, from that week's own distribution of scores.
    const rates = loadTierRates(sqlite);
    const byWeek = new Map<IsoDate, Scored[]>();
    for (const g of groups) {
      const list = byWeek.get(g.weekStart);
      if (list) list.push(g);
      else byWeek.set(g.weekStart, [g]);
    }
    let latestCuts: TierCuts | null = null;
    for (const [week, list] of byWeek) {
      const cuts = tierCuts(
        list.map((g) => g.score),
        rates,
      );
      if (week === latest) latestCuts = cuts;
      for (const g of list) g.tier = tierOf(g.score, cuts);
    }

    // Reasons for the latest week's moderate and high tiers.
    const t2 = performance.now();
    const flagged = (byWeek.get(latest) ?? []).filter((g) => g.tier !== 'low');
    const courseOf = courseNames(store);
    await explain(store, session, model.schema, indexes, flagged, courseOf, check, (done) =>
      progress(0.6 + 0.3 * (done / Math.max(1, flagged.length)), 'Explaining scores…'),
    );
    const explainMs = performance.now() - t2;
    check();

    progress(0.92, 'Saving scores…');
    const t3 = performance.now();
    const dataAsOf = dataDate(store, latest);
    const rowsWritten = write(store, model, runId, groups, latest, dataAsOf);
    const writeMs = performance.now() - t3;
    const students = byWeek.get(latest)?.length ?? 0;
    finish('succeeded', { weekStart: latest, weeks, students, rowsWritten });
    progress(1, `Scored ${students.toLocaleString('en-US')} students.`);
    return summary('succeeded', latest, weeks, students, rowsWritten, latestCuts, {
      readMs,
      scoreMs,
      explainMs,
      writeMs,
    });
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (error instanceof ScoringCancelled) {
      finish('cancelled');
      return summary('cancelled', null, 0, 0, 0, null, {
        readMs: 0,
        scoreMs: 0,
        explainMs: 0,
        writeMs: 0,
      });
    }
    finish('failed', { error: (error as Error).message });
    throw error;
  } finally {
    await session?.release();
  }

  function summary(
    status: ScoreSummary['status'],
    weekStart: IsoDate | null,
    weeks: number,
    students: number,
    rowsWritten: number,
    cuts: TierCuts | null,
    timings: ScoreSummary['timings'],
  ): ScoreSummary {
    return {
      runId,
      modelVersionId: model!.id,
      status,
      weekStart,
      weeks,
      students,
      rowsWritten,
      cuts,
      timings,
    };
  }
}

/**
 * Every (student, week) to score with the student's inputs up to that week. "latest" scores
 * the students who have a row in the last week with features (the currently enrolled).
 */
function readSequences(store: Store, schema: FeatureSchema, mode: ScoreOptions['mode']) {
  const { sqlite } = store;
  const latest = scoringWeek(sqlite);
  if (!latest) return { groups: [] as Scored[], weeks: 0, latest: null };
  // A student's last `weeks` rows may reach back over a break week.
  const from =
    mode === 'latest'
      ? (sqlite
          .prepare(`SELECT date(?, '-' || ? || ' days')`)
          .pluck()
          .get(latest, 7 * schema.weeks) as IsoDate)
      : '0000-01-01';
  // In key order (week, then student): each student's weeks arrive oldest first.
  const byStudent = new Map<string, { weeks: IsoDate[]; vectors: Float32Array[] }>();
  const rows = sqlite
    .prepare('SELECT week_start, student_id, features FROM model_inputs WHERE week_start >= ?')
    .raw()
    .iterate(from) as IterableIterator<[IsoDate, string, Buffer]>;
  for (const [week, student, blob] of rows) {
    let entry = byStudent.get(student);
    if (!entry) byStudent.set(student, (entry = { weeks: [], vectors: [] }));
    entry.weeks.push(week);
    entry.vectors.push(decodeInputs(blob));
  }
  const groups: Scored[] = [];
  const weekSet = new Set<IsoDate>();
  const group = (studentId: string, weeks: IsoDate[], vectors: Float32Array[]): Scored => ({
    studentId,
    weekStart: weeks[weeks.length - 1]!,
    weeks,
    vectors,
    score: 0,
    attention: null,
    factors: [],
    tier: 'low',
  });
  for (const [studentId, entry] of byStudent) {
    const n = entry.weeks.length;
    if (mode === 'latest') {
      if (entry.weeks[n - 1] !== latest) continue;
      weekSet.add(latest);
      const from = Math.max(0, n - schema.weeks);
      groups.push(group(studentId, entry.weeks.slice(from), entry.vectors.slice(from)));
    } else {
      for (let i = 0; i < n; i++) {
        const from = Math.max(0, i + 1 - schema.weeks);
        weekSet.add(entry.weeks[i]!);
        groups.push(
          group(studentId, entry.weeks.slice(from, i + 1), entry.vectors.slice(from, i + 1)),
        );
      }
    }
  }
  return { groups, weeks: weekSet.size, latest };
}

/**
 * The week to score: the one holding the last completed pipeline run's data date. A run that
 * was cancelled or killed part-way may have written a newer week for some students only;
 * scoring that week would drop everyone else's score and cut tiers on a fraction of them.
 */
function scoringWeek(sqlite: SQLiteDatabase): IsoDate | null {
  const asOf = sqlite
    .prepare(
      `SELECT as_of FROM pipeline_runs WHERE status = 'succeeded' AND as_of IS NOT NULL
       ORDER BY finished_at DESC LIMIT 1`,
    )
    .pluck()
    .get() as IsoDate | undefined;
  // The Monday of the data date's week.
  const week = asOf
    ? (sqlite
        .prepare(`SELECT date(?, '-' || ((strftime('%w', ?) + 6) % 7) || ' days')`)
        .pluck()
        .get(asOf, asOf) as IsoDate)
    : null;
  const newest = sqlite
    .prepare('SELECT max(week_start) FROM model_inputs')
    .pluck()
    .get() as IsoDate | null;
  if (!week || !newest) return newest;
  return week < newest ? week : newest;
}

/**
 * The model input for some groups: standardised with the model's own means and spreads,
 * missing values at the mean (0), left-padded to the model's weeks.
 */
function toBatch(
  groups: readonly Scored[],
  schema: FeatureSchema,
  indexes: Int32Array,
): SequenceBatch {
  const { weeks } = schema;
  const f = indexes.length;
  const x = new Float32Array(groups.length * weeks * f);
  const mask = new Float32Array(groups.length * weeks);
  groups.forEach((g, s) => {
    const pad = weeks - g.vectors.length;
    g.vectors.forEach((v, j) => {
      const t = pad + j;
      mask[s * weeks + t] = 1;
      const base = (s * weeks + t) * f;
      for (let i = 0; i < f; i++) {
        const raw = v[indexes[i]!]!;
        x[base + i] = Number.isNaN(raw) ? 0 : (raw - schema.means[i]!) / schema.stds[i]!;
      }
    });
  });
  return { x, mask, n: groups.length, weeks, features: f };
}

/**
 * Occlusion: each feature in turn set to the training average (0 once standardised) in every
 * week; how far the score's log-odds fall is how much the student's own value raised it.
 */
async function explain(
  store: Store,
  session: RiskSession,
  schema: FeatureSchema,
  indexes: Int32Array,
  flagged: Scored[],
  courseOf: (sectionId: string) => string | undefined,
  check: () => void,
  onDone: (done: number) => void,
): Promise<void> {
  const f = schema.keys.length;
  const perBatch = Math.max(1, Math.floor(SCORE_BATCH / f));
  // The sentences quote the student's own rows: the scored week and four weeks before.
  const readRow = store.sqlite.prepare(
    'SELECT * FROM student_features WHERE student_id = ? AND week_start = ?',
  );
  for (let start = 0; start < flagged.length; start += perBatch) {
    check();
    const slice = flagged.slice(start, start + perBatch);
    const base = toBatch(slice, schema, indexes);
    const stride = base.weeks * f;
    const x = new Float32Array(slice.length * f * stride);
    const mask = new Float32Array(slice.length * f * base.weeks);
    for (let s = 0; s < slice.length; s++) {
      const seq = base.x.subarray(s * stride, (s + 1) * stride);
      const seqMask = base.mask.subarray(s * base.weeks, (s + 1) * base.weeks);
      for (let k = 0; k < f; k++) {
        const at = s * f + k;
        x.set(seq, at * stride);
        mask.set(seqMask, at * base.weeks);
        for (let t = 0; t < base.weeks; t++) x[at * stride + t * f + k] = 0;
      }
    }
    const { risk } = await session.run({
      x,
      mask,
      n: slice.length * f,
      weeks: base.weeks,
      features: f,
    });
    slice.forEach((g, s) => {
      const deltas = schema.keys.map((feature, k) => ({
        feature,
        delta: logit(g.score) - logit(risk[s * f + k]!),
      }));
      const weekNow = g.weeks[g.weeks.length - 1]!;
      const weekBefore = g.weeks.length > 4 ? g.weeks[g.weeks.length - 5]! : null;
      const row = readRow.get(g.studentId, weekNow) as FeatureRow;
      const before = weekBefore
        ? ((readRow.get(g.studentId, weekBefore) as FeatureRow) ?? null)
        : null;
      g.factors = explainScore(deltas, row, before, courseOf);
    });
    onDone(start + slice.length);
  }
}

function weekEnd(weekStart: IsoDate): IsoDate {
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** Log-odds, clamped so a score of exactly 0 or 1 stays finite. */
function logit(p: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return Math.log(q / (1 - q));
}

function courseNames(store: Store): (sectionId: string) => string | undefined {
  const names = new Map(
    (
      store.sqlite
        .prepare('SELECT s.id, c.title FROM sections s JOIN courses c ON c.id = s.course_id')
        .all() as { id: string; title: string }[]
    ).map((r) => [r.id, r.title]),
  );
  return (id) => names.get(id);
}

/** The data date the features were computed from (the last pipeline run's), else the week's end. */
function dataDate(store: Store, latest: IsoDate): IsoDate {
  const asOf = store.sqlite
    .prepare(
      `SELECT as_of FROM pipeline_runs WHERE status = 'succeeded' AND as_of IS NOT NULL
       ORDER BY finished_at DESC LIMIT 1`,
    )
    .pluck()
    .get() as IsoDate | undefined;
  if (asOf && asOf >= latest) return asOf;
  return store.sqlite.prepare(`SELECT date(?, '+6 days')`).pluck().get(latest) as IsoDate;
}

function write(
  store: Store,
  model: LoadedModel,
  runId: string,
  groups: Scored[],
  latest: IsoDate,
  dataAsOf: IsoDate,
): number {
  const { sqlite } = store;
  const now = Date.now();
  const insert = sqlite.prepare(
    `INSERT OR REPLACE INTO predictions (model_version_id, student_id, week_start, score, tier,
       factors_json, attention_json, data_as_of, run_id, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const previous = sqlite.prepare(
    `SELECT score, tier FROM predictions WHERE model_version_id = ? AND student_id = ?
       AND week_start < ? ORDER BY week_start DESC LIMIT 1`,
  );
  const current = sqlite.prepare(
    `INSERT INTO student_risk (student_id, model_version_id, week_start, score, tier,
       previous_score, previous_tier, factors_json, data_as_of, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (const g of groups) {
      const attention =
        g.attention &&
        JSON.stringify(
          // Pair each weight with its week; padding before the student's first week is left out.
          g.weeks.map((week, i) => [
            week,
            Math.round(g.attention![g.attention!.length - g.weeks.length + i]! * 1e4) / 1e4,
          ]),
        );
      insert.run(
        model.id,
        g.studentId,
        g.weekStart,
        g.score,
        g.tier,
        JSON.stringify(g.factors),
        attention,
        // A past week's score was computed from data up to that week's end.
        g.weekStart === latest ? dataAsOf : weekEnd(g.weekStart),
        runId,
        now,
      );
    }
    // Read again under the write lock: an activation or rollback since this run loaded the
    // model must not be overwritten with a retired model's scores.
    const activeNow = sqlite
      .prepare("SELECT 1 FROM model_versions WHERE id = ? AND status = 'active'")
      .get(model.id);
    if (activeNow) {
      sqlite.exec('DELETE FROM student_risk');
      for (const g of groups) {
        if (g.weekStart !== latest) continue;
        const prev = previous.get(model.id, g.studentId, latest) as
          { score: number; tier: RiskTier } | undefined;
        current.run(
          g.studentId,
          model.id,
          latest,
          g.score,
          g.tier,
          prev?.score ?? null,
          prev?.tier ?? null,
          JSON.stringify(g.factors),
          dataAsOf,
          now,
        );
      }
    }
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
  return groups.length;
}
