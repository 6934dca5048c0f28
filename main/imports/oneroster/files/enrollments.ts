/**
 * enrollments.csv → enrollments (students) and section_teachers (teachers). Administrator and
 * proctor enrollments are counted as ignored. A student whose enrollments change is marked for
 * the feature pipeline from the enrollment's begin date.
 */
import type { IsoDate } from '../../../../db/schema';
import { fromUpsert, type ImportContext, type RowImporter, type RowResult } from '../../importer';
import { prepareSyncedUpsert } from '../../write/synced-upsert';
import { tombstoneAbsent, type FileSession } from '../file-session';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { parseFlag, parseIsoDate, q } from '../values';

const NOT_STORED =
  'Sightline records only the students and teachers of a class; administrator and proctor enrollments are not stored.';

interface PairRow {
  id: string;
  source_system: string | null;
  source_id: string | null;
  deleted_at: number | null;
  updated_at: number;
}

/**
 * A student is in a class once (enrollments (section_id, student_id) is unique, and so is
 * section_teachers (section_id, staff_id)), but SIS exports re-create an enrollment under a new
 * sourcedId when a student drops and re-adds a class. When the pair is held by another of this
 * source's rows that this file does not also list as live, that row is re-keyed to the new
 * sourcedId and updated, instead of the new row failing on the unique index.
 */
function pairClaimer(
  ctx: ImportContext,
  session: FileSession,
  table: 'enrollments' | 'section_teachers',
) {
  const other = table === 'enrollments' ? 'student_id' : 'staff_id';
  const findPair = ctx.sqlite.prepare(
    `SELECT id, source_system, source_id, deleted_at, updated_at FROM ${table}
      WHERE section_id = ? AND ${other} = ?`,
  );
  const findSource = ctx.sqlite
    .prepare(`SELECT id FROM ${table} WHERE source_system = ? AND source_id = ?`)
    .pluck();
  const rekey = ctx.sqlite.prepare(
    `UPDATE ${table} SET source_id = ?, updated_at = ? WHERE id = ?`,
  );
  const who =
    table === 'enrollments'
      ? 'The student is already enrolled in this class'
      : 'The teacher is already on this class';

  return (
    sectionId: string,
    personId: string,
    sourcedId: string,
  ): { reason: string } | { rekeyed: boolean } => {
    const pair = findPair.get(sectionId, personId) as PairRow | undefined;
    if (!pair || (pair.source_system === ctx.sourceSystem && pair.source_id === sourcedId)) {
      return { rekeyed: false };
    }
    if (pair.source_system !== ctx.sourceSystem) {
      return {
        reason: `${who} through another source (${pair.source_system ?? 'entered in Sightline'}); Sightline keeps one record per class and person.`,
      };
    }
    const live = pair.deleted_at === null;
    if (
      (live && pair.source_id !== null && session.seen.has(pair.source_id)) ||
      findSource.get(ctx.sourceSystem, sourcedId)
    ) {
      return {
        reason: `${who} through ${pair.source_id ? `enrollment ${q(pair.source_id)}` : 'another enrollment'}. Remove one of the two enrollments.`,
      };
    }
    // The upsert never overwrites a row this file already wrote (updated_at = now); a row this
    // file tombstoned a moment ago is being replaced, so it must not look written by this file.
    rekey.run(sourcedId, pair.updated_at === ctx.now ? ctx.now - 1 : pair.updated_at, pair.id);
    return { rekeyed: true };
  };
}

