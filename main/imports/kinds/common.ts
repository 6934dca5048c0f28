import type { IsoDate } from '../../../db/schema';
import type { ImportContext } from '../importer';
import type { SessionRef, SectionRef } from '../lookups';
import type { FieldSpec } from '../mapping';
import { parseDate, type DateOrder } from '../read/dates';

/** The student column, spelled the many ways SIS exports spell it. */
export const STUDENT_FIELD: FieldSpec = {
  key: 'student',
  label: 'Student ID',
  required: true,
  aliases: [
    'student id',
    'student number',
    'studentnumber',
    'student_number',
    'student no',
    'stu id',
    'sis id',
    'sisid',
    'sis user id',
    'student sis id',
    'local id',
    'local student id',
    'state id',
    'state student id',
    'pupil id',
    'student sourcedid',
    'user sourcedid',
    'usersourcedid',
    'studentuniqueid',
    'student unique id',
    'studentusi',
    'learner id',
    'person id',
    'student',
  ],
  help: "The student's SIS id, student number or OneRoster sourcedId.",
};

export const SECTION_FIELD: FieldSpec = {
  key: 'section',
  label: 'Section (class) ID',
  required: false,
  aliases: [
    'section id',
    'class id',
    'class sourcedid',
    'classsourcedid',
    'section sourcedid',
    'course section id',
    'section sis id',
    'sectionidentifier',
    'section identifier',
    'section',
    'class',
  ],
};

/** An optional record id: stored as the row's source id, never needed to recognise the row. */
export function recordIdField(aliases: readonly string[], help?: string): FieldSpec {
  return {
    key: 'id',
    label: 'Record ID',
    required: false,
    aliases,
    help:
      help ??
      'Optional; rows are recognised by what they are about, this id is kept for reference.',
  };
}

/**
 * A value as a reason quotes it: on one line (a quoted newline would break the sentence) and
 * short enough to read.
 */
