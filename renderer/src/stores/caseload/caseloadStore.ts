import { createQueryStore } from '../queryStore';
import { request } from '../request';

/**
 * The signed-in counselor's caseload. Each load is a visit: the core remembers the data date
 * seen, so "new" means new since the data the counselor last looked at.
 */
export const caseload = createQueryStore((_: null) => request('caseload.get', {}));

/** "Mark all as seen", then read the caseload again (nothing is new any more). */
export async function markCaseloadSeen(): Promise<void> {
  await request('caseload.markSeen', {});
  await caseload.load(null, { force: true });
}
