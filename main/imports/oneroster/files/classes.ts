/**
 * classes.csv → sections. A class taught over several terms (termSourcedIds "fall,spring")
 * is one section whose term is the first listed; homerooms are sections too.
 */
import { fromUpsert, type RowImporter } from '../../importer';
import { prepareSyncedUpsert } from '../../write/synced-upsert';
import { tombstoneAbsent } from '../file-session';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { q, splitList } from '../values';

export function classesImporter(env: FileEnv): RowImporter {
  const fields = columns(
    env.session.mode,
    ['title', 'courseSourcedId', 'schoolSourcedId', 'termSourcedIds'],
    ['grades', 'classCode', 'classType', 'location', 'subjects', 'subjectCodes', 'periods'],
  );
  return rosterImporter(env, 'OneRoster classes', fields, (ctx) => {
    const refs = new RosterRefs(ctx.sqlite, ctx.sourceSystem);
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'sections',
      ['course_id', 'term_id', 'title', 'period'],
      ctx.sourceSystem,
      ctx.now,
    );
    return {
      upsert: ({ sourcedId, data }) => {
        const title = data.get('title');
        if (title === '') return { reason: 'title is empty: every class needs a title.' };
        const courseId = data.get('courseSourcedId');
        const course = refs.course(courseId);
        if (!course) {
          return {
            reason: `courseSourcedId ${q(courseId)} is not in courses.csv. Add the course to courses.csv or fix courseSourcedId.`,
          };
        }
        const schoolId = data.get('schoolSourcedId');
        const school = refs.org(schoolId);
        if (school?.table !== 'schools') {
          return {
            reason: `schoolSourcedId ${q(schoolId)} is not a school in orgs.csv. Add the school to orgs.csv (type school) or fix schoolSourcedId.`,
          };
        }
        const termIds = splitList(data.get('termSourcedIds'));
        if (termIds.length === 0) {
          return {
            reason:
              'termSourcedIds is empty: a class needs at least one term from academicSessions.csv.',
          };
        }
        const unknown = termIds.filter((t) => !refs.session(t));
        if (unknown.length > 0) {
          return {
            reason: `termSourcedIds ${unknown.map(q).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in academicSessions.csv. Add the term(s) there or fix termSourcedIds.`,
          };
        }
        const periods = splitList(data.get('periods'));
        const { outcome } = upsert({
          sourceId: sourcedId,
          districtId: school.districtId,
          schoolId: school.id,
          values: {
            course_id: course.id,
            term_id: refs.session(termIds[0]!)!.id,
            title,
            period: periods.length > 0 ? periods.join(', ') : null,
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
              env.session.absentDeleted += tombstoneAbsent(ctx, 'sections', env.session.seen);
            }
          : undefined,
    };
  });
}
