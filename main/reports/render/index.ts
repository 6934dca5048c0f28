import type { ReportRequest } from '../report-data';
import { classReportPdf } from './class';
import { interventionPlanPdf } from './plan';
import { studentReportPdf } from './student';

/** The PDF bytes of one report (CPU-bound: runs in the reports worker). */
export function renderReport(request: ReportRequest): Promise<Buffer> {
  switch (request.kind) {
    case 'student':
      return studentReportPdf(request.data);
    case 'interventionPlan':
      return interventionPlanPdf(request.data);
    case 'classReport':
      return classReportPdf(request.data);
  }
}
