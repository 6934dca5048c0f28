/**
 * Frozen once released: what the school and district overview needs to answer in well under
 * 100 ms at 50,000 students.
 *
 * - `chronic_absence_weekly`: per school, grade and school week, the students enrolled at least
 *   one school day so far that year and those flagged chronically absent year to date as of that
 *   week. Kept equal to the GROUP BY of `student_features` it summarises by triggers on that
 *   table, so every pipeline write (batch replace, backfill, a student's cascade delete) updates
 *   it in the same transaction and nothing can leave it behind. The GROUP BY itself reads two
 *   million wide rows at 50,000 students (about 1.8 s); the triggers add about 2 µs to each
 *   feature row written or deleted (a quarter of the pipeline's write time, ~5% of a backfill).
 * - `student_risk_tier`: each student's model tier without reading the row around it (the row
 *   carries the score's reasons as JSON), for counting tiers over a whole district.
 * - `students_live_grade`: a district's live students in grade order with what the overview
 *   counts them by, so its one pass over 50,000 students reads neither the wide student rows
 *   nor a sort (about 10 ms of ~80).
 */
import { sql, type Kysely } from 'kysely';

/** One student-week into the aggregate (`row` is `new` or `old`), with `sign` +1 or -1. */
const add = (row: 'new' | 'old', sign: 1 | -1) => `INSERT INTO chronic_absence_weekly
    (school_id, grade_level, week_start, students, chronic)
  VALUES (${row}.school_id, ${row}.grade_level, ${row}.week_start,
    ${sign} * (${row}.days_enrolled_ytd > 0), ${sign} * ${row}.flag_chronic_absence)
  ON CONFLICT (school_id, grade_level, week_start) DO UPDATE
    SET students = students + excluded.students, chronic = chronic + excluded.chronic;`;

const statements = [
  // No CHECK on week_start: every value comes from student_features, which checks it, and the
  // triggers write this table once per feature row (about 2 µs each at present).
  `CREATE TABLE chronic_absence_weekly (
  school_id TEXT NOT NULL,
  grade_level INTEGER NOT NULL,
  week_start TEXT NOT NULL,
  students INTEGER NOT NULL,
  chronic INTEGER NOT NULL,
  PRIMARY KEY (school_id, grade_level, week_start)
) STRICT, WITHOUT ROWID`,
  `INSERT INTO chronic_absence_weekly (school_id, grade_level, week_start, students, chronic)
   SELECT school_id, grade_level, week_start, sum(days_enrolled_ytd > 0), sum(flag_chronic_absence)
   FROM student_features GROUP BY school_id, grade_level, week_start`,
  `CREATE TRIGGER student_features_chronic_insert AFTER INSERT ON student_features BEGIN
  ${add('new', 1)}
END`,
  `CREATE TRIGGER student_features_chronic_delete AFTER DELETE ON student_features BEGIN
  ${add('old', -1)}
END`,
  `CREATE TRIGGER student_features_chronic_update
  AFTER UPDATE OF school_id, grade_level, week_start, days_enrolled_ytd, flag_chronic_absence
  ON student_features BEGIN
  ${add('old', -1)}
  ${add('new', 1)}
END`,
  `CREATE INDEX student_risk_tier ON student_risk (student_id, tier)`,
  `CREATE INDEX students_live_grade ON students (district_id, grade_level, enrollment_status, id)
   WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
