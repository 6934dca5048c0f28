/**
 * A teacher's "My sections": the sections they work with, and one section's roster with flags,
 * risk tier and change since last week, the class's weekly trends and who needs attention.
 * Section access follows main/scope/sections.ts; rows only ever hold students in scope.
 */
import type { HandlerMap } from '../api/router';
import { requireRole } from '../auth/roles';
import { classReportData } from '../reports/gather/class';
import { assertSectionVisible } from '../scope/sections';
import { needsAttention } from './attention';
import { listSections } from './list';
import { sectionTrend } from './trend';

const ALL_ROLES = ['teacher', 'counselor', 'school_admin', 'district_admin'] as const;

export const sectionHandlers: Pick<HandlerMap, 'sections.list' | 'sections.get'> = {
  async 'sections.list'(input, ctx) {
    const session = requireRole(ctx, ALL_ROLES, 'see sections');
    return {
      sections: await listSections(ctx.store.db, session.scope, input.schoolId ?? null),
    };
  },

  async 'sections.get'(input, ctx) {
    const session = requireRole(ctx, ALL_ROLES, 'open sections');
    const { sqlite } = ctx.store;
    assertSectionVisible(sqlite, session.scope, input.sectionId);
    const roster = await classReportData(ctx.store, session, input.sectionId);
    const term = sqlite
      .prepare(
        `SELECT t.start_date AS start, t.end_date AS end FROM sections s
         JOIN academic_sessions t ON t.id = s.term_id WHERE s.id = ?`,
      )
      .get(input.sectionId) as { start: string; end: string };
    return {
      section: roster.section,
      dataAsOf: roster.stamp.dataAsOf,
      enrolled: roster.enrolled,
      rows: roster.rows,
      comparedWeeks: roster.comparedWeeks,
      trend: sectionTrend(
        sqlite,
        input.sectionId,
        roster.rows.map((r) => r.studentId),
        term,
      ),
      needsAttention: needsAttention(roster.rows),
    };
  },
};
