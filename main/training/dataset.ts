/**
 * The early-warning model's training and holdout examples. An example is a student, a term and
 * a cutoff week inside it: the student's weekly feature rows up to the cutoff, labelled with
 * what the school recorded at the end of that term (labels.ts). Several cutoffs per term, from
 * its 4th week to about three weeks before it ends, because a warning is only useful early.
 *
 * The split is by time, never across a student's own weeks: the model learns from the earlier
 * terms and is judged on the latest term with outcomes, as it will be used (trained on what is
 * known, scoring a term whose outcome is not). Everything that could leak the holdout into
 * training — the standardiser's means and spreads — is fitted on the training split only.
 *
 * `student_features` is read once, in primary-key order, with no per-student queries: at 50,000
 * students it is two million rows, so rows outside every example's window are dropped as the
 * scan passes them, and the ones kept leave out the columns no model reads (the section JSON).
 */
import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { FeedbackVerdict, IsoDate, OutcomeKind } from '../../db/schema';
import { weekStartOf } from '../indicators/dates';
import { dayNumber, isoOfDay } from '../pipeline/weeks';
import {
  FEATURE_KEYS,
  featureSpec,
  fitStandardiser,
  rawVector,
  toSequenceBatch,
  type FeatureRow,
  type FeatureSchema,
  type SequenceBatch,
} from './features';
import { subgroupsOf, type DemographicsFields, type Subgroups } from './fairness';
import { feedbackLabel, foldOutcome, LABEL_DEFINITION, type TermOutcome } from './labels';

/** A student-week as the dataset keeps it: every column except the ones no model input reads. */
export type DatasetRow = Omit<FeatureRow, 'section_grades_json' | 'run_id' | 'computed_at'>;

// A Record, not a list, so a column added to student_features fails to compile here until it is
// either loaded or deliberately left out above.
const LOADED: Record<keyof DatasetRow, true> = {
  student_id: true,
  week_start: true,
  district_id: true,
  school_id: true,
  grade_level: true,
  days_enrolled_week: true,
  days_absent_week: true,
  days_enrolled_ytd: true,
  days_absent_ytd: true,
  attendance_rate_week: true,
  attendance_rate_4wk: true,
  attendance_rate_ytd: true,
  unexcused_absences_ytd: true,
  tardies_week: true,
  tardies_ytd: true,
  attendance_trend: true,
  incident_days_week: true,
  incident_days_ytd: true,
  suspensions_ytd: true,
  lowest_grade: true,
  failing_sections: true,
  gpa: true,
  assignments_due_ytd: true,
  missing_rate_ytd: true,
  late_rate_ytd: true,
  missing_4wk: true,
  lms_active_days_week: true,
  lms_minutes_week: true,
  lms_sessions_week: true,
  on_time_submissions_week: true,
  assessment_avg: true,
  assessment_trend: true,
  flag_chronic_absence: true,
  flag_course_failure: true,
  flag_low_gpa: true,
  flag_suspension: true,
  flag_off_track: true,
  flag_count: true,
};
const COLUMNS = Object.keys(LOADED) as (keyof DatasetRow)[];
// Rows are copies of this one object, so they share its shape: better-sqlite3's row objects
// (and any object given 38 properties one by one) fall back to dictionary mode at ~1.9 kB a
// row, a copied template stays a compact ~450 bytes with the strings below shared.
const TEMPLATE = Object.fromEntries(COLUMNS.map((c) => [c, null])) as unknown as DatasetRow;
const AT = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<keyof DatasetRow, number>;

export const DATASET_DEFAULTS = {
  weeks: 12,
  /** Counted from 0, the week holding the term's first day: 3 is its 4th week. */
  firstCutoffWeek: 3,
  cutoffEvery: 2,
  /** The last cutoff week ends at least this many weeks before the term's last day. */
  weeksBeforeEnd: 3,
  minStudents: 100,
  minPositives: 10,
} as const;

