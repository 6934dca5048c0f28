/**
 * The whole UI ↔ core contract: every API method's input schema (zod, validated at the router)
 * and output type, plus the events hosts push to the renderer. The Electron preload, the
 * browser host's HTTP client and the CLI all speak exactly this. Pure: safe to import anywhere.
 */
import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import type { AttendanceTier, IsoDate, OutcomeKind, StaffRole } from '../../db/schema';

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
] as const;
export type StudentSortKey = (typeof STUDENT_SORT_KEYS)[number];

const id = z.string().min(1).max(64);
const none = z.object({}).strict();

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
      search: z.string().trim().max(100).optional(),
      schoolId: id.optional(),
      grade: z.number().int().min(-1).max(13).optional(),
      /** Only students with this flag raised. */
      flag: z.enum(FLAG_KEYS).optional(),
      sort: z.enum(STUDENT_SORT_KEYS).default('flag_count'),
      dir: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  'students.profile': z.object({ studentId: id }).strict(),
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
}

export interface StaffSummary {
  id: string;
  givenName: string;
  familyName: string;
  role: StaffRole;
  schoolId: string | null;
  schoolName: string | null;
  /** A short line for the demo sign-in, e.g. "5 sections · 140 students". */
  detail: string;
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
  scope: { kind: ScopeKind; label: string };
  dataAsOf: IsoDate | null;
  enrollment: number;
  /** Year-to-date days present / days enrolled across the scope. */
  attendanceRate: number | null;
  chronicAbsenceCount: number;
  studentsWithAnyFlag: number;
  attendanceTrend: { weekStart: IsoDate; rate: number | null }[];
  flagsByGrade: { grade: number; students: number; anyFlag: number; flags: FlagCounts }[];
  attendanceTiers: Record<AttendanceTier, number>;
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
  /** Null when the rule does not apply (e.g. on-track outside grade 9). */
  applies: boolean;
  label: string;
  /** Plain words with the student's own numbers, e.g. "Absent 18 of 160 days (11%)…". */
  explanation: string;
}

export type CalendarStatus =
  | 'present'
  | 'excused_absence'
  | 'unexcused_absence'
  | 'tardy'
  | 'early_departure'
  | 'not_enrolled';

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
  outcomes: { termTitle: string; outcome: OutcomeKind; value: boolean; detail: string | null }[];
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
}
export type Output<M extends Method> = Outputs[M];

/** Events pushed from the core to the renderer (IPC or Server-Sent Events). */
export interface Events {
  'job.progress': { jobId: string; kind: string; progress: number; message: string | null };
  'data.changed': { tables: string[] };
}
export type EventName = keyof Events;

export { API_ERROR_CODES, ApiError, type ApiErrorBody, type ApiErrorCode } from './errors';
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
