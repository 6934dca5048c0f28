import type { Insertable } from 'kysely';
import type { SyncedColumns } from '../schema';
import type { IdFactory } from './ids';

export const SOURCE_SYSTEM = 'demo';

/** The columns every synced row carries, filled the one way the demo district fills them. */
export type CommonColumns = Required<Insertable<SyncedColumns>>;

/**
 * `version` 0: the rows are born locally and not yet accepted by a district server.
 * Timestamps come from the school dates the row describes, never from the clock.
 */
export function common(
  ids: IdFactory,
  districtId: string,
  schoolId: string | null,
  sourceId: string,
  createdAt: number,
  updatedAt = createdAt,
): CommonColumns {
  return {
    id: ids.next(),
    district_id: districtId,
    school_id: schoolId,
    source_system: SOURCE_SYSTEM,
    source_id: sourceId,
    created_at: createdAt,
    updated_at: updatedAt,
    deleted_at: null,
    version: 0,
  };
}