export interface DatasetOptions {
  weeks?: number;
  firstCutoffWeek?: number;
  cutoffEvery?: number;
  weeksBeforeEnd?: number;
  /** Fewest labelled students each split must have. */
  minStudents?: number;
  /** Fewest students labelled 1 each split must have. */
  minPositives?: number;
  /** Feature keys of the schema (default: every feature in features.ts). */
  keys?: readonly string[];
}

export type SplitName = 'train' | 'holdout';

export interface TermInfo {
  id: string;
  title: string;
  schoolId: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  split: SplitName;
  /** Monday of each outcome-labelled cutoff week. */
  cutoffWeeks: IsoDate[];
}

export interface TrainingExample {
  /** `studentId|termId|cutoffWeek`, unique in a dataset. */
  key: string;
  studentId: string;
  termId: string;
  /** Monday of the last week in `rows`: the week the prediction is made as of. */
  cutoffWeek: IsoDate;
  label: 0 | 1;
  source: 'outcome' | 'feedback';
  /** Oldest first; at most `weeks` rows, ending with the cutoff week. */
  rows: readonly DatasetRow[];
  /** The transparent rules' score in the cutoff week (see RULES_BASELINE). */
  rulesScore: number;
  /** For the fairness audit only; never part of the input. */
  subgroups: Subgroups;
}

export interface SplitCounts {
  examples: number;
  students: number;
  /** Examples labelled 1. */
  positives: number;
  /** Students with at least one example labelled 1. */
  positiveStudents: number;
  /** Examples labelled by counselor feedback rather than a recorded outcome. */
  fromFeedback: number;
}

export interface DatasetSplit {
  name: SplitName;
  terms: TermInfo[];
  examples: TrainingExample[];
  counts: SplitCounts;
}

export interface Dataset {
  labelDefinition: string;
  schoolYear: { id: string; title: string; startDate: IsoDate; endDate: IsoDate };
  train: DatasetSplit;
  holdout: DatasetSplit;
  /** Fitted on the training split's rows only; build both splits' batches with it. */
  schema: FeatureSchema;
  /** sha256 over the holdout's sorted example keys and labels: compare models only when equal. */
  holdoutKey: string;
  window: { firstWeek: IsoDate; lastWeek: IsoDate; terms: TermInfo[] };
  /** Student-terms left out because the student transferred or left for another reason. */
  leftOut: number;
  /** The scan of student_features, and the whole build. */
  timings: { scanMs: number; totalMs: number };
}

/** A district admin's reason the model cannot be trained yet, in their words. */
export class NotEnoughTrainingData extends Error {
  constructor(
    message: string,
    readonly shortfalls: readonly { period: string; students: number; positives: number }[],
  ) {
    super(message);
    this.name = 'NotEnoughTrainingData';
  }
}

export const RULES_BASELINE =
  'Number of early-warning flags raised in the cutoff week (chronic absence, course failure, ' +
  'GPA at or below the low-GPA line, any suspension, and off track for 9th graders).';

/** The transparent baseline a model must beat: more flags, more risk. */
export function rulesScore(row: DatasetRow): number {
  return row.flag_count;
}

/**
 * The model input for examples. The kept rows lack only columns no feature reads, which
 * buildDataset checks against the feature list before returning any.
 */
export function sequenceBatch(
  examples: readonly TrainingExample[],
  schema: FeatureSchema,
): SequenceBatch {
  return toSequenceBatch(
    examples.map((e) => e.rows as readonly FeatureRow[]),
    schema,
  );
}

export function labelsOf(examples: readonly TrainingExample[]): Float32Array {
  return Float32Array.from(examples, (e) => e.label);
}

interface Term extends TermInfo {
  index: number;
}

interface StudentPlan {
  exitDate: IsoDate | null;
  /** Terms with recorded outcomes, by term index. */
  outcomes: Map<number, TermOutcome>;
  feedback: { term: number; week: IsoDate; label: 0 | 1 }[];
}

