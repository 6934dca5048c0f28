import { request } from '../request';

export const QUARANTINE_PAGE_SIZE = 25;

/** One page of an import's quarantined rows (line, reason, the row as it was in the file). */
export function fetchQuarantinePage(args: { importId: string; offset: number }) {
  return request('imports.quarantine', { ...args, limit: QUARANTINE_PAGE_SIZE });
}
