import type { Kysely } from 'kysely';
import type { Database, Staff, StaffRole } from '../../db/schema';
import { ApiError } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { scopeFor } from '../scope/scope';
import { staffSummary } from './staff';

/** How many accounts of each role the demo sign-in offers per school. */
const DEMO_PER_SCHOOL: Record<StaffRole, number> = {
  teacher: 2,
  counselor: 1,
  school_admin: 1,
  district_admin: 1,
};

async function demoStaff(db: Kysely<Database>): Promise<Staff[]> {
  // One district's accounts: the one with the most students (an imported roster of another
  // district must not replace the demo's district admin).
  const district = await db
    .selectFrom('students')
    .select('district_id')
    .where('deleted_at', 'is', null)
    .groupBy('district_id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .limit(1)
    .executeTakeFirst();
  const all = await db
    .selectFrom('staff')
    .selectAll()
    .where('deleted_at', 'is', null)
    .$if(district !== undefined, (q) => q.where('district_id', '=', district!.district_id))
    .orderBy('school_id')
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
  // Two schools are enough to show every view; more would only lengthen the list.
  const schools = [...new Set(all.map((s) => s.school_id).filter(Boolean))].slice(0, 2);
  const taken = new Map<string, number>();
  const chosen: Staff[] = [];
  for (const s of all) {
    if (s.school_id && !schools.includes(s.school_id)) continue;
    const key = `${s.school_id}|${s.role}`;
    const n = taken.get(key) ?? 0;
    if (n >= DEMO_PER_SCHOOL[s.role]) continue;
    taken.set(key, n + 1);
    chosen.push(s);
  }
  return chosen;
}

export const authHandlers: Pick<
  HandlerMap,
  'auth.demoAccounts' | 'auth.signIn' | 'auth.signOut' | 'auth.me'
> = {
  async 'auth.demoAccounts'(_input, { store }) {
    const staff = await demoStaff(store.db);
    return { staff: await Promise.all(staff.map((s) => staffSummary(store.db, s))) };
  },

  async 'auth.signIn'({ staffId }, { store, sessions }) {
    const staff = await store.db
      .selectFrom('staff')
      .selectAll()
      .where('id', '=', staffId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!staff) throw new ApiError('not_found', 'That staff account does not exist.');
    const session = sessions.create(await staffSummary(store.db, staff), scopeFor(staff));
    return { sessionId: session.id, staff: session.staff };
  },

  'auth.signOut'(_input, { session, sessions }) {
    sessions.delete(session?.id);
    return { ok: true };
  },

  'auth.me'(_input, { session }) {
    return { staff: session?.staff ?? null };
  },
};
