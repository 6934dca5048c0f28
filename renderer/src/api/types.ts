/**
 * Names for types the renderer uses often, all derived from the API contract (never re-declared),
 * so a contract change shows up here as a type error.
 */
import type {
  ImportPreview,
  ImportSummary,
  Input,
  InterventionCheckinView,
  InterventionView,
  JobSummary,
  ModelVersionDetail,
  ModelVersionView,
  Output,
  Overview,
  PipelineRunView,
  RiskFeedbackView,
  SectionView,
  StaffSummary,
  StudentListRow,
  StudentProfile,
} from '../../../main/api/contract';

export type {
  ApiErrorCode,
  CalendarStatus,
  CaseloadRow,
  CaseloadView,
  FlagCounts,
  FlagDetail,
  FlagKey,
  ImportFieldView,
  ImportPreview,
  ImportSummary,
  Input,
  InterventionCheckinView,
  InterventionCoverage,
  InterventionDue,
  InterventionView,
  JobSummary,
  Message,
  Method,
  ModelMetricsSummary,
  ModelVersionDetail,
  ModelVersionView,
  Output,
  Overview,
  PipelineRunView,
  QuarantineRow,
  ReportFile,
  RiskFactorView,
  RiskFeedbackView,
  SchoolSummary,
  ScopeKind,
  SectionHeader,
  SectionRosterRow,
  SectionSummary,
  SectionView,
  StaffSummary,
  StudentListPage,
  StudentListRow,
  StudentProfile,
  StudentRiskView,
  StudentSortKey,
} from '../../../main/api/contract';

/** A school calendar date, `YYYY-MM-DD`. */
export type IsoDate = NonNullable<Overview['dataAsOf']>;
export type AttendanceTier = keyof Overview['attendanceTiers'];
export type StaffRole = StaffSummary['role'];
export type OutcomeKind = StudentProfile['outcomes'][number]['outcome'];
export type SortDirection = 'asc' | 'desc';
export type StudentIndicators = NonNullable<StudentProfile['indicators']>;
export type ProfileGrades = StudentProfile['grades'];
export type GradingPeriod = StudentProfile['gradingPeriods'][number];
export type Incident = StudentProfile['incidents'][number];
export type LmsWeek = StudentProfile['lmsWeekly'][number];
export type Outcome = StudentProfile['outcomes'][number];
export type CalendarDay = StudentProfile['attendanceCalendar'][number];
export type FlagsByGradeRow = Overview['flagsByGrade'][number];
export type TrendPoint = Overview['attendanceTrend'][number];

export type ImportKind = ImportSummary['kind'];
export type ImportStatus = ImportSummary['status'];
export type JobStatus = JobSummary['status'];
export type PipelineStatus = PipelineRunView['status'];
export type PipelineTrigger = PipelineRunView['trigger'];
export type PipelineMode = PipelineRunView['mode'];
/** How the school writes numeric dates such as 03/04/2025. */
export type DateOrder = ImportPreview['dateOrder'];
/** Field key → column index (null = not in this file). */
export type ColumnMapping = ImportPreview['mapping'];
export type ImportCheck = ImportPreview['check'];
export type PipelineOverview = Output<'pipeline.runs'>;
export type PipelineSchedule = PipelineOverview['schedule'];
export type SystemInfo = Output<'system.info'>;

/** Low / moderate / high: the active model's tier for a student (or a counselor's override). */
export type RiskTier = NonNullable<StudentListRow['riskTier']>;
export type RiskHistoryPoint = StudentProfile['riskHistory'][number];
export type AttentionWeek = NonNullable<NonNullable<StudentProfile['risk']>['attention']>[number];
export type FeedbackVerdict = RiskFeedbackView['verdict'];
/** What a verdict is about: the model's score ('model') or one transparent flag. */
export type FeedbackTarget = Input<'risk.feedback'>['target'];
export type ModelKind = ModelVersionView['kind'];
export type ModelStatus = ModelVersionView['status'];
export type ModelOrigin = ModelVersionView['origin'];
export type ModelComparison = NonNullable<ModelVersionView['comparison']>;
export type ModelBaseline = ModelVersionDetail['baselines'][number];
export type ModelSubgroup = ModelVersionDetail['subgroups'][number];
export type CalibrationBand = ModelVersionDetail['calibration'][number];
export type ModelList = Output<'models.list'>;
export type ModelCardFormat = Input<'models.card'>['format'];

export type InterventionTier = InterventionView['tier'];
export type InterventionType = InterventionView['type'];
export type InterventionStatus = InterventionView['status'];
export type InterventionOutcome = NonNullable<InterventionView['outcome']>;
/** How often a champion checks progress (weekly, every two weeks, monthly). */
export type MonitoringFrequency = InterventionView['monitoring'];
export type CheckinProgress = InterventionCheckinView['progress'];
/** A staff member who may champion an intervention for a student. */
export type InterventionOwner = Output<'interventions.owners'>['owners'][number];
export type StudentInterventions = Output<'interventions.forStudent'>;
export type CheckInsDue = Output<'interventions.due'>;
export type InterventionPlanInput = Input<'interventions.create'>;
export type InterventionUpdateInput = Input<'interventions.update'>;
export type CheckInInput = Input<'interventions.checkIn'>;
export type CloseInterventionInput = Input<'interventions.close'>;

/** One week of a section's trend: its students' mean attendance and mean grade in the class. */
export type SectionTrendWeek = SectionView['trend'][number];
/** A student to look at this week, with the reasons in words. */
export type NeedsAttentionStudent = SectionView['needsAttention'][number];
/** The two weeks a roster's "since last week" columns compare. */
export type ComparedWeeks = NonNullable<SectionView['comparedWeeks']>;
