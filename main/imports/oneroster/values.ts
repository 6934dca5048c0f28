/**
 * Readers for OneRoster CSV field types (the binding's "List of …", true/false enumerations,
 * dates and grades). Each returns null for text it cannot read so the caller can quarantine the
 * row with a reason naming the column.
 */
import type { IsoDate } from '../../../db/schema';

/** A "List of GUID References" / "List of Strings" cell: comma-separated inside one field. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The binding's true/false enumeration. Exports also write yes/no and 1/0, which mean the same
 * thing, so they are accepted; blank is `undefined` (not given), anything else null (unreadable).
 */
export function parseFlag(text: string): boolean | null | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') return undefined;
  if (s === 'true' || s === 'yes' || s === '1' || s === 't' || s === 'y') return true;
  if (s === 'false' || s === 'no' || s === '0' || s === 'f' || s === 'n') return false;
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * OneRoster dates are `YYYY-MM-DD` by the binding, so no locale guessing: 03/04/2026 in a
 * OneRoster file is an error to report, not a date to interpret. A trailing time (some
 * exporters write full datetimes in date columns) is tolerated and dropped.
 */
export function parseIsoDate(text: string): IsoDate | null {
  const s = text.trim().replace(/T.*$/, '');
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
    ? s
    : null;
}

/** `dateLastModified`: an ISO 8601 datetime (the binding asks for UTC with milliseconds). */
export function parseDateTime(text: string): number | null {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    return null;
  }
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * CEDS grade codes used by OneRoster 1.2 (IT, PR, PK, TK, KG, 01–13, PS, UG, Other) onto our
 * grade_level -1..13: every pre-kindergarten code is -1, KG 0, 13 is the 13th (post-graduate
 * high school) year. Unpadded numbers and "K" are accepted because exporters write them.
 * PS (postsecondary), UG (ungraded) and Other have no grade level: null.
 */
export function gradeLevel(code: string): number | null {
  const s = code.trim().toUpperCase();
  if (s === 'IT' || s === 'PR' || s === 'PK' || s === 'TK' || s === 'P3' || s === 'P4') return -1;
  if (s === 'KG' || s === 'K') return 0;
  if (/^\d{1,2}$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 13 ? n : null;
  }
  return null;
}

/** The grade levels of a `grades` list cell; unreadable codes are returned apart. */
export function gradeLevels(text: string): { levels: number[]; unreadable: string[] } {
  const levels: number[] = [];
  const unreadable: string[] = [];
  for (const code of splitList(text)) {
    const level = gradeLevel(code);
    if (level === null) unreadable.push(code);
    else levels.push(level);
  }
  return { levels, unreadable };
}

/** "stu-001" in curly quotes for reasons shown to a person. */
export function q(text: string): string {
  return `“${text}”`;
}
