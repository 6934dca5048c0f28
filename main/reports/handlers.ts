/**
 * Reports as tagged PDFs (issue 5). Each handler gathers the report's data in the host, scoped
 * to the caller (the router has already checked any named student), has the reports worker draw
 * it, and writes an audit row per student disclosed once the PDF exists.
 */
import { INTERVENTION_EDITORS } from '../interventions/access';
import type { ReportFile } from '../api/contract';
import type { CallContext, HandlerMap } from '../api/router';
import { writeAudit } from '../audit/log';
import { requireRole } from '../auth/roles';
import type { Session } from '../auth/sessions';
import { classReportData } from './gather/class';
import { interventionPlanData } from './gather/plan';
import { studentReportData } from './gather/student';
import type { ReportRequest } from './report-data';
import { fileSlug } from './render/text';
import { renderInWorker } from './render-worker';
import { assertSectionVisible } from '../scope/sections';

type Method = 'reports.student' | 'reports.interventionPlan' | 'reports.classReport';

/** Every role reads these reports, each within its own scope. */
const READERS = [...INTERVENTION_EDITORS, 'district_admin'] as const;

async function pdfFile(request: ReportRequest, name: string[]): Promise<ReportFile> {
  const pdf = await renderInWorker(request);
  return {
    fileName: `${fileSlug(...name)}.pdf`,
    mimeType: 'application/pdf',
    base64: pdf.toString('base64'),
  };
}

function audit(
  ctx: CallContext,
  session: Session,
  action: string,
  entity: { type: string; id: string },
  studentId: string,
  detail: Record<string, unknown> = {},
): void {
  writeAudit(ctx.store, {
    actor: { staffId: session.staff.id, role: session.staff.role },
    action,
    entityType: entity.type,
    entityId: entity.id,
    studentId,
    detail: { host: ctx.host, ...detail },
  });
}

export const reportHandlers: Pick<HandlerMap, Method> = {
  async 'reports.student'({ studentId }, ctx) {
    const session = requireRole(ctx, READERS, 'export student reports');
    const data = await studentReportData(ctx.store, session, studentId);
    const s = data.profile.student;
    const file = await pdfFile({ kind: 'student', data }, [
      'student-report',
      s.familyName,
      s.givenName,
      data.stamp.printedOn,
    ]);
    audit(ctx, session, 'export.student_report', { type: 'student', id: studentId }, studentId);
    return file;
  },

  async 'reports.interventionPlan'({ studentId, interventionId }, ctx) {
    const session = requireRole(ctx, READERS, 'export intervention plans');
    const data = await interventionPlanData(ctx.store, session, studentId, interventionId);
    const s = data.student;
    const file = await pdfFile({ kind: 'interventionPlan', data }, [
      'intervention-plan',
      s.familyName,
      s.givenName,
      data.intervention.startDate,
    ]);
    audit(
      ctx,
      session,
      'export.intervention_plan',
      { type: 'intervention', id: interventionId },
      studentId,
    );
    return file;
  },

  async 'reports.classReport'({ sectionId }, ctx) {
    const session = requireRole(ctx, READERS, 'export class reports');
    try {
      assertSectionVisible(ctx.store.sqlite, session.scope, sectionId);
    } catch (error) {
      writeAudit(ctx.store, {
        actor: { staffId: session.staff.id, role: session.staff.role },
        action: 'section.access.denied',
        entityType: 'section',
        entityId: sectionId,
        detail: { method: 'reports.classReport' },
      });
      throw error;
    }
    const data = await classReportData(ctx.store, session, sectionId);
    const file = await pdfFile({ kind: 'classReport', data }, [
      'class-report',
      data.section.title,
      data.section.termTitle,
      data.stamp.printedOn,
    ]);
    // One row per student disclosed, so each student's access history shows this export.
    for (const row of data.rows) {
      audit(
        ctx,
        session,
        'export.class_report',
        { type: 'section', id: sectionId },
        row.studentId,
        { studentsListed: data.rows.length },
      );
    }
    return file;
  },
};
