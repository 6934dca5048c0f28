/**
 * Words and numbers as the reports print them. Pure: no pdfkit, no database.
 *
 * The reports use PDF's built-in Helvetica, which covers Windows-1252 only (Latin-1 plus
 * typographic quotes and dashes): names such as "Nguyễn" or a "≥" in a sentence would print as
 * the wrong glyph, so anything outside it is spelled in ASCII or replaced before it is drawn.
 */
import { format } from 'date-fns';
import type { IsoDate } from '../../../db/schema';

/** Code points above U+00FF that Windows-1252 (and so Helvetica in a PDF) still has. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a,
  0x20ac, 0x2122,
]);

const SPELLED: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '↑': 'up',
  '↓': 'down',
  '−': '-',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u00a0': ' ',
  // Letters with a stroke do not decompose into a base letter and a mark.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  '\t': ' ',
  '\r': '',
};

/** Text Helvetica can draw: accents kept where it has them, dropped where it has not. */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x0a || (code >= 0x20 && code < 0x7f) || (code >= 0xa1 && code <= 0xff)) {
      out += char;
    } else if (WIN_ANSI_EXTRA.has(code)) {
      out += char;
    } else if (SPELLED[char] !== undefined) {
      out += SPELLED[char];
    } else {
      // "ễ" → "e" + combining marks; keep the base letter when it is printable.
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== char && base.length > 0 && printable(base) === base ? base : '?';
    }
  }
  return out;
}

/** A date as staff read it, "May 29, 2026"; school dates are calendar days, read in UTC. */
export function longDate(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** The calendar day of a timestamp on this computer, as staff dated what they recorded. */
export function localDay(ms: number): IsoDate {
  return format(new Date(ms), 'yyyy-MM-dd');
}

/** "Sep 8" for chart axes and compact tables. */
export function shortDate(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
  });
}

/** "September 2025". */
export function monthTitle(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  });
}

/** A 0–1 rate as "93.4%"; missing as a dash. */
export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

/**
 * A 0–1 risk score as a whole percent, as the app shows it; the ends read "over 99%" and
 * "under 1%" because a model is never certain.
 */
export function riskPercent(score: number): string {
  if (score > 0.995) return 'over 99%';
  if (score < 0.005) return 'under 1%';
  return `${Math.round(score * 100)}%`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A name for a downloaded file: ASCII letters, digits and dashes only. */
export function fileSlug(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
