/**
 * The plain data each report is drawn from: gathered in the host (fast indexed SQL, scoped to
 * the caller), then posted to the render worker by structured clone. Types only.
 */
import type { IsoDate } from '../../db/schema';
import type { InterventionView, SectionRosterRow, StudentProfile } from '../api/contract';

/** Who a report was made for, when, and which data and model it shows (printed on every page). */
export interface ReportStamp {
  preparedFor: string;
  printedOn: IsoDate;
  dataAsOf: IsoDate | null;
  /** The active risk model; null before any model is active. */
  model: { id: string; name: string } | null;
}

/** One school week of whole-day attendance, rolled up from the profile's calendar. */
export interface AttendanceWeek {
  weekStart: IsoDate;
  daysEnrolled: number;
  daysAbsent: number;
}

export interface StudentReportData {
  stamp: ReportStamp;
  profile: StudentProfile;
  attendanceWeeks: AttendanceWeek[];
  /** The district's chronic-absence line: share of enrolled days missed (0.1 by default). */
  chronicAbsence: number;
  /** As the caller may see them: private notes they may not read are left out and counted. */
  interventions: InterventionView[];
}

export interface InterventionPlanData {
  stamp: ReportStamp;
  student: StudentProfile['student'];
  intervention: InterventionView;
}

/** One student in a class report: the same row the section view shows. */
export type ClassReportRow = SectionRosterRow;

export interface ClassReportData {
  stamp: ReportStamp;
  section: {
    id: string;
    title: string;
    courseTitle: string;
    period: string | null;
    termTitle: string;
    schoolName: string;
    teachers: string[];
  };
  /** Everyone enrolled on the report's date, whether or not the caller may see them. */
  enrolled: number;
  /** The enrolled students the caller may see, by family name. */
  rows: ClassReportRow[];
  /** The district's chronic-absence line: share of enrolled days missed. */
  chronicAbsence: number;
  /** The weeks the grade change compares, when there were two. */
  comparedWeeks: { from: IsoDate; to: IsoDate } | null;
}

export type ReportRequest =
  | { kind: 'student'; data: StudentReportData }
  | { kind: 'interventionPlan'; data: InterventionPlanData }
  | { kind: 'classReport'; data: ClassReportData };

/** Host → worker. */
export interface RenderJob {
  id: number;
  request: ReportRequest;
}

/** Worker → host: the PDF's bytes are transferred, not copied. */
export type RenderReply =
  { id: number; ok: true; pdf: ArrayBuffer } | { id: number; ok: false; error: string };
