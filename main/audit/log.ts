import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database, StaffRole } from '../../db/schema';

export interface AuditEntry {
  actor: { staffId: string; role: StaffRole } | null;
  /** What happened, e.g. `student.profile.view`, `student.profile.denied`, `export.csv`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  studentId?: string | null;
  detail?: Record<string, unknown>;
}

/** FERPA: every profile view, refusal and export leaves a row saying who, what and when. */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      at: Date.now(),
      actor_staff_id: entry.actor?.staffId ?? null,
      actor_role: entry.actor?.role ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      student_id: entry.studentId ?? null,
      detail_json: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}
