import { createQueryStore } from '../queryStore';
import { request } from '../request';

/**
 * The signed-in counselor's caseload. Each load is a visit: the core remembers the data date
 * seen, so "new" means new since the data the counselor last looked at.
 */
export const caseload = createQueryStore((_: null) => request('caseload.get', {}));

/**
 * "Mark all as seen" for the caseload shown (its data date), then read it again: nothing is new
 * any more. Refused as `conflict` when newer data arrived meanwhile; the caseload is read again
 * either way, so the counselor sees what changed.
 */
export async function markCaseloadSeen(shownAsOf: string | null): Promise<void> {
  try {
    await request('caseload.markSeen', { dataAsOf: shownAsOf });
  } finally {
    await caseload.load(null, { force: true });
  }
}
