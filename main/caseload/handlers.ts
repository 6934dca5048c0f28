/**
 * "My caseload" for counselors: the students assigned to them, what is new since the data they
 * last saw, and marking it all seen. Scope is the counselor's own (main/scope/scope.ts).
 */
import type { HandlerMap } from '../api/router';
import { requireRole } from '../auth/roles';
import { caseloadRows } from './view';
import { markCaseloadSeen, visitCaseload } from './visits';

function dataAsOf(ctx: Parameters<HandlerMap['caseload.get']>[1]): string | null {
  return (
    (ctx.store.sqlite.prepare('SELECT max(as_of) FROM student_indicators').pluck().get() as
      string | null) ?? null
  );
}

export const caseloadHandlers: Pick<HandlerMap, 'caseload.get' | 'caseload.markSeen'> = {
  async 'caseload.get'(_input, ctx) {
    const session = requireRole(ctx, ['counselor'], 'see a caseload');
    const asOf = dataAsOf(ctx);
    const visit = await visitCaseload(ctx.store.db, session.staff.id, asOf);
    return {
      dataAsOf: asOf,
      comparedWith: visit.comparedWith,
      lastVisitAt: visit.lastVisitAt,
      rows: await caseloadRows(ctx.store.db, ctx.store.sqlite, session.scope, visit.comparedWith),
    };
  },

  async 'caseload.markSeen'(_input, ctx) {
    const session = requireRole(ctx, ['counselor'], 'mark a caseload seen');
    await markCaseloadSeen(ctx.store.db, session.staff.id, dataAsOf(ctx));
    return { ok: true };
  },
};
