/**
 * The single source of table types for the local SQLite store (Kysely).
 *
 * Conventions (see ARCHITECTURE.md "Data model conventions"):
 * - ids are UUIDv7 text born where the row is born;
 * - rows from an outside system keep `source_system` + `source_id` (unique together);
 * - synced tables carry district/school scope, ms timestamps, a tombstone and the server version;
 * - calendar dates are `YYYY-MM-DD` text, booleans are 0/1 integers, JSON is text.
 */
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type Bool = 0 | 1;
/** School calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** Milliseconds since the epoch, UTC. */
export type EpochMs = number;

/** Columns every synced table carries. */
export interface SyncedColumns {
  id: string;
  district_id: string;
  /** Null for district-level rows (the district itself, district staff). */
  school_id: string | null;
  source_system: string | null;
  source_id: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
  /** Assigned by the district server on every accepted write; 0 until then. */
  version: ColumnType<number, number | undefined, number>;
}

export const STAFF_ROLES = ['teacher', 'counselor', 'school_admin', 'district_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const SCHOOL_TYPES = ['elementary', 'middle', 'high', 'other'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SESSION_TYPES = ['school_year', 'semester', 'term', 'grading_period'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const SUBJECTS = [
  'math',
  'ela',
  'science',
  'social_studies',
  'world_language',
  'arts',
  'pe',
  'elective',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const ENROLLMENT_STATUSES = ['active', 'withdrawn', 'graduated'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Ed-Fi-shaped attendance categories. Absences are whole days; tardy/early departure are present. */
export const ATTENDANCE_CATEGORIES = [
  'present',
  'excused_absence',
  'unexcused_absence',
  'tardy',
  'early_departure',
] as const;
export type AttendanceCategory = (typeof ATTENDANCE_CATEGORIES)[number];

export const DISCIPLINE_ACTIONS = [
  'none',
  'referral',
  'detention',
  'in_school_suspension',
  'out_of_school_suspension',
  'expulsion',
] as const;
export type DisciplineAction = (typeof DISCIPLINE_ACTIONS)[number];

export const SUBMISSION_STATUSES = ['on_time', 'late', 'missing', 'excused'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const OUTCOME_KINDS = ['course_failure', 'chronic_absence', 'withdrawal'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const ATTENDANCE_TIERS = ['on_track', 'on_track_graduation', 'at_risk', 'critical'] as const;
export type AttendanceTier = (typeof ATTENDANCE_TIERS)[number];

export const JOB_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const IMPORT_KINDS = [
  'oneroster',
  'attendance',
  'grades',
  'assignments',
  'submissions',
  'incidents',
  'lms_activity',
  'xapi',
  'assessments',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = [
  'running',
  'committed',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const PIPELINE_MODES = ['incremental', 'backfill'] as const;
export type PipelineMode = (typeof PIPELINE_MODES)[number];
export const PIPELINE_TRIGGERS = [
  'manual',
  'import',
  'scheduled',
  'catch_up',
  'cli',
  'seed',
] as const;
export type PipelineTrigger = (typeof PIPELINE_TRIGGERS)[number];
export const PIPELINE_STATUSES = [
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

export const OUTBOX_STATUSES = ['pending', 'sent', 'accepted', 'rejected'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

// ---------------------------------------------------------------- synced tables

export interface DistrictTable extends SyncedColumns {
  name: string;
  timezone: string;
}

export interface SchoolTable extends SyncedColumns {
  name: string;
  school_type: SchoolType;
  grade_low: number;
  grade_high: number;
}

export interface AcademicSessionTable extends SyncedColumns {
  title: string;
  session_type: SessionType;
  parent_id: string | null;
  start_date: IsoDate;
  end_date: IsoDate;
  /** The calendar year the school year ends in (2026 for 2025–26), as OneRoster does. */
  school_year: number;
}

export interface CalendarDayTable extends SyncedColumns {
  date: IsoDate;
  is_instructional: Bool;
}

export interface CourseTable extends SyncedColumns {
  title: string;
  code: string;
  subject: Subject;
  grade_level: number | null;
  credits: number;
  is_core: Bool;
}

export interface SectionTable extends SyncedColumns {
  course_id: string;
  term_id: string;
  title: string;
  period: string | null;
}

export interface StaffTable extends SyncedColumns {
  given_name: string;
  family_name: string;
  email: string | null;
  role: StaffRole;
}

export interface SectionTeacherTable extends SyncedColumns {
  section_id: string;
  staff_id: string;
  is_primary: Bool;
}

export interface StudentTable extends SyncedColumns {
  student_number: string;
  given_name: string;
  family_name: string;
  grade_level: number;
  birth_date: IsoDate | null;
  entry_date: IsoDate;
  exit_date: IsoDate | null;
  enrollment_status: EnrollmentStatus;
  /** The counselor whose caseload this student is on. */
  counselor_id: string | null;
}

/** Protected attributes: kept apart from features, used only to audit error rates by group. */
export interface DemographicsTable extends SyncedColumns {
  student_id: string;
  sex: 'female' | 'male' | 'unspecified';
  race_ethnicity: string | null;
  hispanic_latino: Bool | null;
  disability: Bool | null;
  section_504: Bool | null;
  english_learner: Bool | null;
  free_reduced_lunch: Bool | null;
}

export interface EnrollmentTable extends SyncedColumns {
  student_id: string;
  section_id: string;
  begin_date: IsoDate;
  end_date: IsoDate | null;
}

export interface AttendanceEventTable extends SyncedColumns {
  student_id: string;
  /** Null for daily (whole-school-day) attendance. */
  section_id: string | null;
  date: IsoDate;
  category: AttendanceCategory;
  minutes: number | null;
}

export interface SectionGradeTable extends SyncedColumns {
  student_id: string;
  section_id: string;
  grading_period_id: string;
  letter: string | null;
  numeric_grade: number | null;
  /** 1 for the grade of record at the end of a term, 0 for a progress grade. */
  is_final: Bool;
}

export interface AssignmentTable extends SyncedColumns {
  section_id: string;
  grading_period_id: string | null;
  title: string;
  due_date: IsoDate;
  points_possible: number;
}

export interface SubmissionTable extends SyncedColumns {
  assignment_id: string;
  student_id: string;
  status: SubmissionStatus;
  submitted_at: EpochMs | null;
  score: number | null;
}

export interface DisciplineIncidentTable extends SyncedColumns {
  student_id: string;
  date: IsoDate;
  behavior: string;
  action: DisciplineAction;
  days_removed: number;
}

/** LMS engagement, one row per student per day with activity. */
export interface LmsActivityTable extends SyncedColumns {
  student_id: string;
  section_id: string | null;
  date: IsoDate;
  sessions: number;
  active_minutes: number;
  submissions: number;
}

/** Outcomes the school records at the end of a term; labels for the risk model. */
export interface StudentOutcomeTable extends SyncedColumns {
  student_id: string;
  term_id: string;
  outcome: OutcomeKind;
  value: Bool;
  detail: string | null;
}

/** A standardised or benchmark assessment result (e.g. a fall MAP Growth score). */
export interface AssessmentResultTable extends SyncedColumns {
  student_id: string;
  assessment: string;
  subject: string | null;
  date: IsoDate;
  score: number;
  max_score: number | null;
  percentile: number | null;
  performance_level: string | null;
}

// ---------------------------------------------------------------- derived (computed locally)

/** Raw xAPI statements, kept by statement id so re-imports dedupe; rolled up into lms_activity. */
export interface LmsStatementTable {
  id: string;
  student_id: string;
  section_id: string | null;
  date: IsoDate;
  verb: string;
  minutes: number;
  import_id: string;
  created_at: EpochMs;
}

/** Per student: recompute weekly features from this date on (written with the data it covers). */
export interface FeatureDirtyTable {
  student_id: string;
  from_date: IsoDate;
}

/** One section's standing in a weekly snapshot. */
export interface SectionGradeFeature {
  sectionId: string;
  grade: number | null;
}

/** A student as of the last day of a school week (weeks start on Monday). Rates are 0..1. */
export interface StudentFeatureTable {
  student_id: string;
  week_start: IsoDate;
  district_id: string;
  school_id: string;
  grade_level: number;
  days_enrolled_week: number;
  days_absent_week: number;
  days_enrolled_ytd: number;
  days_absent_ytd: number;
  attendance_rate_week: number | null;
  attendance_rate_4wk: number | null;
  attendance_rate_ytd: number | null;
  unexcused_absences_ytd: number;
  tardies_week: number;
  tardies_ytd: number;
  /** Last 4 weeks' attendance rate minus the 4 weeks before (negative = falling). */
  attendance_trend: number | null;
  incident_days_week: number;
  incident_days_ytd: number;
  suspensions_ytd: number;
  /** JSON array of SectionGradeFeature. */
  section_grades_json: string;
  lowest_grade: number | null;
  failing_sections: number;
  gpa: number | null;
  assignments_due_ytd: number;
  missing_rate_ytd: number | null;
  late_rate_ytd: number | null;
  missing_4wk: number;
  lms_active_days_week: number;
  lms_minutes_week: number;
  lms_sessions_week: number;
  on_time_submissions_week: number;
  assessment_avg: number | null;
  assessment_trend: number | null;
  flag_chronic_absence: Bool;
  flag_course_failure: Bool;
  flag_low_gpa: Bool;
  flag_suspension: Bool;
  flag_off_track: Bool | null;
  flag_count: number;
  run_id: string;
  computed_at: EpochMs;
}

/** A sudden change in one feature against the student's own history and their cohort. */
export interface FeatureAnomalyTable {
  student_id: string;
  week_start: IsoDate;
  feature: string;
  value: number;
  own_baseline: number | null;
  own_z: number | null;
  cohort_median: number | null;
  cohort_z: number | null;
  direction: 'drop' | 'rise';
  explanation: string;
  run_id: string;
}

/** A cohort (school + grade) and week whose anomaly statistics are due for recomputation. */
export interface AnomalyDirtyTable {
  school_id: string;
  grade_level: number;
  week_start: IsoDate;
}

/** Each student's current early-warning indicators and transparent flags. */
export interface StudentIndicatorTable {
  student_id: string;
  district_id: string;
  school_id: string;
  as_of: IsoDate;
  days_enrolled: number;
  days_absent: number;
  attendance_rate: number | null;
  unexcused_absences: number;
  tardies: number;
  incident_days: number;
  /** Share of enrolled days with a discipline incident. */
  incident_rate: number | null;
  suspensions: number;
  gpa: number | null;
  failing_sections: number;
  lowest_grade: number | null;
  missing_rate: number | null;
  lms_active_days: number;
  core_credits_earned: number | null;
  attendance_tier: AttendanceTier | null;
  flag_chronic_absence: Bool;
  flag_course_failure: Bool;
  flag_low_gpa: Bool;
  flag_suspension: Bool;
  /** Chicago freshman on-track, only for 9th graders; null otherwise. */
  flag_off_track: Bool | null;
  flag_count: number;
  computed_at: EpochMs;
}

/** Weekly attendance per school and grade, so school- and district-wide trends stay fast. */
export interface AttendanceWeeklyTable {
  school_id: string;
  grade_level: number;
  week_start: IsoDate;
  enrolled_days: number;
  absent_days: number;
}

/**
 * Per school, grade and school week: students enrolled at least one school day so far that year,
 * and those chronically absent year to date as of the week. Kept equal to the GROUP BY of
 * `student_features` by triggers on that table (migration 0007).
 */
export interface ChronicAbsenceWeeklyTable {
  school_id: string;
  grade_level: number;
  week_start: IsoDate;
  students: number;
  chronic: number;
}

// ---------------------------------------------------------------- local-only tables

export interface JobTable {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  input_json: string | null;
  result_json: string | null;
  error: string | null;
  created_at: EpochMs;
  started_at: EpochMs | null;
  finished_at: EpochMs | null;
  heartbeat_at: EpochMs | null;
  /** The process running the job; a running job whose process is gone was interrupted. */
  owner_pid: number | null;
  /** The staff member who started it; null for the CLI, the scheduler and start-up work. */
  requested_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: EpochMs;
  actor_staff_id: string | null;
  actor_role: StaffRole | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  student_id: string | null;
  detail_json: string | null;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: EpochMs;
}

export interface QuarantineTable {
  id: string;
  job_id: string | null;
  import_id: string | null;
  source_file: string;
  line_number: number | null;
  raw: string | null;
  reason: string;
  created_at: EpochMs;
}

/** One imported file (a OneRoster bundle is one row per CSV inside it). */
export interface ImportTable {
  id: string;
  job_id: string | null;
  kind: ImportKind;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  mode: 'bulk' | 'delta' | null;
  status: ImportStatus;
  rows_total: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  quarantined: number;
  /** Rows read and deliberately not stored (e.g. OneRoster guardians), counted, never silent. */
  ignored: number;
  mapping_json: string | null;
  detail_json: string | null;
  error: string | null;
  started_at: EpochMs;
  finished_at: EpochMs | null;
}

/** A header mapping the user confirmed, remembered per source (kind + header signature). */
export interface ImportMappingTable {
  source_key: string;
  kind: ImportKind;
  headers_json: string;
  mapping_json: string;
  updated_at: EpochMs;
}

export interface PipelineRunTable {
  id: string;
  job_id: string | null;
  mode: PipelineMode;
  trigger: PipelineTrigger;
  status: PipelineStatus;
  as_of: IsoDate | null;
  from_week: IsoDate | null;
  students: number;
  weeks: number;
  rows_written: number;
  anomalies: number;
  error: string | null;
  /** Fingerprint of the shared inputs (thresholds, calendar, sessions, sections, courses). */
  inputs_key: string | null;
  started_at: EpochMs;
  finished_at: EpochMs | null;
}

export interface OutboxTable {
  id: string;
  table_name: string;
  row_id: string;
  operation: 'insert' | 'update' | 'delete';
  changes_json: string;
  base_version: number;
  status: OutboxStatus;
  reason: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface SyncStateTable {
  shape_key: string;
  handle: string | null;
  offset: string | null;
  updated_at: EpochMs;
}

// ---------------------------------------------------------------- risk model (main/training, main/risk)

export const MODEL_KINDS = ['logistic', 'gru'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const MODEL_STATUSES = ['candidate', 'active', 'retired', 'rejected'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
export const MODEL_ORIGINS = ['trained', 'shipped', 'imported'] as const;
export type ModelOrigin = (typeof MODEL_ORIGINS)[number];
export const RISK_TIERS = ['low', 'moderate', 'high'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];
export const FEEDBACK_VERDICTS = ['right', 'wrong', 'override'] as const;
export type FeedbackVerdict = (typeof FEEDBACK_VERDICTS)[number];

/** A risk model version: its ONNX bytes, what it reads, how it was trained and how it did. */
export interface ModelVersionTable {
  id: string;
  name: string;
  kind: ModelKind;
  status: ModelStatus;
  origin: ModelOrigin;
  onnx: Buffer;
  onnx_sha256: string;
  /** JSON FeatureSchema (main/training/features.ts). */
  feature_schema_json: string;
  /** JSON: data window, label definition, split, hyper-parameters, seed, example counts. */
  training_json: string;
  /** JSON: holdout metrics, overall and per subgroup. */
  metrics_json: string;
  /** JSON model card. */
  card_json: string;
  /** Names the holdout the metrics were measured on; only equal keys are compared. */
  holdout_key: string;
  /** Why the status is what it is (e.g. "did not beat the active model's AUC"). */
  status_note: string | null;
  job_id: string | null;
  created_by: string | null;
  created_at: EpochMs;
  activated_at: EpochMs | null;
  retired_at: EpochMs | null;
  /** The model that was active when this one was activated: where a rollback returns to. */
  previous_active_id: string | null;
}

/**
 * Words the core sends as data rather than as text: a key in main/api/messages/<language>.json
 * and its values (a value may itself be a message, worded first). The renderer words it in the
 * reader's language; a PDF in the language it was asked for (main/i18n/messages.ts).
 */
export interface Message {
  key: string;
  params?: Record<string, string | number | Message>;
}

/** One explained factor of a score, stored with the prediction (see main/risk/explain.ts). */
export interface RiskFactor {
  feature: string;
  /** Log-odds of the score minus log-odds with this feature replaced by the average. */
  delta: number;
  /** The reason in English, as scored. */
  sentence: string;
  /** The same reason as a message, for other languages (absent in scores stored before it). */
  message?: Message;
}

export interface PredictionTable {
  model_version_id: string;
  student_id: string;
  week_start: IsoDate;
  score: number;
  tier: RiskTier;
  /** JSON RiskFactor[] (largest first); empty for low-tier students. */
  factors_json: string;
  /** JSON number[]: attention over the input weeks, oldest first (GRU models only). */
  attention_json: string | null;
  data_as_of: IsoDate;
  run_id: string;
  computed_at: EpochMs;
}

/** The active model's latest score per student. */
export interface StudentRiskTable {
  student_id: string;
  model_version_id: string;
  week_start: IsoDate;
  score: number;
  tier: RiskTier;
  previous_score: number | null;
  previous_tier: RiskTier | null;
  factors_json: string;
  data_as_of: IsoDate;
  computed_at: EpochMs;
}

export interface RiskRunTable {
  id: string;
  job_id: string | null;
  model_version_id: string;
  status: PipelineStatus;
  week_start: IsoDate | null;
  weeks: number;
  students: number;
  rows_written: number;
  error: string | null;
  started_at: EpochMs;
  finished_at: EpochMs | null;
}

/** A counselor's verdict on a flag or score, or a tier override: who, when, why. */
export interface RiskFeedbackTable extends SyncedColumns {
  student_id: string;
  staff_id: string;
  /** 'model' or a flag name, e.g. 'chronic_absence'. */
  target: string;
  verdict: FeedbackVerdict;
  override_tier: RiskTier | null;
  model_version_id: string | null;
  week_start: IsoDate | null;
  note: string;
}

// ---------------------------------------------------------------- interventions (main/interventions)

/** MTSS tiers: 1 universal, 2 targeted, 3 intensive (DOMAIN.md). */
export const INTERVENTION_TIERS = [1, 2, 3] as const;
export type InterventionTier = (typeof INTERVENTION_TIERS)[number];
export const INTERVENTION_TYPES = [
  'attendance',
  'academic',
  'behaviour',
  'social_emotional',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];
/** How often progress is checked: Tier 3 weekly, Tier 2 every two weeks by default. */
export const MONITORING_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type MonitoringFrequency = (typeof MONITORING_FREQUENCIES)[number];
export const INTERVENTION_STATUSES = ['active', 'closed'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];
export const INTERVENTION_OUTCOMES = ['met', 'partly_met', 'not_met', 'discontinued'] as const;
export type InterventionOutcome = (typeof INTERVENTION_OUTCOMES)[number];
export const CHECKIN_PROGRESS = ['improving', 'no_change', 'worsening'] as const;
export type CheckinProgress = (typeof CHECKIN_PROGRESS)[number];

export interface InterventionTable extends SyncedColumns {
  student_id: string;
  tier: InterventionTier;
  type: InterventionType;
  goal: string;
  strategies: string;
  /** The staff member who champions it. */
  owner_id: string;
  start_date: IsoDate;
  /** Planned end (start + duration; six weeks by default). */
  end_date: IsoDate;
  monitoring: MonitoringFrequency;
  status: InterventionStatus;
  outcome: InterventionOutcome | null;
  outcome_note: string | null;
  closed_at: EpochMs | null;
  closed_by: string | null;
  created_by: string;
}

export interface InterventionCheckinTable extends SyncedColumns {
  intervention_id: string;
  student_id: string;
  author_id: string;
  date: IsoDate;
  progress: CheckinProgress;
  note: string;
  /** 1: only the author and counselors read it. */
  private: 0 | 1;
}

/** One student-week's raw model input: float64 values in `settings['model_inputs.keys']` order (the layout is recorded there too), NaN = missing. */
export interface ModelInputTable {
  week_start: IsoDate;
  student_id: string;
  features: Buffer;
}

export interface Database {
  districts: DistrictTable;
  schools: SchoolTable;
  academic_sessions: AcademicSessionTable;
  calendar_days: CalendarDayTable;
  courses: CourseTable;
  sections: SectionTable;
  staff: StaffTable;
  section_teachers: SectionTeacherTable;
  students: StudentTable;
  demographics: DemographicsTable;
  enrollments: EnrollmentTable;
  attendance_events: AttendanceEventTable;
  section_grades: SectionGradeTable;
  assignments: AssignmentTable;
  submissions: SubmissionTable;
  discipline_incidents: DisciplineIncidentTable;
  lms_activity: LmsActivityTable;
  student_outcomes: StudentOutcomeTable;
  assessment_results: AssessmentResultTable;
  lms_statements: LmsStatementTable;
  feature_dirty: FeatureDirtyTable;
  student_features: StudentFeatureTable;
  feature_anomalies: FeatureAnomalyTable;
  anomaly_dirty: AnomalyDirtyTable;
  imports: ImportTable;
  import_mappings: ImportMappingTable;
  pipeline_runs: PipelineRunTable;
  student_indicators: StudentIndicatorTable;
  attendance_weekly: AttendanceWeeklyTable;
  chronic_absence_weekly: ChronicAbsenceWeeklyTable;
  jobs: JobTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  quarantine: QuarantineTable;
  outbox: OutboxTable;
  sync_state: SyncStateTable;
  model_versions: ModelVersionTable;
  predictions: PredictionTable;
  student_risk: StudentRiskTable;
  risk_runs: RiskRunTable;
  risk_feedback: RiskFeedbackTable;
  model_inputs: ModelInputTable;
  interventions: InterventionTable;
  intervention_checkins: InterventionCheckinTable;
}

/** Tables that carry SyncedColumns and travel through sync. */
export const SYNCED_TABLES = [
  'districts',
  'schools',
  'academic_sessions',
  'calendar_days',
  'courses',
  'sections',
  'staff',
  'section_teachers',
  'students',
  'demographics',
  'enrollments',
  'attendance_events',
  'section_grades',
  'assignments',
  'submissions',
  'discipline_incidents',
  'lms_activity',
  'student_outcomes',
  'assessment_results',
  'risk_feedback',
  'interventions',
  'intervention_checkins',
] as const satisfies readonly (keyof Database)[];
export type SyncedTableName = (typeof SYNCED_TABLES)[number];

export type District = Selectable<DistrictTable>;
export type School = Selectable<SchoolTable>;
export type AcademicSession = Selectable<AcademicSessionTable>;
export type Course = Selectable<CourseTable>;
export type Section = Selectable<SectionTable>;
export type Staff = Selectable<StaffTable>;
export type Student = Selectable<StudentTable>;
export type NewStudent = Insertable<StudentTable>;
export type StudentUpdate = Updateable<StudentTable>;
export type Demographics = Selectable<DemographicsTable>;
export type AttendanceEvent = Selectable<AttendanceEventTable>;
export type SectionGrade = Selectable<SectionGradeTable>;
export type DisciplineIncident = Selectable<DisciplineIncidentTable>;
export type LmsActivity = Selectable<LmsActivityTable>;
export type Intervention = Selectable<InterventionTable>;
export type InterventionCheckin = Selectable<InterventionCheckinTable>;
export type StudentOutcome = Selectable<StudentOutcomeTable>;
export type StudentIndicator = Selectable<StudentIndicatorTable>;
export type AssessmentResult = Selectable<AssessmentResultTable>;
export type StudentFeature = Selectable<StudentFeatureTable>;
export type FeatureAnomaly = Selectable<FeatureAnomalyTable>;
export type ImportRecord = Selectable<ImportTable>;
export type PipelineRun = Selectable<PipelineRunTable>;
export type Job = Selectable<JobTable>;
export type AuditLogEntry = Selectable<AuditLogTable>;
export type NewAuditLogEntry = Insertable<AuditLogTable>;