const SPLITS: readonly SplitName[] = ['train', 'holdout'];

function cutoffWeeksOf(
  term: { startDate: IsoDate; endDate: IsoDate },
  o: Required<DatasetOptions>,
): IsoDate[] {
  const first = dayNumber(weekStartOf(term.startDate));
  const lastSunday = dayNumber(term.endDate) - 7 * o.weeksBeforeEnd;
  const weeks: IsoDate[] = [];
  for (let w = o.firstCutoffWeek; first + 7 * w + 6 <= lastSunday; w += o.cutoffEvery) {
    weeks.push(isoOfDay(first + 7 * w));
  }
  return weeks;
}

function periodOf(terms: readonly TermInfo[]): string {
  return [...new Set(terms.map((t) => t.title))].join(' and ');
}

/** The index of the row whose week is `week`, or −1 (rows are sorted by week). */
function rowOfWeek(rows: readonly DatasetRow[], week: IsoDate): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.week_start < week) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length && rows[lo]!.week_start === week ? lo : -1;
}

/** The latest school year with any recorded term outcome, and its terms that have some. */
function loadTerms(sqlite: SQLite.Database) {
  const year = sqlite
    .prepare(
      `SELECT y.id, y.title, y.start_date, y.end_date FROM academic_sessions y
       WHERE y.session_type = 'school_year' AND y.deleted_at IS NULL AND EXISTS (
         SELECT 1 FROM academic_sessions t JOIN student_outcomes o ON o.term_id = t.id
         WHERE t.session_type IN ('semester', 'term') AND t.deleted_at IS NULL
           AND o.deleted_at IS NULL AND t.start_date BETWEEN y.start_date AND y.end_date)
       ORDER BY y.start_date DESC, y.id LIMIT 1`,
    )
    .get() as { id: string; title: string; start_date: string; end_date: string } | undefined;
  if (!year) return null;
  const terms = sqlite
    .prepare(
      `SELECT t.id, t.title, t.school_id, t.start_date, t.end_date FROM academic_sessions t
       WHERE t.session_type IN ('semester', 'term') AND t.deleted_at IS NULL
         AND t.start_date BETWEEN ? AND ?
         AND EXISTS (SELECT 1 FROM student_outcomes o WHERE o.term_id = t.id AND o.deleted_at IS NULL)
       ORDER BY t.start_date, t.end_date, t.id`,
    )
    .all(year.start_date, year.end_date) as {
    id: string;
    title: string;
    school_id: string | null;
    start_date: string;
    end_date: string;
  }[];
  return { year, terms };
}

function notEnoughTerms(terms: readonly { title: string }[]): NotEnoughTrainingData {
  const has =
    terms.length === 0
      ? 'this district has none recorded. Import end-of-term outcomes first.'
      : `this district has them only for ${[...new Set(terms.map((t) => t.title))].join(' and ')}. ` +
        'Training can start once the next term\u2019s outcomes are imported.';
  return new NotEnoughTrainingData(
    'Training needs end-of-term outcomes (course failures, chronic absence, withdrawals) for at ' +
      `least two terms, one to learn from and a later one to check the model on; ${has}`,
    [],
  );
}

/**
 * Builds the examples, the time-based split and the training standardiser. Throws
 * NotEnoughTrainingData when either split is too small to learn from or to judge a model on.
 */
