/**
 * The whole UI ↔ core contract: every API method's input schema (zod, validated at the router)
 * and output type, plus the events hosts push to the renderer. The Electron preload, the
 * browser host's HTTP client and the CLI all speak exactly this. Pure: safe to import anywhere.
 */
import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import {
  IMPORT_KINDS,
  PIPELINE_MODES,
  type AttendanceTier,
  type ImportKind,
  type ImportStatus,
  type IsoDate,
  type JobStatus,
  type OutcomeKind,
  type PipelineMode,
  type PipelineStatus,
  type PipelineTrigger,
  type ModelKind,
  type ModelOrigin,
  type ModelStatus,
  type RiskTier,
  type StaffRole,
  RISK_TIERS,
  CHECKIN_PROGRESS,
  INTERVENTION_OUTCOMES,
  INTERVENTION_TYPES,
  MONITORING_FREQUENCIES,
  type CheckinProgress,
  type InterventionOutcome,
  type InterventionStatus,
  type InterventionTier,
  type InterventionType,
  type MonitoringFrequency,
  type Message,
} from '../../db/schema';

export const FLAG_KEYS = [
  'chronic_absence',
  'course_failure',
  'low_gpa',
  'suspension',
  'off_track',
] as const;
export type FlagKey = (typeof FLAG_KEYS)[number];

export const STUDENT_SORT_KEYS = [
  'name',
  'grade',
  'attendance_rate',
  'days_absent',
  'gpa',
  'failing_sections',
  'incident_days',
  'flag_count',
  'risk',
] as const;
export type StudentSortKey = (typeof STUDENT_SORT_KEYS)[number];

const id = z.string().min(1).max(64);
const none = z.object({}).strict();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-31.')
  // Date.parse rolls 2026-02-30 over to March; a date must read back as itself.
  .refine((v) => {
    const parsed = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === v;
  }, 'That date does not exist.');

/** The fields a person fills in for an intervention plan (create and edit share them). */
const interventionPlan = z
  .object({
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    type: z.enum(INTERVENTION_TYPES, { message: 'Choose what the intervention addresses.' }),
    goal: z
      .string()
      .trim()
      .min(1, 'Write the goal: what should change, by how much, by when.')
      .max(1000),
    strategies: z.string().trim().max(4000).default(''),
    ownerId: id,
    startDate: isoDate,
    endDate: isoDate,
    monitoring: z.enum(MONITORING_FREQUENCIES),
  })
  .strict();
const planDatesInOrder = (v: { startDate: string; endDate: string }) => v.endDate > v.startDate;
const planDatesMessage = {
  message: 'The end date must come after the start date.',
  path: ['endDate'],
};
/** Field key → column index (or null = not mapped), as the import wizard's mapping step edits it. */
const columnMapping = z.record(z.string().max(64), z.number().int().min(0).max(10_000).nullable());
export const DATE_ORDER_VALUES = ['MDY', 'DMY', 'YMD'] as const;
/** Upload chunk size: base64-encoded in JSON it stays under the browser host's 1 MB body limit. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** The student list's filters and sort, shared by the list and its CSV export. */
const studentListQuery = {
  search: z.string().trim().max(100).optional(),
  schoolId: id.optional(),
  grade: z.number().int().min(-1).max(13).optional(),
  /** Only students with this flag raised. */
  flag: z.enum(FLAG_KEYS).optional(),
  /** Only students in this risk tier (the active model's latest score). */
  tier: z.enum(RISK_TIERS).optional(),
  sort: z.enum(STUDENT_SORT_KEYS).default('flag_count'),
  dir: z.enum(['asc', 'desc']).default('desc'),
};

