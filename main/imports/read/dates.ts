import type { IsoDate } from '../../../db/schema';

/** How a school writes ambiguous numeric dates such as 03/04/2026 (settings: `import.dateOrder`). */
export const DATE_ORDERS = ['MDY', 'DMY', 'YMD'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const DAY_MON_YEAR = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{2,4})$/;
const MON_DAY_YEAR = /^([A-Za-z]{3,9})\.?[\s-](\d{1,2})(?:st|nd|rd|th)?,?[\s-](\d{4})$/;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
/** "…T08:15", " 8:15:30 PM", "…T08:15:00.000Z", "… 08:15+02:00": time of day and zone. */
const TIME =
  /(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
/** Excel's serial day numbers for 2000–2099, written out when a date column lost its format. */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fullYear(y: number, digits: number): number {
  // Two-digit years in school data are this century: "25" is 2025.
  return digits <= 2 ? 2000 + y : y;
}

function build(y: number, m: number, d: number): IsoDate | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  // Reject 2026-02-30 and friends: the calendar must agree.
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCDate() === d && check.getUTCMonth() + 1 === m ? iso : null;
}

function month(word: string): number | undefined {
  return MONTHS[word.toLowerCase()];
}

/** The calendar-date part only; `s` is trimmed and carries no time of day. */
function parseDatePart(s: string, order: DateOrder): IsoDate | null {
  let m = ISO_DATE.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    // A four-digit first part is always a year, whatever the school's order.
    if (a.length >= 3 || order === 'YMD') {
      return build(fullYear(Number(a), a.length), Number(b), Number(c));
    }
    if (c.length === 3) return null;
    const year = fullYear(Number(c), c.length);
    return order === 'DMY' ? build(year, Number(b), Number(a)) : build(year, Number(a), Number(b));
  }
  m = COMPACT.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = EXCEL_SERIAL.exec(s);
  if (m) {
    const date = new Date(EXCEL_EPOCH + Number(m[1]) * 86_400_000).toISOString().slice(0, 10);
    return date >= '2000-01-01' && date < '2100-01-01' ? date : null;
  }
  const words = s.replace(WEEKDAY, '');
  m = DAY_MON_YEAR.exec(words);
  if (m) {
    const mon = month(m[2]!);
    return mon ? build(fullYear(Number(m[3]), m[3]!.length), mon, Number(m[1])) : null;
  }
  m = MON_DAY_YEAR.exec(words);
  if (m) {
    const mon = month(m[1]!);
    return mon ? build(Number(m[3]), mon, Number(m[2])) : null;
  }
  return null;
}

interface TimeOfDay {
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Offset east of UTC in minutes when the text names one ("Z" is 0), else null. */
  offset: number | null;
}

/** Splits "2025-09-03T08:15:00Z" into its date text and time of day; time null when absent. */
function splitTime(s: string): { date: string; time: TimeOfDay | null } | null {
  const m = TIME.exec(s);
  if (!m) return { date: s, time: null };
  let h = Number(m[1]);
  const meridiem = m[5]?.toLowerCase();
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const mi = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (h > 23 || mi > 59 || sec > 60) return null;
  const zone = m[6];
  let offset: number | null = null;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offset =
      (zone[0] === '-' ? -1 : 1) *
      (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
  }
  const ms = m[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
  return { date: s.slice(0, m.index), time: { h, mi, s: sec, ms, offset } };
}

/**
 * Reads the date formats real exports use: ISO (with or without a time), 20250903,
 * numeric with / . or - in the school's order, "3-Sep-2025", "Sep 3, 2025",
 * "Wednesday, September 3, 2025", Excel serial numbers. A time of day, if any, is ignored:
 * the date is the one written. Returns null when the text is not a real calendar date, so the
 * row can be quarantined with a reason.
 */
export function parseDate(text: string, order: DateOrder = 'MDY'): IsoDate | null {
  const s = text.trim();
  if (s === '') return null;
  const split = splitTime(s);
  return split ? parseDatePart(split.date.trim(), order) : null;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dateFormats.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
function wallClock(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** The calendar date an instant falls on in a time zone (a school's "today" for it). */
export function localDate(ms: number, timeZone: string): IsoDate {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${pad(w.month!)}-${pad(w.day!)}`;
}

/** Minutes the zone is ahead of UTC at that instant. */
function zoneOffset(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year!, w.month! - 1, w.day!, w.hour!, w.minute!, w.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** A wall-clock time in a zone as epoch ms (the earlier instant when DST repeats an hour). */
function fromWallClock(date: IsoDate, t: TimeOfDay, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, t.h, t.mi, t.s, t.ms);
  const first = guess - zoneOffset(guess, timeZone) * 60_000;
  return guess - zoneOffset(first, timeZone) * 60_000;
}

/**
 * Reads a timestamp as an instant and the school date it falls on. Text with a zone ("Z",
 * "-05:00") is exact and its date is taken in `timeZone`; text without one is wall-clock time
 * in `timeZone`, so 2025-09-05 22:30 stays on the 5th. A bare date means midnight.
 */
export function parseDateTime(
  text: string,
  order: DateOrder = 'MDY',
  timeZone = 'UTC',
): { ms: number; date: IsoDate } | null {
  const s = text.trim();
  if (s === '') return null;
  const split = splitTime(s);
  if (!split) return null;
  const written = parseDatePart(split.date.trim(), order);
  if (!written) return null;
  const t = split.time ?? { h: 0, mi: 0, s: 0, ms: 0, offset: null };
  if (t.offset === null) return { ms: fromWallClock(written, t, timeZone), date: written };
  const [y, m, d] = written.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d, t.h, t.mi, t.s, t.ms) - t.offset * 60_000;
  return { ms, date: localDate(ms, timeZone) };
}

/** Reads a timestamp (ISO 8601 or a date) as epoch milliseconds, UTC when no zone is written. */
export function parseTimestamp(text: string, order: DateOrder = 'MDY'): number | null {
  return parseDateTime(text, order, 'UTC')?.ms ?? null;
}
