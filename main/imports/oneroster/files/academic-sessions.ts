/**
 * academicSessions.csv → academic_sessions. A session's parent (a semester's school year, a
 * grading period's semester) is written first even when the file lists it later. The binding
 * gives sessions no org, so they belong to the bundle's district (RosterRefs.defaultDistrict).
 */
import type { SessionType } from '../../../../db/schema';
import { fromUpsert, type RowImporter, type RowResult } from '../../importer';
import { prepareSyncedUpsert } from '../../write/synced-upsert';
import { tombstoneAbsent } from '../file-session';
import { ParentFirst } from '../parent-first';
import type { PreRow } from '../pre-read';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { parseIsoDate, q } from '../values';

const SESSION_TYPES: Readonly<Record<string, SessionType>> = {
  schoolYear: 'school_year',
  semester: 'semester',
  term: 'term',
  gradingPeriod: 'grading_period',
};

export function academicSessionsImporter(env: FileEnv): RowImporter {
  const fields = columns(
    env.session.mode,
    ['title', 'type', 'startDate', 'endDate', 'schoolYear'],
    ['parentSourcedId'],
  );
  return rosterImporter(env, 'OneRoster academic sessions', fields, (ctx) => {
    const refs = new RosterRefs(ctx.sqlite, ctx.sourceSystem);
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'academic_sessions',
      ['title', 'session_type', 'parent_id', 'start_date', 'end_date', 'school_year'],
      ctx.sourceSystem,
      ctx.now,
    );
    let district: string | null | undefined;

    const write = (row: PreRow): RowResult => {
      const sourcedId = row.get('sourcedId');
      const title = row.get('title');
      if (title === '') return { reason: 'title is empty: every academic session needs a title.' };
      const typeText = row.get('type');
      const type = SESSION_TYPES[typeText];
      if (!type) {
        if (typeText.startsWith('ext:')) {
          return env.session.ignore(
            `Extension session types (ext:…) have no place in Sightline's calendar.`,
          );
        }
        return {
          reason: `Session type ${q(typeText)} is not a OneRoster type: use schoolYear, semester, term or gradingPeriod.`,
        };
      }
      const start = parseIsoDate(row.get('startDate'));
      const end = parseIsoDate(row.get('endDate'));
      if (!start)
        return { reason: `startDate ${q(row.get('startDate'))} is not a date (YYYY-MM-DD).` };
      if (!end) return { reason: `endDate ${q(row.get('endDate'))} is not a date (YYYY-MM-DD).` };
      if (end < start) return { reason: `endDate ${end} is before startDate ${start}.` };
      const yearText = row.get('schoolYear');
      if (!/^\d{4}$/.test(yearText)) {
        return {
          reason: `schoolYear ${q(yearText)} must be the four-digit year the school year ends in (2026 for 2025–26).`,
        };
      }

      let parentId: string | null = null;
      const parent = row.get('parentSourcedId');
      if (parent !== '') {
        const problem = order.ensure(parent);
        if (problem)
          return { reason: `Its parent session ${q(parent)} was not imported: ${problem}` };
        const ref = refs.session(parent);
        if (!ref) {
          return {
            reason: `parentSourcedId ${q(parent)} is not in academicSessions.csv (nor a session imported before). Add the parent session or fix parentSourcedId.`,
          };
        }
        parentId = ref.id;
      }

      district ??= refs.defaultDistrict();
      if (!district) {
        return {
          reason:
            'No district is on record for these sessions: orgs.csv must list the district (type district) and be imported first.',
        };
      }
      const { outcome, id } = upsert({
        sourceId: sourcedId,
        districtId: district,
        schoolId: null,
        values: {
          title,
          session_type: type,
          parent_id: parentId,
          start_date: start,
          end_date: end,
          school_year: Number(yearText),
        },
      });
      if (id) refs.rememberSession(sourcedId, { id, type, startDate: start, endDate: end });
      return fromUpsert(outcome, 'sourcedId');
    };
    const order = new ParentFirst(env.bundle.sessionRows, write);

    return {
      upsert: (row) => order.take(row.ordinal, row.data),
      remove: ({ sourcedId }) => ({
        outcome: upsert.remove(sourcedId) === 'deleted' ? 'deleted' : 'unchanged',
      }),
      finish:
        env.session.mode === 'bulk'
          ? () => {
              env.session.absentDeleted += tombstoneAbsent(
                ctx,
                'academic_sessions',
                env.session.seen,
              );
            }
          : undefined,
    };
  });
}
