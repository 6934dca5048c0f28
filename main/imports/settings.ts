import type SQLite from 'better-sqlite3';
import { DATE_ORDERS, type DateOrder } from './read/dates';

/** The school's way of writing numeric dates (settings key `import.dateOrder`, default US MDY). */
export function loadDateOrder(sqlite: SQLite.Database): DateOrder {
  const raw = sqlite
    .prepare("SELECT value_json FROM settings WHERE key = 'import.dateOrder'")
    .pluck()
    .get() as string | undefined;
  const value = raw ? (JSON.parse(raw) as unknown) : 'MDY';
  return (DATE_ORDERS as readonly unknown[]).includes(value) ? (value as DateOrder) : 'MDY';
}
