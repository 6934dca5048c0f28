/**
 * "My caseload" for counselors: the students assigned to them, what is new since what they last
 * saw, and marking it all seen. Scope is the counselor's own (main/scope/scope.ts).
 */
import type { HandlerMap } from '../api/router';
import { requireRole } from '../auth/roles';
import type { Store } from '../store/open';
import { caseloadRows, readCaseload, shownOn } from './view';
import { markCaseloadSeen, visitCaseload } from './visits';

/** One refresh writes one as-of date for every student. */
function dataAsOf(store: Store): string | null {
  return (
    (store.sqlite.prepare('SELECT as_of FROM student_indicators LIMIT 1').pluck().get() as
      string | undefined) ?? null
  );
}

export const caseloadHandlers: Pick<HandlerMap, 'caseload.get' | 'caseload.markSeen'> = {
  async 'caseload.get'(_input, ctx) {
    const session = requireRole(ctx, ['counselor'], 'see a caseload');
    const asOf = dataAsOf(ctx.store);
    const caseload = await readCaseload(ctx.store.db, session.scope);
    const visit = await visitCaseload(ctx.store.db, session.staff.id, asOf, caseload.shown);
    const before =
      visit.before ??
      (visit.comparedWith
        ? shownOn(ctx.store.sqlite, Object.keys(caseload.shown), visit.comparedWith)
        : null);
    return {
      dataAsOf: asOf,
      comparedWith: visit.comparedWith,
      lastVisitAt: visit.lastVisitAt,
      rows: caseloadRows(ctx.store.sqlite, caseload, before),
    };
  },

  async 'caseload.markSeen'(input, ctx) {
    const session = requireRole(ctx, ['counselor'], 'mark a caseload seen');
    await markCaseloadSeen(ctx.store.db, session.staff.id, input.dataAsOf);
    return { ok: true };
  },
};
