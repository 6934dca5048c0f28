import { request } from './request';
import { createQueryStore } from './queryStore';

/** The overview for the signed-in scope, or for one school (district admins). */
export const overview = createQueryStore((schoolId: string | null) =>
  request('overview.get', schoolId ? { schoolId } : {}),
);
