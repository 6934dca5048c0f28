/**
 * roles.csv. Roles have no table of their own: they decide where each user lands (people.ts).
 * users.csv already applied them when it placed its users, so here each role row is checked
 * (vocabulary, user, org) and counted by its effect on the person: `added` when the person came
 * in with this bundle, `updated` when the role changed the person now (a delta that moves a
 * student to another school without resending the user), else `unchanged`.
 */
import type { RowImporter, RowResult } from '../../importer';
import { NOT_STORED, ROLE_VOCABULARY, placeUser } from '../people';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { parseIsoDate, q } from '../values';
import { isoDateOf } from './users';

export function rolesImporter(env: FileEnv): RowImporter {
  const fields = columns(
    env.session.mode,
    ['userSourcedId', 'roleType', 'role', 'orgSourcedId'],
    ['beginDate', 'endDate', 'userProfileSourcedId'],
  );
  return rosterImporter(env, 'OneRoster roles', fields, (ctx) => {
    const refs = new RosterRefs(ctx.sqlite, ctx.sourceSystem);
    const yearStart = refs.schoolYearStart();
    const defaultEntryDate = yearStart ?? isoDateOf(ctx.now);
    const updateStudent = ctx.sqlite.prepare(
      `UPDATE students SET district_id = @district, school_id = @school, entry_date = @entry,
              exit_date = @exit, updated_at = @now
        WHERE id = @id AND (district_id IS NOT @district OR school_id IS NOT @school
                            OR entry_date IS NOT @entry OR exit_date IS NOT @exit)`,
    );
    const updateStaff = ctx.sqlite.prepare(
      `UPDATE staff SET role = @role, district_id = @district, school_id = @school, updated_at = @now
        WHERE id = @id AND (role IS NOT @role OR district_id IS NOT @district OR school_id IS NOT @school)`,
    );

    /** Re-places the user from all their active roles in this bundle. */
    const apply = (userSourcedId: string): RowResult => {
      const person = refs.person(userSourcedId)!;
      const place = placeUser({
        userSourcedId,
        roles: env.bundle.roles.activeRolesOf(userSourcedId),
        existing: person,
        primaryOrgSourcedId: '',
        refs,
        defaultEntryDate,
      });
      if (place.kind === 'unplaced') return { reason: place.reason };
      if (place.kind !== person.kind) {
        const now =
          place.kind === 'ignored'
            ? 'someone Sightline does not store'
            : `a ${place.kind === 'staff' ? 'staff member' : 'student'}`;
        return {
          reason: `These roles make user ${q(userSourcedId)} ${now}, but Sightline has them as a ${person.kind === 'staff' ? 'staff member' : 'student'}. Send the user's users.csv row in the same bundle so Sightline can move them.`,
        };
      }
      let changed: boolean;
      if (place.kind === 'student') {
        changed =
          updateStudent.run({
            district: place.districtId,
            school: place.schoolId,
            entry: place.entryDate,
            exit: place.exitDate,
            now: ctx.now,
            id: person.id,
          }).changes > 0;
        if (changed) {
          ctx.dirty.mark(
            person.id,
            yearStart && yearStart < place.entryDate ? yearStart : place.entryDate,
          );
        }
      } else if (place.kind === 'staff') {
        changed =
          updateStaff.run({
            role: place.role,
            district: place.districtId,
            school: place.schoolId,
            now: ctx.now,
            id: person.id,
          }).changes > 0;
      } else {
        changed = false;
      }
      if (env.bundle.usersNow !== null && person.createdAt === env.bundle.usersNow)
        return { outcome: 'added' };
      return { outcome: changed ? 'updated' : 'unchanged' };
    };

    return {
      upsert: ({ data }) => {
        const role = data.get('role');
        if (!(ROLE_VOCABULARY as readonly string[]).includes(role)) {
          if (role.startsWith('ext:')) {
            return env.session.ignore('Extension roles (ext:…) are not roles Sightline uses.');
          }
          return {
            reason: `Role ${q(role)} is not a OneRoster 1.2 role: use one of ${ROLE_VOCABULARY.join(', ')}.`,
          };
        }
        const roleType = data.get('roleType');
        if (roleType !== 'primary' && roleType !== 'secondary') {
          return { reason: `roleType ${q(roleType)} must be primary or secondary.` };
        }
        for (const column of ['beginDate', 'endDate']) {
          const text = data.get(column);
          if (text !== '' && !parseIsoDate(text))
            return { reason: `${column} ${q(text)} is not a date (YYYY-MM-DD).` };
        }
        const notStored = NOT_STORED[role];
        if (notStored) return env.session.ignore(notStored);
        const orgId = data.get('orgSourcedId');
        if (!refs.org(orgId)) {
          return {
            reason: `orgSourcedId ${q(orgId)} is not in orgs.csv (or is not a district or school). Add the org to orgs.csv or fix orgSourcedId.`,
          };
        }
        const userId = data.get('userSourcedId');
        if (!refs.person(userId)) {
          return {
            reason: `userSourcedId ${q(userId)} is not a student or staff member from users.csv. Add the user to users.csv (or see why their users.csv row was quarantined).`,
          };
        }
        return apply(userId);
      },
      // A removed role no longer counts; the user is re-placed from the roles that remain.
      remove: ({ data }) => {
        const userId = data.get('userSourcedId');
        if (!refs.person(userId)) return { outcome: 'unchanged' };
        const result = apply(userId);
        return 'reason' in result ? result : { outcome: 'deleted' };
      },
    };
  });
}
