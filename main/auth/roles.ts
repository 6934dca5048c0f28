import type { StaffRole } from '../../db/schema';
import { ApiError } from '../api/contract';
import { signedIn, type CallContext } from '../api/router';
import type { Session } from './sessions';

const ROLE_NAMES: Record<StaffRole, string> = {
  teacher: 'teachers',
  counselor: 'counselors',
  school_admin: 'school administrators',
  district_admin: 'district administrators',
};

/** Refuses, at the router, a signed-in caller whose role may not do this. */
export function requireRole(ctx: CallContext, roles: readonly StaffRole[], what: string): Session {
  const session = signedIn(ctx);
  if (!roles.includes(session.staff.role)) {
    throw new ApiError(
      'forbidden',
      `Only ${roles.map((r) => ROLE_NAMES[r]).join(' and ')} can ${what}.`,
    );
  }
  return session;
}
