import { sql } from 'kysely';
import type { HandlerMap } from '../api/router';
import { signedIn } from '../api/router';

export const schoolHandlers: Pick<HandlerMap, 'schools.list'> = {
  async 'schools.list'(_input, ctx) {
    const { scope } = signedIn(ctx);
    let query = ctx.store.db
      .selectFrom('schools')
      .leftJoin('students', (join) =>
        join.onRef('students.school_id', '=', 'schools.id').on('students.deleted_at', 'is', null),
      )
      .select([
        'schools.id',
        'schools.name',
        'schools.school_type',
        'schools.grade_low',
        'schools.grade_high',
        sql<number>`count(students.id)`.as('students'),
      ])
      .where('schools.deleted_at', 'is', null)
      .where('schools.district_id', '=', scope.districtId)
      .groupBy('schools.id')
      .orderBy('schools.name');
    if (scope.kind !== 'district') query = query.where('schools.id', '=', scope.schoolId ?? '');
    const rows = await query.execute();
    return {
      schools: rows.map((r) => ({
        id: r.id,
        name: r.name,
        schoolType: r.school_type,
        gradeLow: r.grade_low,
        gradeHigh: r.grade_high,
        studentCount: r.students,
      })),
    };
  },
};
