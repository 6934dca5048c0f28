/**
 * courses.csv → courses. The subject comes from subjectCodes (SCED) or subjects; credits are
 * not in OneRoster, so a new course gets the column default (1) and keeps whatever it has
 * after that.
 */
import { fromUpsert, type RowImporter } from '../../importer';
import { prepareSyncedUpsert } from '../../write/synced-upsert';
import { tombstoneAbsent } from '../file-session';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { courseSubject, isCore } from '../subjects';
import { gradeLevels, q } from '../values';

export function coursesImporter(env: FileEnv): RowImporter {
  const fields = columns(
    env.session.mode,
    ['title', 'orgSourcedId'],
    ['schoolYearSourcedId', 'courseCode', 'grades', 'subjects', 'subjectCodes'],
  );
  return rosterImporter(env, 'OneRoster courses', fields, (ctx) => {
    const refs = new RosterRefs(ctx.sqlite, ctx.sourceSystem);
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'courses',
      ['title', 'code', 'subject', 'grade_level', 'is_core'],
      ctx.sourceSystem,
      ctx.now,
    );
    return {
      upsert: ({ sourcedId, data }) => {
        const title = data.get('title');
        if (title === '') return { reason: 'title is empty: every course needs a title.' };
        const orgId = data.get('orgSourcedId');
        const org = refs.org(orgId);
        if (!org) {
          return {
            reason: `orgSourcedId ${q(orgId)} is not in orgs.csv (or is not a district or school). Add the org to orgs.csv or fix orgSourcedId.`,
          };
        }
        const yearId = data.get('schoolYearSourcedId');
        if (yearId !== '' && !refs.session(yearId)) {
          return {
            reason: `schoolYearSourcedId ${q(yearId)} is not in academicSessions.csv. Add the school year there or leave the column blank.`,
          };
        }
        // One grade makes it that grade's course (Algebra I in 9th); several make it multi-grade.
        const levels = [...new Set(gradeLevels(data.get('grades')).levels)];
        const subject = courseSubject(data.get('subjects'), data.get('subjectCodes'));
        const { outcome } = upsert({
          sourceId: sourcedId,
          districtId: org.districtId,
          schoolId: org.table === 'schools' ? org.id : null,
          values: {
            title,
            code: data.get('courseCode') || sourcedId,
            subject,
            grade_level: levels.length === 1 ? levels[0]! : null,
            is_core: isCore(subject) ? 1 : 0,
          },
        });
        return fromUpsert(outcome, 'sourcedId');
      },
      remove: ({ sourcedId }) => ({
        outcome: upsert.remove(sourcedId) === 'deleted' ? 'deleted' : 'unchanged',
      }),
      finish:
        env.session.mode === 'bulk'
          ? () => {
              env.session.absentDeleted += tombstoneAbsent(ctx, 'courses', env.session.seen);
            }
          : undefined,
    };
  });
}
