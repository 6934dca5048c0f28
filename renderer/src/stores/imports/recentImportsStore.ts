import { request } from '../request';
import { createQueryStore } from '../queryStore';

export const RECENT_IMPORTS_LIMIT = 20;

/** The latest imports, newest first (the wizard's "Recent imports" table). */
export const recentImports = createQueryStore(
  async (_: null) => (await request('imports.list', { limit: RECENT_IMPORTS_LIMIT })).imports,
  { keepPrevious: true },
);
