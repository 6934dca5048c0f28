/**
 * Scores students with a risk model: reads their weekly model inputs a week at a time, runs the
 * ONNX model in batches, cuts tiers at the district's flag rates, explains every moderate- and
 * high-tier score by occlusion, and writes `predictions` (and, for the active model,
 * `student_risk`) in one transaction with its `risk_runs` row. Runs in a job worker or the CLI,
 * never on the host's event loop. A crash leaves the previous scores in place and the run
 * marked interrupted.
 */
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { IsoDate, RiskFactor, RiskTier } from '../../db/schema';
import type { Store } from '../store/open';
import { FEATURE_KEYS, type FeatureSchema, type SequenceBatch } from '../training/features';
import {
  inputsCurrent,
  readInputWeeks,
  rebuildModelInputs,
  schemaIndexes,
} from '../training/model-inputs';
import { loadModelVersion, type LoadedModel } from '../training/registry';
import { explainScore, occlusionDeltas, type SectionGrade, type StudentWeek } from './explain';
import { RiskSession } from './session';
import { loadTierRates, tierCuts, tierOf, type TierCuts } from './tiers';

/** Students per ONNX run. */
export const SCORE_BATCH = 2048;

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
  /** Inside the job: model and ONNX session loaded, then the four steps. */
  timings: {
    setupMs: number;
    readMs: number;
    scoreMs: number;
    explainMs: number;
    writeMs: number;
  };
}

export class ScoringCancelled extends Error {
  override readonly name = 'ScoringCancelled';
}

interface Scored {
  studentId: string;
  /** The student's index in Inputs.slots. */
  student: number;
  weekStart: IsoDate;
  /**
   * The student's weeks up to and including the scored week (at most the model's weeks), oldest
   * first, as indexes into Inputs.weeks.
   */
  span: number[];
  score: number;
  /** Over the model's weeks, padding first; kept for the scoring week's scores only. */
  attention: Float32Array | null;
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
    const tSetup = performance.now();
    session = await RiskSession.load(model.onnx, model.schema);
    if (!inputsCurrent(sqlite)) {
      rebuildModelInputs(sqlite, (fraction) =>
        progress(0.02 * fraction, 'Preparing model inputs (once after an upgrade)…'),
      );
    }
    const setupMs = performance.now() - tSetup;
    progress(0.02, 'Reading weekly features…');
    const t0 = performance.now();
    const { groups, inputs, weeks, latest } = readSequences(store, model.schema, options.mode);
    const readMs = performance.now() - t0;
    check();
    if (!latest || !inputs || groups.length === 0) {
      finish('succeeded');
      return summary('succeeded', null, 0, 0, 0, null, {
        setupMs,
        readMs,
        scoreMs: 0,
        explainMs: 0,
        writeMs: 0,
      });
    }