export function buildDataset(sqlite: SQLite.Database, options: DatasetOptions = {}): Dataset {
  const started = performance.now();
  const o: Required<DatasetOptions> = {
    weeks: options.weeks ?? DATASET_DEFAULTS.weeks,
    firstCutoffWeek: options.firstCutoffWeek ?? DATASET_DEFAULTS.firstCutoffWeek,
    cutoffEvery: options.cutoffEvery ?? DATASET_DEFAULTS.cutoffEvery,
    weeksBeforeEnd: options.weeksBeforeEnd ?? DATASET_DEFAULTS.weeksBeforeEnd,
    minStudents: options.minStudents ?? DATASET_DEFAULTS.minStudents,
    minPositives: options.minPositives ?? DATASET_DEFAULTS.minPositives,
    keys: options.keys ?? FEATURE_KEYS,
  };
  for (const name of ['weeks', 'cutoffEvery'] as const) {
    if (!Number.isInteger(o[name]) || o[name] < 1) {
      throw new RangeError(`${name} must be a whole number of at least 1, not ${o[name]}.`);
    }
  }
  // One read transaction: a pipeline run or import committing mid-build cannot mix two states.
  return sqlite.transaction(() => build(sqlite, o, started))();
}

function build(sqlite: SQLite.Database, o: Required<DatasetOptions>, started: number): Dataset {
  const loaded = loadTerms(sqlite);
  if (!loaded) throw notEnoughTerms([]);
  const { year } = loaded;

  // The holdout is the latest term with outcomes and any term overlapping it (a school's own
  // copy of the same semester); training gets only the terms that ended before it began.
  const latest = loaded.terms.reduce((a, b) =>
    b.end_date > a.end_date || (b.end_date === a.end_date && b.start_date > a.start_date) ? b : a,
  );
  const terms: Term[] = loaded.terms.map((t, index) => {
    const dates = { startDate: t.start_date, endDate: t.end_date };
    return {
      index,
      id: t.id,
      title: t.title,
      schoolId: t.school_id,
      ...dates,
      split: t.end_date < latest.start_date ? 'train' : 'holdout',
      cutoffWeeks: cutoffWeeksOf(dates, o),
    };
  });
  if (!terms.some((t) => t.split === 'train')) throw notEnoughTerms(terms);
  const { plans, leftOut, feedbackWeeks } = loadPlans(sqlite, terms);
  const lastWeek = terms
    .flatMap((t) => t.cutoffWeeks)
    .concat(feedbackWeeks)
    .reduce((a, b) => (b > a ? b : a), weekStartOf(year.start_date));

  const { examples, trainRows, scanMs } = scanExamples(
    sqlite,
    terms,
    plans,
    weekStartOf(year.start_date),
    lastWeek,
    o,
  );

  const splits = {} as Record<SplitName, DatasetSplit>;
  for (const name of SPLITS) {
    splits[name] = {
      name,
      terms: terms.filter((t) => t.split === name).map(termInfo),
      examples: examples[name],
      counts: countsOf(examples[name]),
    };
  }
  checkEnough(splits, o);

  const schema = fitStandardiser(
    (function* () {
      for (const row of trainRows) yield rawVector(row as FeatureRow, o.keys);
    })(),
    o.keys,
    o.weeks,
  );

  const all = [...splits.train.examples, ...splits.holdout.examples];
  return {
    labelDefinition: LABEL_DEFINITION,
    schoolYear: {
      id: year.id,
      title: year.title,
      startDate: year.start_date,
      endDate: year.end_date,
    },
    train: splits.train,
    holdout: splits.holdout,
    schema,
    holdoutKey: holdoutKeyOf(splits.holdout.examples),
    window: {
      firstWeek: all.reduce(
        (a, e) => (e.rows[0]!.week_start < a ? e.rows[0]!.week_start : a),
        lastWeek,
      ),
      lastWeek: all.reduce((a, e) => (e.cutoffWeek > a ? e.cutoffWeek : a), ''),
      terms: terms.map(termInfo),
    },
    leftOut,
    timings: { scanMs, totalMs: performance.now() - started },
  };
}

/**
 * The one pass over `student_features`, in primary-key order: each student's rows are
 * gathered, cut into their examples' windows, and let go; only rows inside a window stay.
 */