export const inputs = {
  'system.info': none,
  'auth.demoAccounts': none,
  'auth.signIn': z.object({ staffId: id }).strict(),
  'auth.signOut': none,
  'auth.me': none,
  'schools.list': none,
  'overview.get': z.object({ schoolId: id.optional() }).strict(),
  'students.list': z
    .object({
      ...studentListQuery,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  /** Every student the list shows for these filters and sort, as CSV (the export is logged). */
  'students.exportCsv': z.object(studentListQuery).strict(),
  'students.profile': z.object({ studentId: id }).strict(),
  'jobs.list': z
    .object({
      kind: z.enum(['import', 'pipeline', 'train', 'score']).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    })
    .strict(),
  'jobs.get': z.object({ jobId: id }).strict(),
  'jobs.cancel': z.object({ jobId: id }).strict(),
  'jobs.retry': z.object({ jobId: id }).strict(),
  /** Starts an upload: the file's bytes follow in `imports.append` chunks. */
  'imports.stage': z
    .object({
      fileName: z.string().trim().min(1).max(255),
      size: z
        .number()
        .int()
        .min(0)
        .max(8 * 1024 ** 3),
    })
    .strict(),
  'imports.append': z
    .object({
      stagedId: id,
      offset: z.number().int().min(0),
      /** Base64 bytes, at most UPLOAD_CHUNK_BYTES decoded. */
      data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
    })
    .strict(),
  /** Detects the kind and mapping of a staged file and checks its first rows without saving them. */
  'imports.preview': z
    .object({
      stagedId: id,
      kind: z.enum(IMPORT_KINDS).optional(),
      mapping: columnMapping.optional(),
    })
    .strict(),
  'imports.start': z
    .object({
      files: z
        .array(
          z
            .object({
              stagedId: id,
              kind: z.enum(IMPORT_KINDS),
              mapping: columnMapping.optional(),
            })
            .strict(),
        )
        .min(1)
        .max(50),
      runPipeline: z.boolean().default(true),
    })
    .strict(),
  'imports.list': z
    .object({
      limit: z.number().int().min(1).max(500).default(100),
      /** Only the files of this job (e.g. what committed before a job failed or was cancelled). */
      jobId: id.optional(),
    })
    .strict(),
  'imports.quarantine': z
    .object({
      importId: id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  /** The quarantined rows (with line, reason and raw text) or the per-file report, as CSV. */
  'imports.exportCsv': z
    .object({
      what: z.enum(['quarantine', 'report']),
      jobId: id.optional(),
      importId: id.optional(),
    })
    .strict()
    .refine((v) => v.jobId !== undefined || v.importId !== undefined, {
      message: 'Name a jobId or an importId.',
    }),
  'imports.settings': z.object({ dateOrder: z.enum(DATE_ORDER_VALUES).optional() }).strict(),
  'pipeline.runs': z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
  'pipeline.run': z.object({ mode: z.enum(PIPELINE_MODES).default('incremental') }).strict(),
  'pipeline.schedule': z
    .object({
      dailyAt: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 06:00.')
        .optional(),
    })
    .strict(),
  /** A counselor's verdict on the model's score or a flag, or a tier override; who/when/why kept. */
  'risk.feedback': z
    .object({
      studentId: id,
      /** 'model' or a flag key. */
      target: z.enum(['model', ...FLAG_KEYS]),
      verdict: z.enum(['right', 'wrong', 'override']),
      overrideTier: z.enum(RISK_TIERS).optional(),
      note: z.string().trim().max(2000).default(''),
    })
    .strict(),
  /** A student's interventions with their check-ins (private notes only for those allowed). */
  'interventions.forStudent': z.object({ studentId: id }).strict(),
  /** Staff who may champion an intervention for this student (their school's staff). */
  'interventions.owners': z.object({ studentId: id }).strict(),
  'interventions.create': interventionPlan
    .extend({ studentId: id })
    .refine(planDatesInOrder, planDatesMessage),
  /** Edits a plan; `baseUpdatedAt` is the updatedAt the editor read (an edit of an older read is refused). */
  'interventions.update': interventionPlan
    .extend({ studentId: id, interventionId: id, baseUpdatedAt: z.number().int() })
    .refine(planDatesInOrder, planDatesMessage),
  'interventions.checkIn': z
    .object({
      studentId: id,
      interventionId: id,
      date: isoDate,
      progress: z.enum(CHECKIN_PROGRESS, { message: 'Choose how the student is doing.' }),
      note: z.string().trim().min(1, 'Write what happened since the last check-in.').max(4000),
      private: z.boolean().default(false),
    })
    .strict(),
  'interventions.close': z
    .object({
      studentId: id,
      interventionId: id,
      outcome: z.enum(INTERVENTION_OUTCOMES, { message: 'Choose the outcome.' }),
      note: z.string().trim().max(2000).default(''),
    })
    .strict(),
  /** Active interventions the caller owns (counselors: also their caseload's) with check-ins due. */
  'interventions.due': none,
  /** Admins: how many high-risk students have an active intervention; interventions by type and outcome. */
  'interventions.coverage': z.object({ schoolId: id.optional() }).strict(),
  /** Scores every student with the active model now (it also runs after each pipeline run). */
  'risk.score': none,
  'models.list': none,
  'models.get': z.object({ modelId: id }).strict(),
  'models.card': z.object({ modelId: id, format: z.enum(['markdown', 'pdf']) }).strict(),
  /** Trains a logistic-regression baseline and a GRU on the district's data (a background job). */
  'models.train': none,
  'models.activate': z
    .object({ modelId: id, note: z.string().trim().max(500).default('') })
    .strict(),
  /** Re-activates the model that was active before the current one. */
  'models.rollback': z.object({ note: z.string().trim().max(500).default('') }).strict(),
  /** Sections the caller teaches (teachers) or may open (others), with flag and risk counts. */
  'sections.list': z.object({ schoolId: id.optional() }).strict(),
  /** Counselors: every student on their caseload, with what is new since the data they last saw. */
  'caseload.get': none,
  /**
   * Counselors: nothing on the caseload shown with data as of `dataAsOf` is new until newer data
   * arrives; refused as a conflict when newer data arrived since it was shown.
   */
  'caseload.markSeen': z.object({ dataAsOf: isoDate.nullable() }).strict(),
  /** A section's roster with flags, tier and change since last week, trends and who needs attention. */
  'sections.get': z.object({ sectionId: id }).strict(),
  /** A student's report as a tagged PDF: flags, risk and reasons, charts, grades, interventions. */
  'reports.student': z.object({ studentId: id }).strict(),
  /** One intervention's plan as a tagged PDF, with its check-ins and signature lines. */
  'reports.interventionPlan': z.object({ studentId: id, interventionId: id }).strict(),
  /** A section's class report as a tagged PDF: one row per enrolled student the caller may see. */
  'reports.classReport': z.object({ sectionId: id }).strict(),
} as const satisfies Record<string, z.ZodType>;

export type Method = keyof typeof inputs;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends Method> = z.input<(typeof inputs)[M]>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends Method> = z.output<(typeof inputs)[M]>;

/** Methods callable before signing in. */
export const PUBLIC_METHODS: ReadonlySet<Method> = new Set([
  'system.info',
  'auth.demoAccounts',
  'auth.signIn',
  'auth.me',
]);

export type HostKind = 'electron' | 'web' | 'cli';

export interface SystemInfo {
  appVersion: string;
  host: HostKind;
  schemaVersion: number;
  districtName: string | null;
  studentCount: number;
  dataAsOf: IsoDate | null;
  /** How student data is kept on this machine's disk (shown in the header). */
  storage: KeyProtection | 'not-encrypted';
}

/** Who guards the database key: the OS keychain, or a key file only its owner can read. */
export type KeyProtection = 'os-keychain' | 'owner-only-file';

export interface InterventionCheckinView {
  id: string;
  date: IsoDate;
  progress: CheckinProgress;
  note: string;
  private: boolean;
  authorName: string;
  createdAt: number;
}

export interface InterventionView {
  id: string;
  studentId: string;
  tier: InterventionTier;
  type: InterventionType;
  goal: string;
  strategies: string;
  ownerId: string;
  ownerName: string;
  startDate: IsoDate;
  endDate: IsoDate;
  monitoring: MonitoringFrequency;
  status: InterventionStatus;
  outcome: InterventionOutcome | null;
  outcomeNote: string | null;
  closedAt: number | null;
  createdByName: string;
  updatedAt: number;
  /** The next progress check by the monitoring frequency; null once closed. */
  nextCheckInDue: IsoDate | null;
  overdue: boolean;
  checkins: InterventionCheckinView[];
  /** Private notes the caller may not read, counted so the history does not look complete. */
  hiddenPrivateNotes: number;
  /** Whether the caller may edit, check in and close it. */
  canEdit: boolean;
}

export interface InterventionDue {
  interventionId: string;
  studentId: string;
  studentName: string;
  gradeLevel: number;
  tier: InterventionTier;
  type: InterventionType;
  goal: string;
  ownerName: string;
  nextCheckInDue: IsoDate;
  daysOverdue: number;
}

export interface InterventionCoverage {
  schoolName: string | null;
  highRiskStudents: number;
  highRiskWithActive: number;
  activeInterventions: number;
  byType: { type: InterventionType; active: number; closed: number }[];
  byOutcome: { outcome: InterventionOutcome; count: number }[];
  byTier: { tier: InterventionTier; active: number }[];
}

export interface StaffSummary {
  id: string;
  givenName: string;
  familyName: string;
  role: StaffRole;
  schoolId: string | null;
  schoolName: string | null;
  /** A short line for the demo sign-in, e.g. "5 sections · 140 students" (a message). */
  detail: Message;
}

export interface SessionInfo {
  sessionId: string;
  staff: StaffSummary;
}

export interface SchoolSummary {
  id: string;
  name: string;
  schoolType: string;
  gradeLow: number;
  gradeHigh: number;
  studentCount: number;
}

/** Whose students a signed-in staff member may see (DOMAIN.md roles). */
export type ScopeKind = 'sections' | 'caseload' | 'school' | 'district';

export type FlagCounts = Record<FlagKey, number>;

export interface Overview {
  /**
   * `label` in English (CLI, logs); `name` is whose or which scope it is, for the UI to word in
   * its own language: the staff member (sections, caseload), the school, or null (district).
   */
  scope: { kind: ScopeKind; label: string; name: string | null };
  dataAsOf: IsoDate | null;
  enrollment: number;
  /** Year-to-date days present / days enrolled across the scope. */
  attendanceRate: number | null;
  chronicAbsenceCount: number;
  studentsWithAnyFlag: number;
  attendanceTrend: { weekStart: IsoDate; rate: number | null }[];
  flagsByGrade: { grade: number; students: number; anyFlag: number; flags: FlagCounts }[];
  attendanceTiers: Record<AttendanceTier, number>;
  /**
   * Per grade, the currently enrolled students in each risk tier, a staff override winning over
   * the model's tier (main/risk/effective-tier.ts), and those with neither a score nor an
   * override; `overridden` counts the tiers staff set.
   */
  riskTiersByGrade: RiskTiersByGradeRow[];
  /**
   * Per school week of the current year: the students enrolled at least one school day so far,
   * and how many of them were chronically absent year to date as of that week.
   */
  chronicAbsenceTrend: ChronicAbsencePoint[];
  /** The district's chronic-absence threshold: share of enrolled days missed (0.1 = 10%). */
  chronicAbsenceThreshold: number;
}

export interface RiskTiersByGradeRow extends Record<RiskTier, number> {
  grade: number;
  students: number;
  unscored: number;
  overridden: number;
}

export interface ChronicAbsencePoint {
  weekStart: IsoDate;
  students: number;
  chronic: number;
  /** chronic / students; null with no students enrolled yet. */
  rate: number | null;
}

export interface StudentListRow {
  id: string;
  studentNumber: string;
  givenName: string;
  familyName: string;
  gradeLevel: number;
  schoolName: string;
  attendanceRate: number | null;
  daysAbsent: number;
  gpa: number | null;
  failingSections: number;
  incidentDays: number;
  suspensions: number;
  attendanceTier: AttendanceTier | null;
  flags: FlagKey[];
  /** The active model's latest score (0..1) and tier; null before any model has scored. */
  riskScore: number | null;
  riskTier: RiskTier | null;
  /** The tier a counselor set instead of the model's, if any (shown beside it, never hiding it). */
  overrideTier: RiskTier | null;
}

export interface StudentListPage {
  total: number;
  offset: number;
  rows: StudentListRow[];
  dataAsOf: IsoDate | null;
}

export interface FlagDetail {
  key: FlagKey;
  raised: boolean;
  /** False when the rule does not apply (e.g. on-track outside grade 9). */
  applies: boolean;
  /** The rule's name with its line, e.g. "GPA 2.0 or below" (a message). */
  label: Message;
  /** Plain words with the student's own numbers, e.g. "Absent 18 of 160 days (11%)…". */
  explanation: Message;
}

export type CalendarStatus =
  | 'present'
  | 'excused_absence'
  | 'unexcused_absence'
  | 'tardy'
  | 'early_departure'
  | 'not_enrolled';

/** One reason behind a score, in plain words with the student's own numbers. */
export interface RiskFactorView {
  feature: string;
  /** 'attendance' | 'behaviour' | 'grades' | 'assignments' | 'engagement' | 'assessments' | 'context'. */
  group: string;
  /** The reason in English, as scored. */
  sentence: string;
  /** The reason as a message, for the reader's language; null for scores stored before messages. */
  message: Message | null;
  /**
   * How much this feature raises the score, in log-odds (0.05 is about one point at 50%; 1 is
   * large). Use it to order and size the reasons, not as a percentage.
   */
  delta: number;
}

export interface RiskFeedbackView {
  id: string;
  target: string;
  verdict: 'right' | 'wrong' | 'override';
  overrideTier: RiskTier | null;
  note: string;
  staffName: string;
  at: number;
}

export interface StudentRiskView {
  score: number;
  tier: RiskTier;
  previousTier: RiskTier | null;
  /** Score change since the previous scored week, or null. */
  change: number | null;
  weekStart: IsoDate;
  dataAsOf: IsoDate;
  modelVersionId: string;
  modelName: string;
  factors: RiskFactorView[];
  /** GRU models: how much each recent week weighed in the score, oldest first. */
  attention: { weekStart: IsoDate; weight: number }[] | null;
  /** The latest override, if a counselor set one. */
  override: RiskFeedbackView | null;
}

export interface StudentProfile {
  student: {
    id: string;
    studentNumber: string;
    givenName: string;
    familyName: string;
    gradeLevel: number;
    schoolName: string;
    entryDate: IsoDate;
    exitDate: IsoDate | null;
    enrollmentStatus: string;
    counselorName: string | null;
  };
  dataAsOf: IsoDate | null;
  indicators: {
    attendanceRate: number | null;
    daysEnrolled: number;
    daysAbsent: number;
    unexcusedAbsences: number;
    tardies: number;
    incidentDays: number;
    suspensions: number;
    gpa: number | null;
    failingSections: number;
    lowestGrade: number | null;
    missingRate: number | null;
    lmsActiveDays: number;
    attendanceTier: AttendanceTier | null;
  } | null;
  flags: FlagDetail[];
  /** Null until a model has scored this student. */
  risk: StudentRiskView | null;
  /** The active model's weekly scores, oldest first. */
  riskHistory: { weekStart: IsoDate; score: number; tier: RiskTier }[];
  /** Feedback and overrides on this student's flags and score, newest first. */
  riskFeedback: RiskFeedbackView[];
  /** One entry per instructional day of the school year. */
  attendanceCalendar: { date: IsoDate; status: CalendarStatus }[];
  gradingPeriods: { id: string; title: string; startDate: IsoDate; endDate: IsoDate }[];
  grades: {
    sectionId: string;
    courseTitle: string;
    subject: string;
    teacherName: string | null;
    marks: {
      gradingPeriodId: string;
      /** The period or term the mark is for, e.g. "Quarter 2" or "Fall 2025" for a final. */
      periodTitle: string;
      numericGrade: number | null;
      letter: string | null;
      isFinal: boolean;
    }[];
  }[];
  incidents: { id: string; date: IsoDate; behavior: string; action: string; daysRemoved: number }[];
  lmsWeekly: { weekStart: IsoDate; activeDays: number; minutes: number; submissions: number }[];
  outcomes: {
    termTitle: string;
    outcome: OutcomeKind;
    value: boolean;
    /** As the records say it: the failed course codes, or why the student left. */
    detail: string | null;
    /** Chronic absence: the days behind it (worded by the reader's language, not `detail`). */
    absence: { absent: number; enrolled: number } | null;
  }[];
}

export interface JobSummary {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  error: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /**
   * The job's result when it succeeded: ImportJobResult (main/imports/job.ts) for imports,
   * PipelineRunSummary (main/pipeline/run.ts) for pipeline runs.
   */
  result: unknown;
}

/** One imported file's outcome, every row accounted for. */
export interface ImportSummary {
  importId: string;
  jobId: string | null;
  kind: ImportKind;
  fileName: string;
  mode: 'bulk' | 'delta' | null;
  status: ImportStatus;
  rowsTotal: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  quarantined: number;
  ignored: number;
  summary: string;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface ImportFieldView {
  key: string;
  label: string;
  required: boolean;
  help: string | null;
}

export interface ImportPreview {
  stagedId: string;
  fileName: string;
  bytes: number;
  format: 'csv' | 'jsonl' | 'oneroster';
  /** The kind used for this preview (detected unless the caller chose one). */
  kind: ImportKind | null;
  kindTitle: string | null;
  /** Every kind the file could be, best guess first. */
  candidates: { kind: ImportKind; title: string; score: number }[];
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** The first rows as read, for the mapping step's preview table. */
  sample: { line: number; values: string[] }[];
  fields: ImportFieldView[];
  mapping: Record<string, number | null>;
  mappingSource: 'remembered' | 'detected' | 'yours';
  missingRequired: string[];
  /** The first rows checked against the database without saving them. */
  check: {
    rows: number;
    wouldAdd: number;
    wouldUpdate: number;
    unchanged: number;
    problems: { line: number; reason: string }[];
    /** Why the check could not run (e.g. another import is writing), if it could not. */
    skipped: string | null;
  };
  /** For a OneRoster bundle: its manifest and files, in import order. */
  oneRoster: {
    version: string | null;
    files: { name: string; mode: 'bulk' | 'delta' | 'absent'; rows: number | null }[];
    problems: string[];
  } | null;
  dateOrder: (typeof DATE_ORDER_VALUES)[number];
  /** Set when the same bytes were imported before: re-importing will change nothing. */
  alreadyImported: { at: number; fileName: string } | null;
  /** Set when the signed-in role does not import this kind of file: says who does. */
  notAllowed: string | null;
}

/** Headline holdout metrics of a model version (the full set is in ModelVersionDetail). */
export interface ModelMetricsSummary {
  auc: number | null;
  prAuc: number | null;
  /** At the district's flag rate (default: the top 10% flagged). */
  flagRate: number;
  precisionAtRate: number | null;
  recallAtRate: number | null;
  brier: number | null;
  holdoutExamples: number;
}

export interface ModelVersionView {
  id: string;
  name: string;
  kind: ModelKind;
  status: ModelStatus;
  origin: ModelOrigin;
  createdAt: number;
  activatedAt: number | null;
  retiredAt: number | null;
  metrics: ModelMetricsSummary;
  /** Against the active model on this version's holdout; null when there was none to compare. */
  comparison: {
    activeId: string;
    activeAuc: number | null;
    activePrecisionAtRate: number | null;
    beatsActive: boolean;
  } | null;
  /** Why it has its status: the app's own words as a message, or what an admin typed. */
  statusNote: Message | null;
}

export interface ModelVersionDetail extends ModelVersionView {
  /** The model card (JSON): data window, features, label, metrics, subgroups, limits. */
  card: Record<string, unknown>;
  /** Rules vs logistic regression vs GRU on the same holdout. */
  baselines: {
    name: string;
    auc: number | null;
    precisionAtRate: number | null;
    recallAtRate: number | null;
  }[];
  /**
   * Per-subgroup error rates at the flag rate; `small` marks groups too small to judge. `n` and
   * `positives` count holdout examples (a student at one cutoff week), not students.
   */
  subgroups: {
    attribute: string;
    group: string;
    /** Null for a group too small to judge: its counts could point at individual students. */
    n: number | null;
    positives: number | null;
    auc: number | null;
    precision: number | null;
    recall: number | null;
    falsePositiveRate: number | null;
    falseNegativeRate: number | null;
    small: boolean;
  }[];
  calibration: {
    from: number;
    to: number;
    predicted: number;
    observed: number | null;
    n: number;
  }[];
  features: { key: string; label: string }[];
}

export interface QuarantineRow {
  id: string;
  fileName: string;
  line: number | null;
  reason: string;
  raw: string | null;
}

export interface PipelineRunView {
  id: string;
  jobId: string | null;
  mode: PipelineMode;
  trigger: PipelineTrigger;
  status: PipelineStatus;
  asOf: IsoDate | null;
  fromWeek: IsoDate | null;
  students: number;
  weeks: number;
  rowsWritten: number;
  anomalies: number;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
}

/** One student on a section's roster (the section view and the class report). */
export interface SectionRosterRow {
  studentId: string;
  givenName: string;
  familyName: string;
  studentNumber: string;
  gradeLevel: number;
  /** The transparent flags that are up. */
  flags: FlagKey[];
  riskTier: RiskTier | null;
  riskScore: number | null;
  previousTier: RiskTier | null;
  /** A tier a counselor set instead of the model's, shown beside it. */
  overrideTier: RiskTier | null;
  attendanceRate: number | null;
  /** The student's current grade in this section (0–100) and its letter. */
  grade: number | null;
  letter: string | null;
  failing: boolean;
  /** Grade points since the week before; null when either week has no grade. */
  gradeChange: number | null;
}

export interface SectionHeader {
  id: string;
  title: string;
  courseTitle: string;
  period: string | null;
  termTitle: string;
  schoolName: string;
  teachers: string[];
}

export interface SectionSummary extends SectionHeader {
  /** Enrolled students the caller may see. */
  students: number;
  flagged: number;
  highRisk: number;
}

export interface SectionView {
  section: SectionHeader;
  dataAsOf: IsoDate | null;
  /** Everyone enrolled; `rows` holds those the caller may see (a counselor: their caseload). */
  enrolled: number;
  rows: SectionRosterRow[];
  comparedWeeks: { from: IsoDate; to: IsoDate } | null;
  /** The class week by week: mean attendance of its students and mean grade in this section. */
  trend: { weekStart: IsoDate; attendanceRate: number | null; averageGrade: number | null }[];
  /** Students to look at this week, each with its reasons (messages: main/api/messages). */
  needsAttention: { studentId: string; name: string; reasons: Message[] }[];
}

/** One student on a counselor's caseload. */
export interface CaseloadRow {
  studentId: string;
  givenName: string;
  familyName: string;
  studentNumber: string;
  gradeLevel: number;
  schoolName: string;
  attendanceRate: number | null;
  flags: FlagKey[];
  /** Flags up now that were not up in the data the counselor saw last. */
  newFlags: FlagKey[];
  riskTier: RiskTier | null;
  riskScore: number | null;
  /** Score minus the week before's; null without both weeks. */
  scoreChange: number | null;
  /** The model's tier in the data the counselor saw last (null: not scored then). */
  tierBefore: RiskTier | null;
  /** Moved up to moderate or high since the data the counselor saw last. */
  tierRaised: boolean;
  /** A tier a counselor set instead of the model's, shown beside it. */
  overrideTier: RiskTier | null;
  activeInterventions: number;
  /** The earliest next check-in among the student's active plans. */
  nextCheckIn: IsoDate | null;
}

export interface CaseloadView {
  dataAsOf: IsoDate | null;
  /** The data date "new" is measured from: the data seen at the last visit (first visit: a week before). */
  comparedWith: IsoDate | null;
  /** The counselor's previous visit on this computer. */
  lastVisitAt: number | null;
  rows: CaseloadRow[];
}

/** A generated report, its PDF bytes base64-encoded so every host can carry it as JSON. */
export interface ReportFile {
  fileName: string;
  mimeType: 'application/pdf';
  base64: string;
}

export interface Outputs {
  'system.info': SystemInfo;
  'auth.demoAccounts': { staff: StaffSummary[] };
  'auth.signIn': SessionInfo;
  'auth.signOut': { ok: true };
  'auth.me': { staff: StaffSummary | null };
  'schools.list': { schools: SchoolSummary[] };
  'overview.get': Overview;
  'students.list': StudentListPage;
  'students.profile': StudentProfile;
  'students.exportCsv': { fileName: string; csv: string };
  'interventions.forStudent': { interventions: InterventionView[]; today: IsoDate };
  'interventions.owners': { owners: { id: string; name: string; role: StaffRole }[] };
  'interventions.create': { id: string };
  'interventions.update': { id: string };
  'interventions.checkIn': { id: string };
  'interventions.close': { id: string };
  'interventions.due': { due: InterventionDue[]; today: IsoDate };
  'interventions.coverage': InterventionCoverage;
  'jobs.list': { jobs: JobSummary[] };
  'jobs.get': JobSummary;
  'jobs.cancel': { cancelled: boolean };
  'jobs.retry': { jobId: string };
  'imports.stage': { stagedId: string };
  'imports.append': { received: number };
  'imports.preview': ImportPreview;
  'imports.start': { jobId: string };
  'imports.list': { imports: ImportSummary[] };
  'imports.quarantine': { total: number; rows: QuarantineRow[] };
  'imports.exportCsv': { fileName: string; csv: string };
  'imports.settings': { dateOrder: (typeof DATE_ORDER_VALUES)[number] };
  'pipeline.runs': {
    runs: PipelineRunView[];
    dataAsOf: IsoDate | null;
    schedule: { dailyAt: string; nextRunAt: number };
    /** Students whose weekly features wait for the next run (new data since the last one). */
    pendingStudents: number;
  };
  'pipeline.run': { jobId: string };
  'pipeline.schedule': { dailyAt: string; nextRunAt: number };
  'risk.feedback': { id: string };
  'risk.score': { jobId: string };
  'models.list': { models: ModelVersionView[]; activeId: string | null };
  'models.get': ModelVersionDetail;
  'models.card': {
    fileName: string;
    mimeType: string;
    /** Markdown text, or base64 PDF bytes. */ content: string;
  };
  'models.train': { jobId: string };
  'models.activate': { activeId: string };
  'models.rollback': { activeId: string };
  'sections.list': { sections: SectionSummary[] };
  'caseload.get': CaseloadView;
  'caseload.markSeen': { ok: true };
  'sections.get': SectionView;
  'reports.student': ReportFile;
  'reports.interventionPlan': ReportFile;
  'reports.classReport': ReportFile;
}
export type Output<M extends Method> = Outputs[M];

/** Events pushed from the core to the renderer (IPC or Server-Sent Events). */
export interface Events {
  'job.progress': {
    jobId: string;
    kind: string;
    progress: number;
    message: string | null;
    status: JobStatus;
  };
  'data.changed': { tables: string[] };
  'settings.changed': { keys: string[] };
}
export type EventName = keyof Events;

export { API_ERROR_CODES, ApiError, type ApiErrorBody, type ApiErrorCode } from './errors';
export type { Message };
/** The client object the renderer gets, whichever host it runs under. */
export interface SightlineClient {
  /** Set by a successful `auth.signIn`, cleared by `auth.signOut`; sent with every call. */
  sessionId: string | null;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** The object the Electron preload exposes as `window.sightline`. */
export interface PreloadBridge {
  invoke(
    method: string,
    input: unknown,
    sessionId: string | null,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorBody }>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
