/**
 * A school's type and grade span. orgs.csv carries neither, so a new school starts from its
 * name ("… High School"), and after the roster is in, the span is derived from the grades of
 * its students and single-grade courses and the type from the span.
 */
import type SQLite from 'better-sqlite3';
import type { SchoolType } from '../../../db/schema';

export interface SchoolProfile {
  school_type: SchoolType;
  grade_low: number;
  grade_high: number;
}

export function profileFromName(name: string): SchoolProfile {
  if (/\bhigh\b/i.test(name) && !/\bjunior high\b/i.test(name)) {
    return { school_type: 'high', grade_low: 9, grade_high: 12 };
  }
  if (/\b(middle|junior high|intermediate)\b/i.test(name)) {
    return { school_type: 'middle', grade_low: 6, grade_high: 8 };
  }
  if (/\b(elementary|primary)\b/i.test(name)) {
    return { school_type: 'elementary', grade_low: 0, grade_high: 5 };
  }
  return { school_type: 'other', grade_low: 0, grade_high: 12 };
}

/** US grade configurations: K–5/6 elementary, 6–8 (5–9) middle, 9–12 high, the rest other. */
export function typeFromSpan(low: number, high: number): SchoolType {
  if (high <= 6) return 'elementary';
  if (low >= 9) return 'high';
  if (low >= 5 && high <= 9) return 'middle';
  return 'other';
}

/**
 * Re-derives each of this source's schools from the grades on record: live students' grade
 * levels, else the grade levels of the school's single-grade courses. Schools with neither keep
 * their current profile. One transaction; returns the schools changed.
 */
export function deriveSchoolProfiles(
  sqlite: SQLite.Database,
  sourceSystem: string,
  now: number,
): number {
  const spans = sqlite
    .prepare(
      `SELECT s.id, s.school_type, s.grade_low, s.grade_high,
              (SELECT min(grade_level) FROM students t WHERE t.school_id = s.id AND t.deleted_at IS NULL) AS st_low,
              (SELECT max(grade_level) FROM students t WHERE t.school_id = s.id AND t.deleted_at IS NULL) AS st_high,
              (SELECT min(grade_level) FROM courses c WHERE c.school_id = s.id AND c.deleted_at IS NULL) AS c_low,
              (SELECT max(grade_level) FROM courses c WHERE c.school_id = s.id AND c.deleted_at IS NULL) AS c_high
         FROM schools s WHERE s.source_system = ? AND s.deleted_at IS NULL`,
    )
    .all(sourceSystem) as {
    id: string;
    school_type: SchoolType;
    grade_low: number;
    grade_high: number;
    st_low: number | null;
    st_high: number | null;
    c_low: number | null;
    c_high: number | null;
  }[];
  const update = sqlite.prepare(
    'UPDATE schools SET school_type = ?, grade_low = ?, grade_high = ?, updated_at = ? WHERE id = ?',
  );
  let changed = 0;
  sqlite.transaction(() => {
    for (const s of spans) {
      const low = s.st_low ?? s.c_low;
      const high = s.st_high ?? s.c_high;
      if (low === null || high === null) continue;
      const type = typeFromSpan(low, high);
      if (type === s.school_type && low === s.grade_low && high === s.grade_high) continue;
      update.run(type, low, high, now, s.id);
      changed++;
    }
  })();
  return changed;
}
