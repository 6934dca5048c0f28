import { signedIn, type HandlerMap } from '../api/router';
import { writeAudit } from '../audit/log';
import { describeStudentExport, studentListCsv } from './export';
import { listStudents } from './list';
import { studentProfile } from './profile';

export const studentHandlers: Pick<
  HandlerMap,
  'students.list' | 'students.profile' | 'students.exportCsv'
> = {
  'students.list'(input, ctx) {
    return listStudents(ctx.store.db, signedIn(ctx).scope, input);
  },
  // Scope and the audit row are handled by the router for every method that names a student.
  'students.profile'({ studentId }, ctx) {
    signedIn(ctx);
    return studentProfile(ctx.store, studentId, signedIn(ctx).staff.role);
  },
  // The caller's scope bounds the rows exactly as for the list; the file is a disclosure of
  // student records, so every export leaves an audit row with its filters and row count.
  async 'students.exportCsv'(input, ctx) {
    const session = signedIn(ctx);
    const { csv, rows } = await studentListCsv(ctx.store.db, session.scope, input);
    const { sort, dir, ...filters } = input;
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: 'export.student_list',
      entityType: 'student_list',
      detail: {
        host: ctx.host,
        rows,
        filters,
        sort,
        dir,
        description: describeStudentExport(input),
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return { fileName: `sightline-students-${stamp}.csv`, csv };
  },
};
