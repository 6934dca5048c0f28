/**
 * users.csv → students and staff. Whether a user is a student, staff or someone we don't store
 * (guardians, aides) comes from their roles in roles.csv, read ahead (see people.ts); the same
 * roles give a student's school and entry date and a staff member's role, so each person lands
 * complete in one write.
 */
import type { IsoDate } from '../../../../db/schema';
import { fromUpsert, type RowImporter, type RowResult } from '../../importer';
import { prepareSyncedUpsert } from '../../write/synced-upsert';
import { tombstoneAbsent } from '../file-session';
import { placeUser } from '../people';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { gradeLevels, parseFlag, q } from '../values';

export function isoDateOf(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function usersImporter(env: FileEnv): RowImporter {
  const fields = columns(
    env.session.mode,
    ['givenName', 'familyName'],
    [
      'enabledUser',
      'username',
      'userIds',
      'middleName',
      'identifier',
      'email',
      'sms',
      'phone',
      'agentSourcedIds',
      'grades',
      'password',
      'userMasterIdentifier',
      'preferredGivenName',
      'preferredMiddleName',
      'preferredFamilyName',
      'primaryOrgSourcedId',
      'pronouns',
    ],
  );
  return rosterImporter(env, 'OneRoster users', fields, (ctx) => {
    env.bundle.usersNow = ctx.now;
    const refs = new RosterRefs(ctx.sqlite, ctx.sourceSystem);
    // birth_date comes from demographics.csv and counselor_id from Sightline itself: not
    // listed, so a users.csv import never overwrites them.
    const students = prepareSyncedUpsert(
      ctx.sqlite,
      'students',
      [
        'student_number',
        'given_name',
        'family_name',
        'grade_level',
        'entry_date',
        'exit_date',
        'enrollment_status',
      ],
      ctx.sourceSystem,
      ctx.now,
    );
    const staff = prepareSyncedUpsert(
      ctx.sqlite,
      'staff',
      ['given_name', 'family_name', 'email', 'role'],
      ctx.sourceSystem,
      ctx.now,
    );
    const yearStart = refs.schoolYearStart();
    // Without any school year on record (a users-only bundle), the day of the import is the
    // one date known to fall within the student's enrollment.
    const defaultEntryDate = yearStart ?? isoDateOf(ctx.now);

    const remove = (sourcedId: string): RowResult =>
      [students.remove(sourcedId), staff.remove(sourcedId)].includes('deleted')
        ? { outcome: 'deleted' }
        : { outcome: 'unchanged' };

    return {
      upsert: ({ sourcedId, data }) => {
        const given = data.get('givenName');
        const family = data.get('familyName');
        if (given === '' || family === '') {
          return {
            reason: 'givenName and familyName must both be filled: Sightline shows people by name.',
          };
        }
        const enabled = parseFlag(data.get('enabledUser'));
        if (enabled === null) {
          return { reason: `enabledUser ${q(data.get('enabledUser'))} must be true or false.` };
        }
        const existing = refs.person(sourcedId);
        const place = placeUser({
          userSourcedId: sourcedId,
          roles: env.bundle.roles.activeRolesOf(sourcedId),
          existing,
          primaryOrgSourcedId: data.get('primaryOrgSourcedId'),
          refs,
          defaultEntryDate,
        });
        if (place.kind === 'unplaced') return { reason: place.reason };
        if (place.kind === 'ignored') {
          // Someone we stored before and no longer do (a staff member who is now only a
          // parent) leaves the roster rather than lingering.
          return existing ? remove(sourcedId) : env.session.ignore(place.reason);
        }
        if (existing && existing.kind !== place.kind) {
          (existing.kind === 'student' ? students : staff).remove(sourcedId);
        }

        if (place.kind === 'staff') {
          const { outcome } = staff({
            sourceId: sourcedId,
            districtId: place.districtId,
            schoolId: place.schoolId,
            values: {
              given_name: given,
              family_name: family,
              email: data.get('email') || null,
              role: place.role,
            },
          });
          return fromUpsert(outcome, 'sourcedId');
        }

        const { levels, unreadable } = gradeLevels(data.get('grades'));
        const grade = levels[0] ?? (existing?.kind === 'student' ? existing.gradeLevel : undefined);
        if (grade === undefined) {
          return {
            reason:
              unreadable.length > 0
                ? `grades ${q(data.get('grades'))} gives no grade level Sightline can place (use IT/PR/PK/TK, KG or 01–13; PS, UG and Other have no grade level).`
                : 'grades is empty: a student needs a grade (KG, 01–12, …) in users.csv.',
          };
        }
        const { outcome, id } = students({
          sourceId: sourcedId,
          districtId: place.districtId,
          schoolId: place.schoolId,
          values: {
            student_number: data.get('identifier') || sourcedId,
            given_name: given,
            family_name: family,
            grade_level: grade,
            entry_date: place.entryDate,
            exit_date: place.exitDate,
            enrollment_status: enabled === false ? 'withdrawn' : 'active',
          },
        });
        if (id && outcome === 'added') ctx.dirty.mark(id, place.entryDate);
        if (id && outcome === 'updated') {
          ctx.dirty.mark(
            id,
            yearStart && yearStart < place.entryDate ? yearStart : place.entryDate,
          );
        }
        return fromUpsert(outcome, 'sourcedId');
      },
      remove: ({ sourcedId }) => remove(sourcedId),
      finish:
        env.session.mode === 'bulk'
          ? () => {
              env.session.absentDeleted +=
                tombstoneAbsent(ctx, 'students', env.session.seen) +
                tombstoneAbsent(ctx, 'staff', env.session.seen);
            }
          : undefined,
    };
  });
}
