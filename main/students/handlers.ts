import { signedIn, type HandlerMap } from '../api/router';
import { listStudents } from './list';
import { studentProfile } from './profile';

export const studentHandlers: Pick<HandlerMap, 'students.list' | 'students.profile'> = {
  'students.list'(input, ctx) {
    return listStudents(ctx.store.db, signedIn(ctx).scope, input);
  },
  // Scope and the audit row are handled by the router for every method that names a student.
  'students.profile'({ studentId }, ctx) {
    signedIn(ctx);
    return studentProfile(ctx.store, studentId, signedIn(ctx).staff.role);
  },
};
