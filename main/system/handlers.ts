import { sql } from 'kysely';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { HandlerMap } from '../api/router';

export const systemHandlers: Pick<HandlerMap, 'system.info'> = {
  async 'system.info'(_input, { store, host, appVersion }) {
    const district = await store.db
      .selectFrom('districts')
      .select('name')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const counts = await store.db
      .selectFrom('student_indicators')
      .select([sql<number>`count(*)`.as('students'), sql<string | null>`max(as_of)`.as('asOf')])
      .executeTakeFirstOrThrow();
    return {
      appVersion,
      host,
      schemaVersion: SCHEMA_VERSION,
      districtName: district?.name ?? null,
      studentCount: counts.students,
      dataAsOf: counts.asOf,
      storage: store.keyProtection ?? (store.key ? 'owner-only-file' : 'not-encrypted'),
    };
  },
};