export function enrollmentsImporter(env: FileEnv): RowImporter {
  const fields = columns(
    env.session.mode,
    ['classSourcedId', 'userSourcedId', 'role'],
    ['schoolSourcedId', 'primary', 'beginDate', 'endDate'],
  );
  return rosterImporter(env, 'OneRoster enrollments', fields, (ctx) => {
    const refs = new RosterRefs(ctx.sqlite, ctx.sourceSystem);
    const enrollments = prepareSyncedUpsert(
      ctx.sqlite,
      'enrollments',
      ['student_id', 'section_id', 'begin_date', 'end_date'],
      ctx.sourceSystem,
      ctx.now,
    );
    const teachers = prepareSyncedUpsert(
      ctx.sqlite,
      'section_teachers',
      ['section_id', 'staff_id', 'is_primary'],
      ctx.sourceSystem,
      ctx.now,
    );
    const claimEnrollment = pairClaimer(ctx, env.session, 'enrollments');
    const claimTeacher = pairClaimer(ctx, env.session, 'section_teachers');
    const current = ctx.sqlite.prepare(
      `SELECT student_id, begin_date FROM enrollments
        WHERE source_system = ? AND source_id = ? AND deleted_at IS NULL`,
    );
    const before = (sourcedId: string) =>
      current.get(ctx.sourceSystem, sourcedId) as
        { student_id: string; begin_date: IsoDate } | undefined;

    const dates = (
      begin: string,
      end: string,
      fallback: IsoDate,
    ): { reason: string } | { begin: IsoDate; end: IsoDate | null } => {
      const b = begin === '' ? fallback : parseIsoDate(begin);
      if (!b) return { reason: `beginDate ${q(begin)} is not a date (YYYY-MM-DD).` };
      const e = end === '' ? null : parseIsoDate(end);
      if (end !== '' && !e) return { reason: `endDate ${q(end)} is not a date (YYYY-MM-DD).` };
      if (e && e < b) return { reason: `endDate ${e} is before beginDate ${b}.` };
      return { begin: b, end: e };
    };

    return {
      upsert: ({ sourcedId, data }): RowResult => {
        const role = data.get('role');
        if (role === 'administrator' || role === 'proctor' || role.startsWith('ext:')) {
          return env.session.ignore(NOT_STORED);
        }
        if (role !== 'student' && role !== 'teacher') {
          return {
            reason: `Enrollment role ${q(role)} must be student, teacher, administrator or proctor.`,
          };
        }
        const classId = data.get('classSourcedId');
        const section = refs.section(classId);
        if (!section) {
          return {
            reason: `classSourcedId ${q(classId)} is not in classes.csv. Add the class to classes.csv or fix classSourcedId.`,
          };
        }
        const schoolId = data.get('schoolSourcedId');
        if (schoolId !== '' && !refs.org(schoolId)) {
          return {
            reason: `schoolSourcedId ${q(schoolId)} is not in orgs.csv. Add the school to orgs.csv or fix schoolSourcedId.`,
          };
        }
        const userId = data.get('userSourcedId');
        const person = refs.person(userId);
        if (!person) {
          return {
            reason: `userSourcedId ${q(userId)} is not a student or staff member from users.csv. Add the user to users.csv (or see why their users.csv row was quarantined).`,
          };
        }

        if (role === 'teacher') {
          if (person.kind !== 'staff') {
            return {
              reason: `User ${q(userId)} is enrolled as a teacher but roles.csv makes them a student.`,
            };
          }
          const primary = parseFlag(data.get('primary'));
          if (primary === null)
            return { reason: `primary ${q(data.get('primary'))} must be true or false.` };
          const claim = claimTeacher(section.id, person.id, sourcedId);
          if ('reason' in claim) return claim;
          const { outcome: written } = teachers({
            sourceId: sourcedId,
            districtId: section.districtId,
            schoolId: section.schoolId,
            values: { section_id: section.id, staff_id: person.id, is_primary: primary ? 1 : 0 },
          });
          return fromUpsert(
            claim.rekeyed && written === 'unchanged' ? 'updated' : written,
            'sourcedId',
          );
        }

        if (person.kind !== 'student') {
          return {
            reason: `User ${q(userId)} is enrolled as a student but roles.csv makes them staff.`,
          };
        }
        const span = dates(data.get('beginDate'), data.get('endDate'), section.termStart);
        if ('reason' in span) return { reason: span.reason };
        const claim = claimEnrollment(section.id, person.id, sourcedId);
        if ('reason' in claim) return claim;
        const old = before(sourcedId);
        const { outcome: written } = enrollments({
          sourceId: sourcedId,
          districtId: section.districtId,
          schoolId: section.schoolId,
          values: {
            student_id: person.id,
            section_id: section.id,
            begin_date: span.begin,
            end_date: span.end,
          },
        });
        // A re-keyed row with the same values still changed: it answers to a new sourcedId.
        const outcome = claim.rekeyed && written === 'unchanged' ? 'updated' : written;
        if (outcome === 'added' || outcome === 'updated') {
          ctx.dirty.mark(person.id, span.begin);
          // A row moved to another student or to a later date: recompute the old one too.
          if (old) ctx.dirty.mark(old.student_id, old.begin_date);
        }
        return fromUpsert(outcome, 'sourcedId');
      },
      remove: ({ sourcedId }) => {
        const old = before(sourcedId);
        if (enrollments.remove(sourcedId) === 'deleted') {
          if (old) ctx.dirty.mark(old.student_id, old.begin_date);
          return { outcome: 'deleted' };
        }
        return { outcome: teachers.remove(sourcedId) === 'deleted' ? 'deleted' : 'unchanged' };
      },
      finish:
        env.session.mode === 'bulk'
          ? () => {
              env.session.absentDeleted +=
                tombstoneAbsent(ctx, 'enrollments', env.session.seen, (row) => {
                  if (row.studentId && row.beginDate) ctx.dirty.mark(row.studentId, row.beginDate);
                }) + tombstoneAbsent(ctx, 'section_teachers', env.session.seen);
            }
          : undefined,
    };
  });
}