export function shown(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * A scoped import (a teacher's, a school admin's) says the same whether the student exists
 * elsewhere or not at all: the reason must not disclose who is enrolled outside the scope.
 */
export function unknownStudent(key: string, ctx: ImportContext): string {
  if (key === '') return 'The student ID is empty.';
  const scope = ctx.lookups.scope;
  return scope
    ? `No student in ${scope.label} has the ID or student number “${shown(key)}”. Check which column holds the student ID; rows for other students are imported by an administrator.`
    : `No student has the ID or student number “${shown(key)}”. Import the roster (OneRoster users) first, or check which column holds the student ID.`;
}

export function unknownSection(key: string, ctx: ImportContext): string {
  const scope = ctx.lookups.scope;
  return scope
    ? `“${shown(key)}” is not a section (class) you can import for (${scope.label}). Check the section column.`
    : `No section (class) has the ID “${shown(key)}”. Import the roster (OneRoster classes) first, or leave the section column unmapped.`;
}

/** Null when the row may go without a section; else why it may not (see scope.ts). */
export function sectionMissing(ctx: ImportContext, what: string): string | null {
  const scope = ctx.lookups.scope;
  return scope?.sectionRequired
    ? `This ${what} row names no section. Rows you import must name one of ${scope.label}; rows without a section are the school's daily record, which an administrator imports.`
    : null;
}

export function badDate(text: string, order: DateOrder, what = 'date'): string {
  return text === ''
    ? `The ${what} is empty.`
    : `“${shown(text)}” is not a ${what} Sightline can read (expected e.g. 2025-09-03 or a date in the school's ${order} order).`;
}

/**
 * parseDate with a per-file memory: a file has a few hundred distinct dates and may have
 * millions of rows, so each spelling is read once.
 */
export function dateReader(order: DateOrder): (text: string) => IsoDate | null {
  const seen = new Map<string, IsoDate | null>();
  return (text) => {
    let date = seen.get(text);
    if (date === undefined) {
      date = parseDate(text, order);
      if (seen.size > 10_000) seen.clear();
      seen.set(text, date);
    }
    return date;
  };
}

const THOUSANDS = /^[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d*,\d+$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * Reads a number the way spreadsheets write it: "87.5", "87%", "2,450" (a thousands comma:
 * exactly three digits after each), "87,5" (a European decimal comma). Null for anything else.
 */
export function parseNumber(text: string): number | null {
  let s = text.trim();
  if (s.endsWith('%')) s = s.slice(0, -1).trim();
  if (s === '') return null;
  if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  else if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const YES = new Set(['y', 'yes', 'true', 't', '1', 'x']);
const NO = new Set(['n', 'no', 'false', 'f', '0']);

/** Y/N, yes/no, true/false, 1/0; null for anything else. */
export function parseYesNo(text: string): boolean | null {
  const s = text.trim().toLowerCase();
  return YES.has(s) ? true : NO.has(s) ? false : null;
}

/**
 * The readable part of an Ed-Fi descriptor ("uri://ed-fi.org/BehaviorDescriptor#Fighting" is
 * "Fighting"); other text is returned as it is.
 */
export function descriptorValue(text: string): string {
  const hash = text.lastIndexOf('#');
  return hash !== -1 && /^[a-z][a-z0-9+.-]*:\/\/[^#]*descriptor#/i.test(text)
    ? text.slice(hash + 1).trim()
    : text;
}

/** Word-level key for matching codes: lower case, letters and digits only. */
export function codeKey(text: string): string {
  return descriptorValue(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "Quarter 1", "Q1" and "1st Quarter" all become "q1" (likewise semesters, trimesters, terms). */
export function periodKey(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const ordinal =
    /^(\d)(?:st|nd|rd|th)(quarter|semester|trimester|term|markingperiod|gradingperiod)$/.exec(s);
  const words: Record<string, string> = {
    quarter: 'q',
    semester: 's',
    sem: 's',
    trimester: 't',
    term: 't',
    markingperiod: 'mp',
    gradingperiod: 'gp',
  };
  if (ordinal) return `${words[ordinal[2]!]}${ordinal[1]}`;
  const named = /^(quarter|semester|sem|trimester|term|markingperiod|gradingperiod)(\d)$/.exec(s);
  return named ? `${words[named[1]!]}${named[2]}` : s;
}

/**
 * The grading period a row names, by id or title. Titles repeat every school year ("Quarter 1"),
 * so several matches are narrowed to the ones inside the section's term.
 */
export function resolvePeriod(
  ctx: ImportContext,
  text: string,
  section: SectionRef | undefined,
): SessionRef | { reason: string } {
  let candidates = ctx.lookups.gradingPeriods(text);
  if (candidates.length === 0) {
    const wanted = periodKey(text);
    candidates = ctx.lookups.gradingPeriodsWhere((p) => periodKey(p.title ?? '') === wanted);
  }
  if (candidates.length === 0) {
    return {
      reason: `No grading period or term has the ID or title “${shown(text)}”. Import the roster's academic sessions first, or check the grading period column.`,
    };
  }
  if (candidates.length > 1 && section?.termStart && section.termEnd) {
    const inTerm = candidates.filter(
      (p) => p.startDate <= section.termEnd! && p.endDate >= section.termStart!,
    );
    if (inTerm.length > 0) candidates = inTerm;
  }
  if (candidates.length > 1) {
    const spans = candidates.map((p) => `${p.startDate} to ${p.endDate}`).join(', ');
    return {
      reason: `“${shown(text)}” names ${candidates.length} grading periods (${spans}) and the row does not say which. Use the grading period's ID instead of its title.`,
    };
  }
  return candidates[0]!;
}

/** Minutes from "80", "1:20" (h:mm), "01:20:00", "1h 20m", "80 min", "PT1H20M"; null if unreadable. */
export function parseMinutes(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (s === '') return null;
  const plain = parseNumber(s);
  if (plain !== null) return plain >= 0 ? plain : null;
  let m = /^(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(s);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
    if (b > 59 || (c !== null && c >= 60)) return null;
    if (c !== null) return a * 60 + b + c / 60;
    // Two parts are hours:minutes, as spreadsheets write durations; a day has no 24 hours of
    // activity, so 24 and up can only be minutes:seconds.
    return a < 24 ? a * 60 + b : a + b / 60;
  }
  if (s.startsWith('p')) return parseIsoDuration(text);
  m =
    /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in(?:ute)?s?)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ec(?:ond)?s?)?)?$/.exec(
      s,
    );
  if (m && (m[1] || m[2] || m[3])) {
    return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
  }
  return null;
}

/** An ISO 8601 duration ("PT1H20M5.5S", "P1DT2H", "P2W") in minutes; null if unreadable. */
export function parseIsoDuration(text: string): number | null {
  const m =
    /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i.exec(
      text.trim(),
    );
  if (!m || !m.slice(1).some((x) => x !== undefined) || /T$/i.test(text.trim())) return null;
  const n = (x: string | undefined) => (x === undefined ? 0 : Number(x.replace(',', '.')));
  return n(m[1]) * 7 * 1440 + n(m[2]) * 1440 + n(m[3]) * 60 + n(m[4]) + n(m[5]) / 60;
}
