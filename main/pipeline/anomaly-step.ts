/**
 * Recomputes anomalies for the cohort-weeks listed in `anomaly_dirty`, one cohort (school +
 * grade) per transaction: read the cohort's committed feature rows (with the history weeks
 * before), judge every student of those weeks, replace their anomalies and consume the marks.
 * It reads only committed `student_features`, so an incremental run and a full backfill give
 * the same anomalies for the same feature rows.
 */
import type SQLite from 'better-sqlite3';
import { ANOMALY_RULES, ANOMALY_SPECS, detectAnomaly, type AnomalyFeature } from './anomalies';
import { summarise, type RobustSummary } from './robust';
import { PipelineCancelled } from './errors';
import { dayNumber, isoOfDay } from './weeks';

interface CohortRow {
  week: string;
  day: number;
  inSchool: boolean;
  values: (number | null)[];
}

const FEATURES: readonly AnomalyFeature[] = ANOMALY_SPECS.map((s) => s.feature);

export interface AnomalyStepResult {
  cohorts: number;
  anomalies: number;
}

export function prepareAnomalyStep(sqlite: SQLite.Database) {
  return {
    cohorts: sqlite
      .prepare(
        'SELECT DISTINCT school_id, grade_level FROM anomaly_dirty ORDER BY school_id, grade_level',
      )
      .raw(),
    dirtyWeeks: sqlite
      .prepare(
        `SELECT week_start FROM anomaly_dirty WHERE school_id = ? AND grade_level = ?
         ORDER BY week_start`,
      )
      .pluck(),
    rows: sqlite
      .prepare(
        `SELECT student_id, week_start, days_enrolled_week, ${FEATURES.join(', ')}
         FROM student_features
         WHERE school_id = ? AND grade_level = ? AND week_start BETWEEN ? AND ?
         ORDER BY student_id, week_start`,
      )
      .raw(),
    clear: sqlite.prepare(
      `DELETE FROM feature_anomalies WHERE week_start = ? AND student_id IN (
         SELECT student_id FROM student_features
         WHERE school_id = ? AND grade_level = ? AND week_start = ?)`,
    ),
    insert: sqlite.prepare(
      `INSERT INTO feature_anomalies (student_id, week_start, feature, value, own_baseline, own_z,
         cohort_median, cohort_z, direction, explanation, run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    consume: sqlite.prepare('DELETE FROM anomaly_dirty WHERE school_id = ? AND grade_level = ?'),
  };
}

type Statements = ReturnType<typeof prepareAnomalyStep>;

/** One cohort's anomalies, in one transaction; returns how many were written. */
function processCohort(
  sqlite: SQLite.Database,
  st: Statements,
  schoolId: string,
  gradeLevel: number,
  runId: string,
  isCancelled: () => boolean,
): number {
  return sqlite
    .transaction(() => {
      const weeks = st.dirtyWeeks.all(schoolId, gradeLevel) as string[];
      if (weeks.length === 0) return 0;
      const historyDays = 7 * ANOMALY_RULES.historyWeeks;
      const from = isoOfDay(dayNumber(weeks[0]!) - historyDays);
      const dirty = new Set(weeks);

      const byStudent = new Map<string, CohortRow[]>();
      const cohortValues = new Map<string, number[][]>(); // week → per feature
      for (const r of st.rows.iterate(
        schoolId,
        gradeLevel,
        from,
        weeks.at(-1)!,
      ) as IterableIterator<[string, string, number, ...(number | null)[]]>) {
        const [studentId, week, daysEnrolled, ...values] = r;
        // Weeks without school days (breaks) say nothing about a student; leave them out.
        const row: CohortRow = { week, day: dayNumber(week), inSchool: daysEnrolled > 0, values };
        let list = byStudent.get(studentId);
        if (!list) byStudent.set(studentId, (list = []));
        list.push(row);
        if (dirty.has(week) && row.inSchool) {
          let perFeature = cohortValues.get(week);
          if (!perFeature) cohortValues.set(week, (perFeature = FEATURES.map(() => [])));
          values.forEach((v, i) => {
            if (v !== null) perFeature[i]!.push(v);
          });
        }
      }
      const cohortStats = new Map<string, (RobustSummary | null)[]>();
      for (const [week, perFeature] of cohortValues)
        cohortStats.set(week, perFeature.map(summarise));

      const found: unknown[][] = [];
      for (const [studentId, rows] of byStudent) {
        for (let index = 0; index < rows.length; index++) {
          const row = rows[index]!;
          if (!row.inSchool || !dirty.has(row.week)) continue;
          const cohort = cohortStats.get(row.week);
          for (let f = 0; f < ANOMALY_SPECS.length; f++) {
            const spec = ANOMALY_SPECS[f]!;
            const value = row.values[f];
            if (value === null || value === undefined) continue;
            // First a pass with no allocation: the median lies between the history's extremes,
            // so a value within ownZ × minScale of the extreme on the worrying side can never
            // be far enough from it. That settles nearly every row.
            const sign = spec.direction === 'drop' ? -1 : 1;
            let count = 0;
            let extreme = -Infinity;
            for (let j = index - 1; j >= 0; j--) {
              const earlier = rows[j]!;
              if (earlier.day < row.day - historyDays) break;
              const v = earlier.values[f];
              if (!earlier.inSchool || v === null || v === undefined) continue;
              count++;
              extreme = Math.max(extreme, -sign * v);
            }
            if (count < ANOMALY_RULES.minHistoryWeeks) continue;
            // (1e-9: never reject, through rounding, what detectAnomaly would accept)
            if (sign * value + extreme < ANOMALY_RULES.ownZ * spec.minScale - 1e-9) continue;
            const history: number[] = [];
            for (let j = index - 1; j >= 0; j--) {
              const earlier = rows[j]!;
              if (earlier.day < row.day - historyDays) break;
              const v = earlier.values[f];
              if (earlier.inSchool && v !== null && v !== undefined) history.push(v);
            }
            const finding = detectAnomaly(spec, {
              value,
              history,
              cohort: cohort?.[f] ?? null,
              gradeLevel,
            });
            if (finding) {
              found.push([
                studentId,
                row.week,
                finding.feature,
                finding.value,
                finding.own_baseline,
                finding.own_z,
                finding.cohort_median,
                finding.cohort_z,
                finding.direction,
                finding.explanation,
                runId,
              ]);
            }
          }
        }
      }
      if (isCancelled()) throw new PipelineCancelled();
      for (const week of weeks) st.clear.run(week, schoolId, gradeLevel, week);
      for (const values of found) st.insert.run(values);
      st.consume.run(schoolId, gradeLevel);
      return found.length;
    })
    .immediate();
}

/** Works through every cohort with pending weeks; cancellable between cohorts. */
export async function runAnomalyStep(
  sqlite: SQLite.Database,
  runId: string,
  options: {
    isCancelled: () => boolean;
    onCohort: (done: number, total: number) => void;
  },
): Promise<AnomalyStepResult> {
  const st = prepareAnomalyStep(sqlite);
  const cohorts = st.cohorts.all() as [string, number][];
  let anomalies = 0;
  for (const [i, [schoolId, gradeLevel]] of cohorts.entries()) {
    if (options.isCancelled()) throw new PipelineCancelled();
    anomalies += processCohort(sqlite, st, schoolId, gradeLevel, runId, options.isCancelled);
    options.onCohort(i + 1, cohorts.length);
    await new Promise((resolve) => setImmediate(resolve)); // let a cancel message arrive
  }
  return { cohorts: cohorts.length, anomalies };
}
