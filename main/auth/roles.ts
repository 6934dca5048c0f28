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
    throw new ApiError('forbidden', `Only ${listed(roles.map((r) => ROLE_NAMES[r]))} can ${what}.`);
  }
  return session;
}

/** "a", "a and b", "a, b and c". */
function listed(words: string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
