/**
 * Who a OneRoster user is to Sightline. In 1.2 users.csv has no role: roles.csv gives each user
 * one or more roles, each at an org (roleType primary or secondary). One role decides where the
 * user lands: a student, a staff member with one of our four roles, or nobody we store.
 */
import type { IsoDate, StaffRole } from '../../../db/schema';
import type { FileMode } from './manifest';
import type { PreRow } from './pre-read';
import type { PersonRef, RosterRefs } from './refs';
import { rowLifecycle } from './lifecycle';
import { parseIsoDate, q } from './values';

/** The OneRoster 1.2 role vocabulary (roles.csv `role`). */
export const ROLE_VOCABULARY = [
  'aide',
  'counselor',
  'districtAdministrator',
  'guardian',
  'parent',
  'principal',
  'proctor',
  'relative',
  'siteAdministrator',
  'student',
  'systemAdministrator',
  'teacher',
] as const;

/** OneRoster staff roles onto Sightline's; the order is the precedence for several roles. */
const STAFF_ROLES: readonly [string, StaffRole][] = [
  ['districtAdministrator', 'district_admin'],
  ['systemAdministrator', 'district_admin'],
  ['principal', 'school_admin'],
  ['siteAdministrator', 'school_admin'],
  ['counselor', 'counselor'],
  ['teacher', 'teacher'],
];

const FAMILY =
  'Guardian, parent and relative accounts are not stored: Sightline keeps students and school staff only.';
const HELPERS =
  'Aide and proctor accounts are not stored: Sightline keeps students, teachers, counselors and administrators.';

/** Roles read and deliberately not stored, with the reason the report gives. */
export const NOT_STORED: Readonly<Record<string, string>> = {
  guardian: FAMILY,
  parent: FAMILY,
  relative: FAMILY,
  aide: HELPERS,
  proctor: HELPERS,
};

export function staffRoleOf(role: string): StaffRole | undefined {
  return STAFF_ROLES.find(([r]) => r === role)?.[1];
}

function rank(role: string): number {
  const staff = STAFF_ROLES.findIndex(([r]) => r === role);
  if (staff !== -1) return staff;
  if (role === 'student') return STAFF_ROLES.length;
  if (role in NOT_STORED) return STAFF_ROLES.length + 1;
  return Number.POSITIVE_INFINITY;
}

export interface RoleRow {
  sourcedId: string;
  userSourcedId: string;
  roleType: string;
  role: string;
  beginDate: string;
  endDate: string;
  orgSourcedId: string;
}

/** roles.csv read ahead: each user's active roles, so users.csv can place its users. */
export class RoleIndex {
  readonly #active = new Map<string, RoleRow[]>();

  static empty(): RoleIndex {
    return new RoleIndex([], 'bulk');
  }

  constructor(rows: readonly PreRow[], mode: Exclude<FileMode, 'absent'>) {
    for (const row of rows) {
      const life = rowLifecycle(mode, row.get('status'), row.get('dateLastModified'));
      if ('reason' in life || life.action === 'delete') continue;
      const role: RoleRow = {
        sourcedId: row.get('sourcedId'),
        userSourcedId: row.get('userSourcedId'),
        roleType: row.get('roleType'),
        role: row.get('role'),
        beginDate: row.get('beginDate'),
        endDate: row.get('endDate'),
        orgSourcedId: row.get('orgSourcedId'),
      };
      if (role.sourcedId === '' || role.userSourcedId === '') continue;
      let list = this.#active.get(role.userSourcedId);
      if (!list) this.#active.set(role.userSourcedId, (list = []));
      list.push(role);
    }
  }

  activeRolesOf(userSourcedId: string): readonly RoleRow[] {
    return this.#active.get(userSourcedId) ?? [];
  }
}

/**
 * The role that decides a user's place: primary roles before secondary ones, then the most
 * senior (district administrator, school administrator, counselor, teacher, student, then
 * the roles we do not store). Unknown roles never decide (roles.csv quarantines them).
 */
export function decidingRole(roles: readonly RoleRow[]): RoleRow | null {
  let best: RoleRow | null = null;
  const key = (r: RoleRow) => (r.roleType === 'primary' ? 0 : 100) + rank(r.role);
  for (const role of roles) {
    if (!Number.isFinite(rank(role.role))) continue;
    if (!best || key(role) < key(best)) best = role;
  }
  return best;
}

export type Placement =
  | {
      kind: 'student';
      districtId: string;
      schoolId: string | null;
      entryDate: IsoDate;
      exitDate: IsoDate | null;
    }
  | { kind: 'staff'; role: StaffRole; districtId: string; schoolId: string | null }
  | { kind: 'ignored'; reason: string }
  | { kind: 'unplaced'; reason: string };

export interface PlaceInput {
  userSourcedId: string;
  roles: readonly RoleRow[];
  /** The user as already on record, if they are. */
  existing: PersonRef | undefined;
  /** users.csv primaryOrgSourcedId ('' when not known). */
  primaryOrgSourcedId: string;
  refs: RosterRefs;
  /** The date a student's enrollment starts when the role gives none. */
  defaultEntryDate: IsoDate;
}

/**
 * Where the user lands. With no usable role in this bundle, a user already on record keeps
 * their place (a delta users.csv often changes a name without resending roles).
 */
export function placeUser(input: PlaceInput): Placement {
  const role = decidingRole(input.roles);
  if (!role) {
    const e = input.existing;
    if (e?.kind === 'student') {
      return {
        kind: 'student',
        districtId: e.districtId,
        schoolId: e.schoolId,
        entryDate: e.entryDate,
        exitDate: e.exitDate,
      };
    }
    if (e?.kind === 'staff') {
      return { kind: 'staff', role: e.role, districtId: e.districtId, schoolId: e.schoolId };
    }
    return {
      kind: 'unplaced',
      reason: `User ${q(input.userSourcedId)} has no role in roles.csv, so Sightline cannot tell whether they are a student or staff. Add their role (e.g. student or teacher at their school) to roles.csv.`,
    };
  }
  if (role.role in NOT_STORED) return { kind: 'ignored', reason: NOT_STORED[role.role]! };

  const org = input.refs.org(role.orgSourcedId);
  if (!org) {
    return {
      kind: 'unplaced',
      reason: `The ${role.role} role ${q(role.sourcedId)} puts this user at org ${q(role.orgSourcedId)}, which is not in orgs.csv (or is not a district or school). Add the org to orgs.csv or fix orgSourcedId in roles.csv.`,
    };
  }
  const staffRole = staffRoleOf(role.role);
  if (staffRole) {
    return {
      kind: 'staff',
      role: staffRole,
      districtId: org.districtId,
      schoolId: org.table === 'schools' ? org.id : null,
    };
  }
  // A student role held at the district: the school comes from users.csv or what we had.
  const primary = input.refs.org(input.primaryOrgSourcedId);
  const schoolId =
    org.table === 'schools'
      ? org.id
      : primary?.table === 'schools'
        ? primary.id
        : input.existing?.kind === 'student'
          ? input.existing.schoolId
          : null;
  return {
    kind: 'student',
    districtId: org.districtId,
    schoolId,
    entryDate: parseIsoDate(role.beginDate) ?? input.defaultEntryDate,
    exitDate: parseIsoDate(role.endDate),
  };
}