    // Scores, batch by batch.
    const t1 = performance.now();
    const w = model.schema.weeks;
    for (let start = 0; start < groups.length; start += SCORE_BATCH) {
      check();
      const slice = groups.slice(start, start + SCORE_BATCH);
      const { risk, attention } = await session.run(toBatch(slice, inputs, model.schema));
      slice.forEach((g, i) => {
        g.score = risk[i]!;
        if (attention && g.weekStart === latest) g.attention = attention.slice(i * w, (i + 1) * w);
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
    await explain(store, session, model.schema, inputs, flagged, check, (done) =>
      progress(0.6 + 0.3 * (done / Math.max(1, flagged.length)), 'Explaining scores…'),
    );
    const explainMs = performance.now() - t2;
    check();

    progress(0.92, 'Saving scores…');
    const t3 = performance.now();
    const dataAsOf = dataDate(store, latest);
    const rowsWritten = write(store, model, runId, groups, inputs, latest, dataAsOf);
    const writeMs = performance.now() - t3;
    const students = byWeek.get(latest)?.length ?? 0;
    finish('succeeded', { weekStart: latest, weeks, students, rowsWritten });
    progress(1, `Scored ${students.toLocaleString('en-US')} students.`);
    return summary('succeeded', latest, weeks, students, rowsWritten, latestCuts, {
      setupMs,
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
        setupMs: 0,
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
 * Every read week's inputs, standardised for the model once (not once per batch and again per
 * occlusion), and which row of each week is each student's.
 */
interface Inputs {
  weeks: IsoDate[];
  /** Per week, its rows' raw inputs (FEATURE_KEYS order), which the sentences quote. */
  raw: Float64Array[];
  /** Per week, its rows' standardised inputs in the schema's order: [rows × schema features]. */
  x: Float32Array[];
  /** [students × weeks]: the student's row in that week, -1 when they have none. */
  slots: Int32Array;
}

/**
 * Every (student, week) to score with the student's inputs up to that week. "latest" scores
 * the students who have a row in the scoring week (the currently enrolled).
 */
function readSequences(store: Store, schema: FeatureSchema, mode: ScoreOptions['mode']) {
  const { sqlite } = store;
  const latest = scoringWeek(sqlite);
  const none = { groups: [] as Scored[], inputs: null, weeks: 0, latest };
  if (!latest) return none;
  // A student's last `weeks` rows may reach back over a break week.
  const from =
    mode === 'latest'
      ? (sqlite
          .prepare(`SELECT date(?, '-' || ? || ' days')`)
          .pluck()
          .get(latest, 7 * schema.weeks) as IsoDate)
      : '0000-01-01';
  // Nothing after the scoring week: a part-written newer week is not anyone's current data.
  const read = readInputWeeks(sqlite, from, latest);
  if (mode === 'latest' && read[read.length - 1]?.week !== latest) return none;

  // Every student scored, in key order: the latest week's in "latest" mode (already ascending).
  const seen = mode === 'latest' ? read[read.length - 1]!.ids : read.flatMap((week) => week.ids);
  const ids = mode === 'latest' && ascending(seen) ? seen : [...new Set(seen)].sort();
  const w = read.length;
  const slots = new Int32Array(ids.length * w).fill(-1);
  read.forEach((week, t) => place(ids, week.ids, slots, w, t));
  const inputs: Inputs = {
    weeks: read.map((week) => week.week),
    raw: read.map((week) => week.values),
    x: read.map((week) => standardise(week.values, schema)),
    slots,
  };

  const groups: Scored[] = [];
  for (let s = 0; s < ids.length; s++) {
    const span: number[] = [];
    for (let t = 0; t < w; t++) {
      if (slots[s * w + t]! < 0) continue;
      span.push(t);
      if (span.length > schema.weeks) span.shift();
      if (mode === 'history' || t === w - 1) {
        groups.push({
          studentId: ids[s]!,
          student: s,
          weekStart: inputs.weeks[t]!,
          span: span.slice(),
          score: 0,
          attention: null,
          factors: [],
          tier: 'low',
        });
      }
    }
  }
  const weeks = new Set(groups.map((g) => g.weekStart)).size;
  return { groups, inputs, weeks, latest };
}

/**
 * Records which row of week `t` is each student's (`ids` ascending). A week arrives in key
 * order, so walking both lists side by side finds them; hashing 650,000 fresh id strings into
 * a Map took longer than SQLite's whole read. Any other order still works, through the Map.
 */
function place(ids: string[], rows: string[], slots: Int32Array, w: number, t: number): void {
  if (ascending(rows)) {
    let s = 0;
    rows.forEach((id, row) => {
      while (s < ids.length && ids[s]! < id) s++;
      if (ids[s] === id) slots[s * w + t] = row;
    });
    return;
  }
  const index = new Map(ids.map((id, s) => [id, s]));
  rows.forEach((id, row) => {
    const s = index.get(id);
    if (s !== undefined) slots[s * w + t] = row;
  });
}

function ascending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

/**
 * A week's raw inputs (FEATURE_KEYS order) as the model reads them: its features in its order,
 * standardised with its own means and spreads, missing values at the mean (0).
 */
function standardise(values: Float64Array, schema: FeatureSchema): Float32Array {
  const indexes = schemaIndexes(schema);
  const width = FEATURE_KEYS.length;
  const f = indexes.length;
  const rows = values.length / width;
  const x = new Float32Array(rows * f);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < f; i++) {
      const raw = values[r * width + indexes[i]!]!;
      x[r * f + i] = Number.isNaN(raw) ? 0 : (raw - schema.means[i]!) / schema.stds[i]!;
    }
  }
  return x;
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

/** The model input for some groups, left-padded to the model's weeks. */
function toBatch(groups: readonly Scored[], inputs: Inputs, schema: FeatureSchema): SequenceBatch {
  const { weeks } = schema;
  const f = schema.keys.length;
  const w = inputs.weeks.length;
  const x = new Float32Array(groups.length * weeks * f);
  const mask = new Float32Array(groups.length * weeks);
  groups.forEach((g, s) => {
    const pad = weeks - g.span.length;
    g.span.forEach((t, j) => {
      mask[s * weeks + pad + j] = 1;
      const row = inputs.slots[g.student * w + t]!;
      x.set(inputs.x[t]!.subarray(row * f, (row + 1) * f), (s * weeks + pad + j) * f);
    });
  });
  return { x, mask, n: groups.length, weeks, features: f };
}

/**
 * Reasons for the flagged scores: occlusion deltas from the model, then sentences that quote
 * the student's own numbers (the scored week and four weeks before).
 */
async function explain(
  store: Store,
  session: RiskSession,
  schema: FeatureSchema,
  inputs: Inputs,
  flagged: Scored[],
  check: () => void,
  onDone: (done: number) => void,
): Promise<void> {
  const deltas = await occlusionDeltas(
    session,
    toBatch(flagged, inputs, schema),
    flagged.map((g) => g.score),
    schema.keys,
    { check, onDone },
  );
  const f = schema.keys.length;
  const courseOf = courseNames(store);
  const grades = store.sqlite
    .prepare(
      'SELECT section_grades_json FROM student_features WHERE student_id = ? AND week_start = ?',
    )
    .pluck();
  const w = inputs.weeks.length;
  // The sentences quote the stored inputs, which are the rows' own values; only the grade
  // features' sentences need the row itself (its per-section grades), about one in six.
  const weekOf = (g: Scored, t: number): StudentWeek => {
    const row = inputs.slots[g.student * w + t]!;
    const values = inputs.raw[t]!.subarray(
      row * FEATURE_KEYS.length,
      (row + 1) * FEATURE_KEYS.length,
    );
    return {
      value: (key) => {
        const v = values[KEY_INDEX.get(key)!]!;
        return Number.isNaN(v) ? null : v;
      },
      sectionGrades: () => {
        const json = grades.get(g.studentId, inputs.weeks[t]) as string | undefined;
        return json ? (JSON.parse(json) as SectionGrade[]) : [];
      },
    };
  };
  flagged.forEach((g, s) => {
    const now = g.span[g.span.length - 1]!;
    const before = g.span.length > 4 ? g.span[g.span.length - 5]! : null;
    const list: { feature: string; delta: number }[] = [];
    for (let k = 0; k < f; k++) {
      const delta = deltas[s * f + k]!;
      if (!Number.isNaN(delta)) list.push({ feature: schema.keys[k]!, delta });
    }
    g.factors = explainScore(
      list,
      weekOf(g, now),
      before === null ? null : weekOf(g, before),
      courseOf,
    );
  });
}

const KEY_INDEX = new Map(FEATURE_KEYS.map((key, i) => [key, i]));

function weekEnd(weekStart: IsoDate): IsoDate {
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** Section → course title, loaded when a grade sentence first names a course. */
function courseNames(store: Store): (sectionId: string) => string | undefined {
  let names: Map<string, string> | null = null;
  return (id) => {
    names ??= new Map(
      (
        store.sqlite
          .prepare('SELECT s.id, c.title FROM sections s JOIN courses c ON c.id = s.course_id')
          .raw()
          .all() as [string, string][]
      ).map(([section, title]) => [section, title]),
    );
    return names.get(id);
  };
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

/** Predictions per INSERT: one statement per row spent as long in the calls as in SQLite. */
const ROWS_PER_INSERT = 100;

function write(
  store: Store,
  model: LoadedModel,
  runId: string,
  groups: Scored[],
  inputs: Inputs,
  latest: IsoDate,
  dataAsOf: IsoDate,
): number {
  const { sqlite } = store;
  const now = Date.now();
  const insert = (rows: number) =>
    sqlite.prepare(
      `INSERT OR REPLACE INTO predictions (model_version_id, student_id, week_start, score, tier,
         factors_json, attention_json, data_as_of, run_id, computed_at)
       VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
  const full = insert(ROWS_PER_INSERT);
  // The current score per student, copied from the predictions just written, with the same
  // model's score from the student's week before (one statement instead of a query each).
  const current = sqlite.prepare(
    `INSERT INTO student_risk (student_id, model_version_id, week_start, score, tier,
       previous_score, previous_tier, factors_json, data_as_of, computed_at)
     SELECT p.student_id, p.model_version_id, p.week_start, p.score, p.tier, q.score, q.tier,
       p.factors_json, p.data_as_of, p.computed_at
     FROM json_each(?) AS j
     CROSS JOIN predictions AS p
       ON p.model_version_id = ? AND p.student_id = j.value AND p.week_start = ?
     LEFT JOIN predictions AS q
       ON q.model_version_id = p.model_version_id AND q.student_id = p.student_id
      AND q.week_start = (SELECT max(week_start) FROM predictions
        WHERE model_version_id = p.model_version_id AND student_id = p.student_id
          AND week_start < p.week_start)`,
  );
  const values: unknown[] = [];
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (let start = 0; start < groups.length; start += ROWS_PER_INSERT) {
      const slice = groups.slice(start, start + ROWS_PER_INSERT);
      values.length = 0;
      for (const g of slice) {
        values.push(
          model.id,
          g.studentId,
          g.weekStart,
          g.score,
          g.tier,
          g.factors.length > 0 ? JSON.stringify(g.factors) : '[]',
          attentionJson(g, inputs),
          // A past week's score was computed from data up to that week's end.
          g.weekStart === latest ? dataAsOf : weekEnd(g.weekStart),
          runId,
          now,
        );
      }
      (slice.length === ROWS_PER_INSERT ? full : insert(slice.length)).run(values);
    }
    // Read again under the write lock: an activation or rollback since this run loaded the
    // model must not be overwritten with a retired model's scores.
    const activeNow = sqlite
      .prepare("SELECT 1 FROM model_versions WHERE id = ? AND status = 'active'")
      .get(model.id);
    if (activeNow) {
      sqlite.exec('DELETE FROM student_risk');
      const enrolled = groups.filter((g) => g.weekStart === latest).map((g) => g.studentId);
      current.run(JSON.stringify(enrolled), model.id, latest);
    }
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
  return groups.length;
}

/**
 * Each attention weight paired with its week, e.g. [["2026-03-02",0.0812],…]; padding before
 * the student's first week is left out. Written out by hand: JSON.stringify of 50,000 small
 * arrays of arrays was a fifth of the time spent saving.
 */
function attentionJson(g: Scored, inputs: Inputs): string | null {
  const a = g.attention;
  if (!a) return null;
  const offset = a.length - g.span.length;
  let json = '[';
  g.span.forEach((t, i) => {
    const weight = Math.round(a[offset + i]! * 1e4) / 1e4;
    json += `${i > 0 ? ',' : ''}["${inputs.weeks[t]}",${Number.isFinite(weight) ? weight : 'null'}]`;
  });
  return `${json}]`;
}