function scanExamples(
  sqlite: SQLite.Database,
  terms: readonly Term[],
  plans: ReadonlyMap<string, StudentPlan>,
  fromWeek: IsoDate,
  toWeek: IsoDate,
  o: Required<DatasetOptions>,
) {
  const demographics = loadDemographics(sqlite);
  const examples: Record<SplitName, TrainingExample[]> = { train: [], holdout: [] };
  // Distinct rows inside any training example's window: what the standardiser sees.
  const trainRows: DatasetRow[] = [];
  const interned = new Map<string, string>();
  const intern = (s: string) => {
    const known = interned.get(s);
    if (known !== undefined) return known;
    interned.set(s, s);
    return s;
  };
  let checkedColumns = false;

  const flush = (studentId: string, plan: StudentPlan, rows: DatasetRow[]) => {
    if (rows.length === 0) return;
    if (!checkedColumns) {
      checkLoadedColumns(rows[0]!, o.keys);
      checkedColumns = true;
    }
    const inTrain = new Uint8Array(rows.length);
    const subgroups = subgroupsOf(demographics.get(studentId));
    const add = (term: Term, week: IsoDate, label: 0 | 1, source: TrainingExample['source']) => {
      const at = rowOfWeek(rows, week);
      if (at < 0) return; // not enrolled that week
      // Gone by the end of the cutoff week: there is no one left to warn about.
      if (plan.exitDate !== null && plan.exitDate < isoOfDay(dayNumber(week) + 6)) return;
      const from = Math.max(0, at + 1 - o.weeks);
      if (term.split === 'train') inTrain.fill(1, from, at + 1);
      examples[term.split].push({
        key: `${studentId}|${term.id}|${week}`,
        studentId,
        termId: term.id,
        cutoffWeek: week,
        label,
        source,
        rows: rows.slice(from, at + 1),
        rulesScore: rulesScore(rows[at]!),
        subgroups,
      });
    };
    for (const [index, state] of plan.outcomes) {
      if (state === 'left') continue;
      const term = terms[index]!;
      for (const week of term.cutoffWeeks) add(term, week, state, 'outcome');
    }
    for (const f of plan.feedback) add(terms[f.term]!, f.week, f.label, 'feedback');
    for (let i = 0; i < rows.length; i++) if (inTrain[i]) trainRows.push(rows[i]!);
  };

  const rowsOf = sqlite.prepare(
    `SELECT ${COLUMNS.join(', ')} FROM student_features
     WHERE week_start BETWEEN ? AND ? ORDER BY student_id, week_start`,
  );
  let current: string | null = null;
  let plan: StudentPlan | undefined;
  let rows: DatasetRow[] = [];
  const readStarted = performance.now();
  for (const values of rowsOf.raw().iterate(fromWeek, toWeek) as IterableIterator<unknown[]>) {
    const studentId = values[AT.student_id] as string;
    if (studentId !== current) {
      if (current !== null && plan) flush(current, plan, rows);
      current = studentId;
      const p = plans.get(current);
      plan = p && (p.outcomes.size > 0 || p.feedback.length > 0) ? p : undefined;
      rows = [];
    }
    if (!plan) continue;
    // The same few strings on every row: share one copy instead of two million.
    values[AT.student_id] = current;
    values[AT.week_start] = intern(values[AT.week_start] as string);
    values[AT.school_id] = intern(values[AT.school_id] as string);
    values[AT.district_id] = intern(values[AT.district_id] as string);
    const row: Record<string, unknown> = { ...TEMPLATE };
    for (let i = 0; i < COLUMNS.length; i++) row[COLUMNS[i]!] = values[i];
    rows.push(row as unknown as DatasetRow);
  }
  if (current !== null && plan) flush(current, plan, rows);
  const scanMs = performance.now() - readStarted;
  return { examples, trainRows, scanMs };
}

/**
 * Every student's labelled terms and usable feedback, read before the one scan of their weeks.
 * Feedback labels a student-term only when the school recorded nothing for it.
 */
