/**
 * Asks the core for a report PDF and hands it to the browser as a download. The core scopes each
 * report to the caller and writes the export to the audit log; each function returns the file's
 * name for the confirmation.
 */
import type { ReportFile } from '../../api/types';
import { request } from '../request';
import { saveFile } from '../saveFile';
import { reportBlob } from './reportFile';

function save(file: ReportFile): string {
  saveFile(file.fileName, reportBlob(file));
  return file.fileName;
}

/** The student's report: flags, risk and its reasons, charts, grades and interventions. */
export async function downloadStudentReport(studentId: string): Promise<string> {
  return save(await request('reports.student', { studentId }));
}

/** One intervention's plan with its check-ins and signature lines, to print. */
export async function downloadInterventionPlan(
  studentId: string,
  interventionId: string,
): Promise<string> {
  return save(await request('reports.interventionPlan', { studentId, interventionId }));
}

/** The class report: one row per enrolled student the caller may see. */
export async function downloadClassReport(sectionId: string): Promise<string> {
  return save(await request('reports.classReport', { sectionId }));
}
