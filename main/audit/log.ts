import type SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { NewAuditLogEntry, StaffRole } from '../../db/schema';
import type { Store } from '../store/open';

export interface AuditEntry {
  actor: { staffId: string; role: StaffRole } | null;
  /** What happened, e.g. `student.profile.view`, `student.profile.denied`, `export.csv`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  studentId?: string | null;
  detail?: Record<string, unknown>;
}

const RETRY_MS = 250;
const pending = new WeakMap<SQLite.Database, NewAuditLogEntry[]>();
const retrying = new WeakSet<SQLite.Database>();

function tryFlush(sqlite: SQLite.Database, waitMs: number): boolean {
  const queue = pending.get(sqlite);
  if (!queue || queue.length === 0) return true;
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${waitMs}`);
  try {
    const insert = sqlite.prepare(
      `INSERT INTO audit_log (id, at, actor_staff_id, actor_role, action, entity_type, entity_id,
         student_id, detail_json)
       VALUES (@id, @at, @actor_staff_id, @actor_role, @action, @entity_type, @entity_id,
         @student_id, @detail_json)`,
    );
    sqlite.transaction(() => {
      for (const row of queue) insert.run(row);
    })();
    queue.length = 0;
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    return false;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

function scheduleRetry(sqlite: SQLite.Database): void {
  if (retrying.has(sqlite)) return;
  retrying.add(sqlite);
  const retry = () => {
    if (!sqlite.open) return;
    let written = false;
    try {
      written = tryFlush(sqlite, 0);
    } catch (error) {
      // Thrown from a timer this would crash the host; the rows stay queued, in order.
      console.error(`[audit] audit rows not written yet: ${(error as Error).message}`);
    }
    if (written) retrying.delete(sqlite);
    else setTimeout(retry, RETRY_MS).unref();
  };
  setTimeout(retry, RETRY_MS).unref();
}

/**
 * FERPA: every profile view, refusal and export leaves a row saying who, what and when.
 * Never waits on a background import holding the write lock (that would freeze the host):
 * the row is kept in memory and written as soon as the lock is free, in order.
 */
export function writeAudit(store: Store, entry: AuditEntry): void {
  const row: NewAuditLogEntry = {
    id: uuidv7(),
    at: Date.now(),
    actor_staff_id: entry.actor?.staffId ?? null,
    actor_role: entry.actor?.role ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    student_id: entry.studentId ?? null,
    detail_json: entry.detail ? JSON.stringify(entry.detail) : null,
  };
  const queue = pending.get(store.sqlite) ?? [];
  pending.set(store.sqlite, queue);
  queue.push(row);
  if (!tryFlush(store.sqlite, 0)) scheduleRetry(store.sqlite);
}

/** Before closing: write whatever is still waiting, waiting for the lock if need be. */
export function flushAudit(store: Store, waitMs = 10_000): boolean {
  return tryFlush(store.sqlite, waitMs);
}