function loadPlans(sqlite: SQLite.Database, terms: readonly Term[]) {
  const termIndex = new Map(terms.map((t) => [t.id, t.index]));
  const plans = new Map<string, StudentPlan>();
  const schoolOf = new Map<string, string | null>();
  for (const [id, exitDate, schoolId] of sqlite
    .prepare('SELECT id, exit_date, school_id FROM students WHERE deleted_at IS NULL')
    .raw()
    .iterate() as IterableIterator<[string, string | null, string | null]>) {
    plans.set(id, { exitDate, outcomes: new Map(), feedback: [] });
    schoolOf.set(id, schoolId);
  }
  for (const [studentId, termId, outcome, value, detail] of sqlite
    .prepare(
      `SELECT student_id, term_id, outcome, value, detail FROM student_outcomes
       WHERE deleted_at IS NULL AND term_id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .iterate(JSON.stringify(terms.map((t) => t.id))) as IterableIterator<
    [string, string, OutcomeKind, number, string | null]
  >) {
    const plan = plans.get(studentId);
    if (!plan) continue;
    const term = termIndex.get(termId)!;
    // Withdrawals derived from imports (outcomes.ts) say 'withdrawn' unless an expulsion is on
    // record: a reason not recorded folds like a transfer, so the student-term is left out.
    plan.outcomes.set(term, foldOutcome(plan.outcomes.get(term) ?? 0, { outcome, value, detail }));
  }
  let leftOut = 0;
  for (const plan of plans.values()) {
    for (const state of plan.outcomes.values()) if (state === 'left') leftOut++;
  }

  // The latest verdict on a week wins: a counselor may change their mind.
  const verdicts = new Map<string, { studentId: string; week: IsoDate; label: 0 | 1 }>();
  // What was judged matters: "wrong" about a raised flag means not at risk, "wrong" about a
  // student the model left in the low tier means a missed student (at risk).
  for (const [studentId, verdict, weekStart, raised] of sqlite
    .prepare(
      `SELECT f.student_id, f.verdict, f.week_start,
         CASE WHEN f.target = 'model' THEN
           (SELECT p.tier != 'low' FROM predictions p WHERE p.model_version_id = f.model_version_id
              AND p.student_id = f.student_id AND p.week_start = f.week_start)
         ELSE
           (SELECT CASE f.target
              WHEN 'chronic_absence' THEN sf.flag_chronic_absence
              WHEN 'course_failure' THEN sf.flag_course_failure
              WHEN 'low_gpa' THEN sf.flag_low_gpa
              WHEN 'suspension' THEN sf.flag_suspension
              WHEN 'off_track' THEN sf.flag_off_track END
            FROM student_features sf WHERE sf.student_id = f.student_id AND sf.week_start = f.week_start)
         END AS raised
       FROM risk_feedback f
       WHERE f.deleted_at IS NULL AND f.week_start IS NOT NULL AND f.verdict IN ('right', 'wrong')
       ORDER BY f.created_at, f.id`,
    )
    .raw()
    .iterate() as IterableIterator<[string, FeedbackVerdict, string, number | null]>) {
    const label = raised === null ? null : feedbackLabel(verdict, raised === 1);
    if (label === null) continue;
    const week = weekStartOf(weekStart);
    verdicts.set(`${studentId}|${week}`, { studentId, week, label });
  }
  const feedbackWeeks: IsoDate[] = [];
  for (const { studentId, week, label } of verdicts.values()) {
    const plan = plans.get(studentId);
    if (!plan) continue;
    const sunday = isoOfDay(dayNumber(week) + 6);
    const school = schoolOf.get(studentId) ?? null;
    const candidates = terms.filter(
      (t) =>
        t.startDate <= sunday &&
        t.endDate >= week &&
        (t.schoolId === null || t.schoolId === school),
    );
    // A school's own calendar wins over the district's for its students.
    const term = candidates.find((t) => t.schoolId !== null) ?? candidates[0];
    // The holdout is judged on recorded outcomes only: verdicts react to the active model's
    // own flags, and would tilt the comparison between models towards it.
    if (!term || plan.outcomes.has(term.index) || term.split === 'holdout') continue;
    plan.feedback.push({ term: term.index, week, label });
    feedbackWeeks.push(week);
  }
  return { plans, leftOut, feedbackWeeks };
}

function loadDemographics(sqlite: SQLite.Database): Map<string, DemographicsFields> {
  const demographics = new Map<string, DemographicsFields>();
  for (const row of sqlite
    .prepare(
      `SELECT student_id, sex, race_ethnicity, disability, section_504, english_learner,
         free_reduced_lunch FROM demographics WHERE deleted_at IS NULL`,
    )
    .iterate() as IterableIterator<DemographicsFields & { student_id: string }>) {
    demographics.set(row.student_id, row);
  }
  return demographics;
}

function countsOf(examples: readonly TrainingExample[]): SplitCounts {
  const students = new Set<string>();
  const positiveStudents = new Set<string>();
  let positives = 0;
  let fromFeedback = 0;
  for (const e of examples) {
    students.add(e.studentId);
    if (e.label === 1) {
      positives++;
      positiveStudents.add(e.studentId);
    }
    if (e.source === 'feedback') fromFeedback++;
  }
  return {
    examples: examples.length,
    students: students.size,
    positives,
    positiveStudents: positiveStudents.size,
    fromFeedback,
  };
}

function termInfo({ index: _index, ...info }: Term): TermInfo {
  return info;
}

/** sha256 over the sorted `key|label` lines: equal exactly when two holdouts are the same. */
export function holdoutKeyOf(examples: readonly TrainingExample[]): string {
  const lines = examples.map((e) => `${e.key}|${e.label}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Every feature must be readable from the kept columns; a feature reading a dropped one fails here. */
function checkLoadedColumns(row: DatasetRow, keys: readonly string[]): void {
  for (const key of keys) {
    const spec = featureSpec(key);
    if (!spec) throw new Error(`Unknown feature "${key}".`);
    const value = spec.read(row as FeatureRow);
    // A column that is not there reads as undefined, and arithmetic on it as NaN; a feature
    // that does not exist yet for a student is null.
    if (value === undefined || Number.isNaN(value)) {
      throw new Error(`Feature "${key}" reads a column the training dataset does not load.`);
    }
  }
}

function checkEnough(splits: Record<SplitName, DatasetSplit>, o: Required<DatasetOptions>): void {
  const shortfalls = SPLITS.map((name) => ({
    period: periodOf(splits[name].terms),
    students: splits[name].counts.students,
    positives: splits[name].counts.positiveStudents,
  }));
  const fewStudents = shortfalls.filter((s) => s.students < o.minStudents);
  const fewPositives = shortfalls.filter(
    (s) => s.students >= o.minStudents && s.positives < o.minPositives,
  );
  const sentences: string[] = [];
  if (fewStudents.length > 0) {
    sentences.push(
      `Training needs at least ${o.minStudents} students with recorded term outcomes in each ` +
        `period; this district has ${fewStudents.map((s) => `${s.students} in ${s.period}`).join(' and ')}. ` +
        'Import end-of-term outcomes first.',
    );
  }
  if (fewPositives.length > 0) {
    sentences.push(
      `Training needs at least ${o.minPositives} students with a recorded course failure, ` +
        'chronic absence or dropout in each period to learn what comes before one; this ' +
        `district has ${fewPositives.map((s) => `${s.positives} in ${s.period}`).join(' and ')}. ` +
        'Check that all of the term\u2019s outcomes were imported, not only some of them.',
    );
  }
  if (sentences.length > 0) {
    throw new NotEnoughTrainingData(sentences.join(' '), [...fewStudents, ...fewPositives]);
  }
}
