/**
 * Frozen: never edit a released migration; add a new numbered one instead.
 * Enumerations are spelled out here (not imported) so this file keeps meaning what it meant.
 */
import { sql, type Kysely } from 'kysely';

const synced = `
  id TEXT PRIMARY KEY NOT NULL,
  district_id TEXT NOT NULL,
  school_id TEXT,
  source_system TEXT,
  source_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 0`;

const date = (col: string, nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;

const bool = (col: string, nullable = false) =>
  `${col} INTEGER ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR ${col} IN (0, 1))`;

const oneOf = (col: string, values: string[], nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

const syncedTables: Record<string, string[]> = {
  districts: ['name TEXT NOT NULL', "timezone TEXT NOT NULL DEFAULT 'America/Chicago'"],
  schools: [
    'name TEXT NOT NULL',
    oneOf('school_type', ['elementary', 'middle', 'high', 'other']),
    'grade_low INTEGER NOT NULL',
    'grade_high INTEGER NOT NULL',
  ],
  academic_sessions: [
    'title TEXT NOT NULL',
    oneOf('session_type', ['school_year', 'semester', 'term', 'grading_period']),
    'parent_id TEXT REFERENCES academic_sessions(id)',
    date('start_date'),
    date('end_date'),
    'school_year INTEGER NOT NULL',
    'CHECK (end_date >= start_date)',
  ],
  calendar_days: [date('date'), bool('is_instructional')],
  courses: [
    'title TEXT NOT NULL',
    'code TEXT NOT NULL',
    oneOf('subject', [
      'math',
      'ela',
      'science',
      'social_studies',
      'world_language',
      'arts',
      'pe',
      'elective',
    ]),
    'grade_level INTEGER',
    'credits REAL NOT NULL DEFAULT 1',
    bool('is_core'),
  ],
  sections: [
    'course_id TEXT NOT NULL REFERENCES courses(id)',
    'term_id TEXT NOT NULL REFERENCES academic_sessions(id)',
    'title TEXT NOT NULL',
    'period TEXT',
  ],
  staff: [
    'given_name TEXT NOT NULL',
    'family_name TEXT NOT NULL',
    'email TEXT',
    oneOf('role', ['teacher', 'counselor', 'school_admin', 'district_admin']),
  ],
  section_teachers: [
    'section_id TEXT NOT NULL REFERENCES sections(id)',
    'staff_id TEXT NOT NULL REFERENCES staff(id)',
    bool('is_primary'),
  ],
  students: [
    'student_number TEXT NOT NULL',
    'given_name TEXT NOT NULL',
    'family_name TEXT NOT NULL',
    'grade_level INTEGER NOT NULL CHECK (grade_level BETWEEN -1 AND 13)',
    date('birth_date', true),
    date('entry_date'),
    date('exit_date', true),
    oneOf('enrollment_status', ['active', 'withdrawn', 'graduated']),
    'counselor_id TEXT REFERENCES staff(id)',
  ],
  demographics: [
    'student_id TEXT NOT NULL UNIQUE REFERENCES students(id)',
    oneOf('sex', ['female', 'male', 'unspecified']),
    'race_ethnicity TEXT',
    bool('hispanic_latino', true),
    bool('disability', true),
    bool('section_504', true),
    bool('english_learner', true),
    bool('free_reduced_lunch', true),
  ],
  enrollments: [
    'student_id TEXT NOT NULL REFERENCES students(id)',
    'section_id TEXT NOT NULL REFERENCES sections(id)',
    date('begin_date'),
    date('end_date', true),
  ],
  attendance_events: [
    'student_id TEXT NOT NULL REFERENCES students(id)',
    'section_id TEXT REFERENCES sections(id)',
    date('date'),
    oneOf('category', [
      'present',
      'excused_absence',
      'unexcused_absence',
      'tardy',
      'early_departure',
    ]),
    'minutes INTEGER',
  ],
  section_grades: [
    'student_id TEXT NOT NULL REFERENCES students(id)',
    'section_id TEXT NOT NULL REFERENCES sections(id)',
    'grading_period_id TEXT NOT NULL REFERENCES academic_sessions(id)',
    'letter TEXT',
    'numeric_grade REAL CHECK (numeric_grade IS NULL OR numeric_grade BETWEEN 0 AND 110)',
    bool('is_final'),
  ],
  assignments: [
    'section_id TEXT NOT NULL REFERENCES sections(id)',
    'grading_period_id TEXT REFERENCES academic_sessions(id)',
    'title TEXT NOT NULL',
    date('due_date'),
    'points_possible REAL NOT NULL CHECK (points_possible >= 0)',
  ],
  submissions: [
    'assignment_id TEXT NOT NULL REFERENCES assignments(id)',
    'student_id TEXT NOT NULL REFERENCES students(id)',
    oneOf('status', ['on_time', 'late', 'missing', 'excused']),
    'submitted_at INTEGER',
    'score REAL',
  ],
  discipline_incidents: [
    'student_id TEXT NOT NULL REFERENCES students(id)',
    date('date'),
    'behavior TEXT NOT NULL',
    oneOf('action', [
      'none',
      'referral',
      'detention',
      'in_school_suspension',
      'out_of_school_suspension',
      'expulsion',
    ]),
    'days_removed REAL NOT NULL DEFAULT 0',
  ],
  lms_activity: [
    'student_id TEXT NOT NULL REFERENCES students(id)',
    'section_id TEXT REFERENCES sections(id)',
    date('date'),
    'sessions INTEGER NOT NULL CHECK (sessions >= 0)',
    'active_minutes INTEGER NOT NULL CHECK (active_minutes >= 0)',
    'submissions INTEGER NOT NULL DEFAULT 0 CHECK (submissions >= 0)',
  ],
  student_outcomes: [
    'student_id TEXT NOT NULL REFERENCES students(id)',
    'term_id TEXT NOT NULL REFERENCES academic_sessions(id)',
    oneOf('outcome', ['course_failure', 'chronic_absence', 'withdrawal']),
    bool('value'),
    'detail TEXT',
    'UNIQUE (student_id, term_id, outcome)',
  ],
};

const indexes = [
  'CREATE INDEX schools_district ON schools (district_id)',
  'CREATE INDEX academic_sessions_parent ON academic_sessions (parent_id)',
  'CREATE UNIQUE INDEX calendar_days_school_date ON calendar_days (school_id, date)',
  'CREATE INDEX sections_school ON sections (school_id)',
  'CREATE INDEX sections_course ON sections (course_id)',
  'CREATE INDEX staff_school_role ON staff (school_id, role)',
  'CREATE UNIQUE INDEX section_teachers_pair ON section_teachers (section_id, staff_id)',
  'CREATE INDEX section_teachers_staff ON section_teachers (staff_id)',
  'CREATE INDEX students_district ON students (district_id)',
  'CREATE INDEX students_school_grade ON students (school_id, grade_level)',
  'CREATE INDEX students_counselor ON students (counselor_id)',
  'CREATE INDEX students_name ON students (family_name, given_name)',
  'CREATE UNIQUE INDEX enrollments_pair ON enrollments (section_id, student_id)',
  'CREATE INDEX enrollments_student ON enrollments (student_id)',
  'CREATE INDEX attendance_student_date ON attendance_events (student_id, date)',
  'CREATE INDEX section_grades_student ON section_grades (student_id, grading_period_id)',
  'CREATE INDEX section_grades_section ON section_grades (section_id)',
  'CREATE INDEX assignments_section ON assignments (section_id, due_date)',
  'CREATE UNIQUE INDEX submissions_pair ON submissions (student_id, assignment_id)',
  'CREATE INDEX submissions_assignment ON submissions (assignment_id)',
  'CREATE INDEX discipline_student_date ON discipline_incidents (student_id, date)',
  'CREATE INDEX lms_student_date ON lms_activity (student_id, date)',
  'CREATE INDEX outcomes_term ON student_outcomes (term_id, outcome)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(syncedTables)) {
    await sql
      .raw(`CREATE TABLE ${table} (${[synced, ...columns].join(',\n  ')}) STRICT`)
      .execute(db);
    // Re-imports update instead of duplicating: one row per outside identity.
    await sql
      .raw(
        `CREATE UNIQUE INDEX ${table}_source ON ${table} (source_system, source_id) WHERE source_id IS NOT NULL`,
      )
      .execute(db);
  }
  for (const statement of indexes) await sql.raw(statement).execute(db);

  await sql
    .raw(
      `CREATE TABLE student_indicators (
  student_id TEXT PRIMARY KEY NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  district_id TEXT NOT NULL,
  school_id TEXT NOT NULL,
  ${date('as_of')},
  days_enrolled INTEGER NOT NULL,
  days_absent INTEGER NOT NULL,
  attendance_rate REAL,
  unexcused_absences INTEGER NOT NULL,
  tardies INTEGER NOT NULL,
  incident_days INTEGER NOT NULL,
  incident_rate REAL,
  suspensions INTEGER NOT NULL,
  gpa REAL,
  failing_sections INTEGER NOT NULL,
  lowest_grade REAL,
  missing_rate REAL,
  lms_active_days INTEGER NOT NULL,
  core_credits_earned REAL,
  ${oneOf('attendance_tier', ['on_track', 'on_track_graduation', 'at_risk', 'critical'], true)},
  ${bool('flag_chronic_absence')},
  ${bool('flag_course_failure')},
  ${bool('flag_low_gpa')},
  ${bool('flag_suspension')},
  ${bool('flag_off_track', true)},
  flag_count INTEGER NOT NULL,
  computed_at INTEGER NOT NULL
) STRICT`,
    )
    .execute(db);
  await sql
    .raw('CREATE INDEX student_indicators_school ON student_indicators (school_id, flag_count)')
    .execute(db);

  await sql
    .raw(
      `CREATE TABLE attendance_weekly (
  school_id TEXT NOT NULL,
  grade_level INTEGER NOT NULL,
  ${date('week_start')},
  enrolled_days INTEGER NOT NULL,
  absent_days INTEGER NOT NULL,
  PRIMARY KEY (school_id, grade_level, week_start)
) STRICT, WITHOUT ROWID`,
    )
    .execute(db);

  const local: Record<string, string> = {
    jobs: `id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  ${oneOf('status', ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'])},
  progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
  message TEXT,
  input_json TEXT CHECK (input_json IS NULL OR json_valid(input_json)),
  result_json TEXT CHECK (result_json IS NULL OR json_valid(result_json)),
  error TEXT,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  heartbeat_at INTEGER`,
    audit_log: `id TEXT PRIMARY KEY NOT NULL,
  at INTEGER NOT NULL,
  actor_staff_id TEXT,
  ${oneOf('actor_role', ['teacher', 'counselor', 'school_admin', 'district_admin'], true)},
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  student_id TEXT,
  detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json))`,
    settings: `key TEXT PRIMARY KEY NOT NULL,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at INTEGER NOT NULL`,
    quarantine: `id TEXT PRIMARY KEY NOT NULL,
  job_id TEXT REFERENCES jobs(id),
  source_file TEXT NOT NULL,
  line_number INTEGER,
  raw TEXT,
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL`,
    outbox: `id TEXT PRIMARY KEY NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  ${oneOf('operation', ['insert', 'update', 'delete'])},
  changes_json TEXT NOT NULL CHECK (json_valid(changes_json)),
  base_version INTEGER NOT NULL,
  ${oneOf('status', ['pending', 'sent', 'accepted', 'rejected'])},
  reason TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL`,
    sync_state: `shape_key TEXT PRIMARY KEY NOT NULL,
  handle TEXT,
  "offset" TEXT,
  updated_at INTEGER NOT NULL`,
  };
  for (const [table, body] of Object.entries(local)) {
    await sql.raw(`CREATE TABLE ${table} (${body}) STRICT`).execute(db);
  }
  await sql.raw('CREATE INDEX jobs_status ON jobs (status, created_at)').execute(db);
  await sql.raw('CREATE INDEX audit_log_student ON audit_log (student_id, at)').execute(db);
  await sql.raw('CREATE INDEX outbox_status ON outbox (status, created_at)').execute(db);
}
