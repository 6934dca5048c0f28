/**
 * Number and date formatting for everything on screen, in the UI language's locale (en-US or
 * es-US; see i18n/index.ts). School calendar dates are `YYYY-MM-DD` strings and are formatted
 * without a time zone shift.
 */
import type { IsoDate } from '../api/types';
import { intlLocale } from '../i18n';

/**
 * One Intl formatter per locale and style, made on first use: building them costs far more than
 * formatting, and the language can change while the app runs.
 */
function cached<T>(make: (locale: string) => T): () => T {
  const byLocale = new Map<string, T>();
  return () => {
    const locale = intlLocale();
    let formatter = byLocale.get(locale);
    if (!formatter) {
      formatter = make(locale);
      byLocale.set(locale, formatter);
    }
    return formatter;
  };
}

const number = (options: Intl.NumberFormatOptions) =>
  cached((locale) => new Intl.NumberFormat(locale, options));
const date = (options: Intl.DateTimeFormatOptions) =>
  cached((locale) => new Intl.DateTimeFormat(locale, options));

const percent1 = number({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = number({ maximumFractionDigits: 0 });
const gpa2 = number({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const grade0 = number({ maximumFractionDigits: 1 });

/** 0.9234 → "92.3%". */
export function formatPercent(value: number | null | undefined): string | null {
  return value == null || Number.isNaN(value) ? null : percent1().format(value);
}

export function formatCount(value: number | null | undefined): string | null {
  return value == null ? null : integer().format(value);
}

export function formatGpa(value: number | null | undefined): string | null {
  return value == null ? null : gpa2().format(value);
}

/** A numeric course grade (0–100 scale), e.g. "78" or "78.5". */
export function formatGrade(value: number | null | undefined): string | null {
  return value == null ? null : grade0().format(value);
}

/** "3 students", "1 student". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${integer().format(count)} ${count === 1 ? one : many}`;
}

/** Share of a whole as a percent, or null when the whole is zero. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function utcDate(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

const longDate = date({
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});
const shortDate = date({
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
});
const weekdayDate = date({
  timeZone: 'UTC',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const monthYear = date({
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

/** "Sep 8, 2025". */
export function formatDate(iso: IsoDate | null | undefined): string | null {
  return iso ? longDate().format(utcDate(iso)) : null;
}

/** "Sep 8" (chart axes, week labels). */
export function formatShortDate(iso: IsoDate): string {
  return shortDate().format(utcDate(iso));
}

/** "Mon, Sep 8, 2025". */
export function formatWeekdayDate(iso: IsoDate): string {
  return weekdayDate().format(utcDate(iso));
}

/** "September 2025" from "2025-09" or any date in that month. */
export function formatMonth(isoMonthOrDate: string): string {
  return monthYear().format(
    utcDate(isoMonthOrDate.length === 7 ? `${isoMonthOrDate}-01` : isoMonthOrDate),
  );
}

/** Day of week for a calendar date, Monday = 1 … Sunday = 7. */
export function isoWeekday(iso: IsoDate): number {
  const day = utcDate(iso).getUTCDay();
  return day === 0 ? 7 : day;
}

/** All calendar dates of the month containing `iso`, as `YYYY-MM-DD`. */
export function datesOfMonth(isoMonth: string): IsoDate[] {
  const [y, m] = isoMonth.split('-').map(Number);
  const year = y ?? 1970;
  const month = (m ?? 1) - 1;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const prefix = `${year}-${String(month + 1).padStart(2, '0')}`;
  return Array.from({ length: days }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
}

const dateTime = date({
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A moment on this machine's clock, e.g. "Sep 8, 2025, 6:00 AM". */
export function formatDateTime(ms: number | null | undefined): string | null {
  return ms == null ? null : dateTime().format(new Date(ms));
}

/** How long something took: "0.4 s", "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null | undefined): string | null {
  if (ms == null || ms < 0) return null;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A file size: "812 bytes", "14.2 KB", "3.1 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${integer().format(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A 0–1 fraction as a whole percent for progress bars: 0.426 → 43. */
export function percentOf(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

const percent0 = number({ style: 'percent', maximumFractionDigits: 0 });
const decimal2 = number({
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const decimal3 = number({
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
});

/** 0.8234 → "82%" (risk scores: a whole percent is as precise as they are). */
export function formatWholePercent(value: number | null | undefined): string | null {
  return value == null || Number.isNaN(value) ? null : percent0().format(value);
}

/** An area under a curve, 0–1: 0.7812 → "0.78". */
export function formatAuc(value: number | null | undefined): string | null {
  return value == null || Number.isNaN(value) ? null : decimal2().format(value);
}

/** A small score such as a Brier score: 0.08123 → "0.081". */
export function formatDecimal3(value: number | null | undefined): string | null {
  return value == null || Number.isNaN(value) ? null : decimal3().format(value);
}
