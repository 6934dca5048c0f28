import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../db/schema';
import {
  DEFAULT_SEED,
  DEFAULT_STUDENTS,
  generateDemoDistrict,
  type GenerateResult,
} from '../../db/seed/generate';
import { openStore, type Store } from '../../main/store/open';
import { computeOutcomes } from '../../main/training/outcomes';

let dir: string;
let store: Store;
let result: GenerateResult;
const progress: [number, string][] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-seed-'));
  store = await openStore(path.join(dir, 'default.db'));
  result = generateDemoDistrict(store.sqlite, {
    students: DEFAULT_STUDENTS,
    seed: DEFAULT_SEED,
    onProgress: (fraction, message) => progress.push([fraction, message]),
  });
}, 120_000);

afterAll(async () => {
  await store?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) =>
  store.sqlite.prepare(sql).all(...params) as T[];
const value = (sql: string, ...params: unknown[]) =>
  store.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** One hash per synced table over every row, in id order. */
function tableHashes(file: string): Promise<Record<string, string>> {
  return openStore(file).then(async (s) => {
    const hashes: Record<string, string> = {};
    for (const table of SYNCED_TABLES) {
      const hash = crypto.createHash('sha256');
      for (const row of s.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate()) {
        hash.update(JSON.stringify(row));
        hash.update('\n');
      }
      hashes[table] = hash.digest('hex');
    }
    await s.close();
    return hashes;
  });
}

async function generateInto(file: string, seed: number, students: number) {
  const s = await openStore(file);
  try {
    return generateDemoDistrict(s.sqlite, { students, seed });
  } finally {
    await s.close();
  }
}

/** Mann–Whitney AUC: the chance a random positive scores above a random negative. */
function auc(rows: { score: number; label: number }[]): number {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  let rankSumPositive = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.score === sorted[i]!.score) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (sorted[k]!.label === 1) rankSumPositive += midRank;
    i = j + 1;
  }
  const positives = rows.filter((r) => r.label === 1).length;
  const negatives = rows.length - positives;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

describe('demo district generator', () => {
  it('is deterministic: same seed and size give identical tables, another seed differs', async () => {
    const a = path.join(dir, 'a.db');
    const b = path.join(dir, 'b.db');
    const c = path.join(dir, 'c.db');
    const ra = await generateInto(a, 7, 300);
    const rb = await generateInto(b, 7, 300);
    await generateInto(c, 8, 300);
    expect(rb).toEqual(ra);
    const [ha, hb, hc] = await Promise.all([tableHashes(a), tableHashes(b), tableHashes(c)]);
    expect(hb).toEqual(ha);
    expect(hc.students).not.toBe(ha.students);
    expect(hc.attendance_events).not.toBe(ha.attendance_events);
  }, 60_000);

  it('writes one school year for the default district, scaled as asked', () => {
    expect(result.students).toBe(DEFAULT_STUDENTS);
    expect(result.schools).toBe(2);
    expect(result.dataAsOf).toBe('2026-05-29');
    expect(value('SELECT count(*) FROM students')).toBe(DEFAULT_STUDENTS);
    expect(
      all('SELECT school_type, grade_low, grade_high FROM schools ORDER BY grade_low'),
    ).toEqual([
      { school_type: 'middle', grade_low: 6, grade_high: 8 },
      { school_type: 'high', grade_low: 9, grade_high: 12 },
    ]);
    for (const table of Object.keys(result.rows)) {
      expect(value(`SELECT count(*) FROM ${table}`), table).toBe(result.rows[table]);
    }

    const days = all<{ n: number; last: string }>(
      `SELECT count(*) n, max(date) last FROM calendar_days WHERE is_instructional = 1 GROUP BY school_id`,
    );
    for (const d of days) {
      expect(d.n).toBeGreaterThanOrEqual(175);
      expect(d.n).toBeLessThanOrEqual(180);
      expect(d.last).toBe(result.dataAsOf);
    }
    const weekend = value(
      `SELECT count(*) FROM calendar_days WHERE is_instructional = 1 AND strftime('%w', date) IN ('0', '6')`,
    );
    expect(weekend).toBe(0);
    expect(
      all(
        `SELECT session_type, count(*) n FROM academic_sessions GROUP BY session_type ORDER BY session_type`,
      ),
    ).toEqual([
      { session_type: 'grading_period', n: 4 },
      { session_type: 'school_year', n: 1 },
      { session_type: 'semester', n: 2 },
    ]);

    // Exception events only: no 'present' rows.
    expect(value(`SELECT count(*) FROM attendance_events WHERE category = 'present'`)).toBe(0);
    // Nothing is stamped after the data date or from the wall clock.
    const endOfData = Date.parse(`${result.dataAsOf}T23:59:59-05:00`);
    for (const table of SYNCED_TABLES) {
      // Tables the demo does not fill (assessment results) have no rows to stamp.
      expect(value(`SELECT coalesce(max(updated_at), 0) FROM ${table}`), table).toBeLessThanOrEqual(
        endOfData,
      );
      expect(value(`SELECT count(*) FROM ${table} WHERE created_at > updated_at`), table).toBe(0);
      expect(
        value(`SELECT count(*) FROM ${table} WHERE source_system <> 'demo' OR version <> 0`),
        table,
      ).toBe(0);
    }
    const id = all<{ id: string }>('SELECT id FROM students LIMIT 1')[0]!.id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const fractions = progress.map(([f]) => f);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
  });

  it('staffs schools and schedules students as described', () => {
    const staff = all<{ role: string; school_id: string | null; n: number }>(
      'SELECT role, school_id, count(*) n FROM staff GROUP BY role, school_id',
    );
    expect(staff.filter((s) => s.role === 'district_admin')).toEqual([
      { role: 'district_admin', school_id: null, n: 1 },
    ]);
    const schools = all<{ id: string; students: number }>(
      'SELECT school_id id, count(*) students FROM students GROUP BY school_id',
    );
    for (const school of schools) {
      const count = (role: string) =>
        staff.find((s) => s.role === role && s.school_id === school.id)?.n ?? 0;
      expect(count('school_admin')).toBe(1);
      expect(count('counselor')).toBe(Math.ceil(school.students / 250));
      expect(school.students / count('teacher')).toBeGreaterThan(18);
      expect(school.students / count('teacher')).toBeLessThan(30);
    }
    const sizes = all<{ n: number }>('SELECT count(*) n FROM enrollments GROUP BY section_id');
    const mean = sizes.reduce((a, s) => a + s.n, 0) / sizes.length;
    expect(mean).toBeGreaterThanOrEqual(20);
    expect(mean).toBeLessThanOrEqual(30);
    // Students on the roster all year take six sections each semester.
    const perTerm = all<{ n: number; students: number }>(
      `SELECT n, count(*) students FROM (
         SELECT e.student_id, s.term_id, count(*) n FROM enrollments e
         JOIN sections s ON s.id = e.section_id
         JOIN students st ON st.id = e.student_id
         WHERE st.entry_date = '2025-08-18' AND st.exit_date IS NULL
         GROUP BY 1, 2) GROUP BY n`,
    );
    expect(perTerm).toEqual([{ n: 6, students: expect.any(Number) }]);
    expect(value(`SELECT count(*) FROM section_teachers WHERE is_primary = 1`)).toBe(
      value('SELECT count(*) FROM sections'),
    );
    expect(
      value(`SELECT count(*) FROM students WHERE enrollment_status = 'withdrawn'`),
    ).toBeGreaterThan(0);
    expect(value(`SELECT count(*) FROM students WHERE entry_date > '2025-08-18'`)).toBeGreaterThan(
      0,
    );
    expect(
      value(
        `SELECT count(*) FROM section_grades WHERE is_final = 1 AND (letter = 'F') <> (numeric_grade < 60)`,
      ),
    ).toBe(0);
  });

  it('hits the base rates, computed from the rows themselves', () => {
    // Enrolled days: instructional calendar days from entry to exit, per school.
    const students = all<{ type: string; days: number; absent: number; failed: number }>(
      `SELECT sc.school_type type,
         (SELECT count(*) FROM calendar_days c WHERE c.school_id = s.school_id AND c.is_instructional = 1
            AND c.date >= s.entry_date AND (s.exit_date IS NULL OR c.date <= s.exit_date)) days,
         (SELECT count(*) FROM attendance_events a WHERE a.student_id = s.id
            AND a.category IN ('excused_absence', 'unexcused_absence')) absent,
         EXISTS (SELECT 1 FROM section_grades g WHERE g.student_id = s.id AND g.is_final = 1
            AND g.letter = 'F') failed
       FROM students s JOIN schools sc ON sc.id = s.school_id`,
    );
    const chronic = students.filter((s) => s.absent >= 0.1 * s.days).length / students.length;
    expect(chronic).toBeGreaterThanOrEqual(0.15);
    expect(chronic).toBeLessThanOrEqual(0.25);
    const high = students.filter((s) => s.type === 'high');
    const failure = high.filter((s) => s.failed).length / high.length;
    expect(failure).toBeGreaterThanOrEqual(0.1);
    expect(failure).toBeLessThanOrEqual(0.15);

    // The recorded semester outcomes are what the records say: the same rows and values as
    // derived from the calendar, attendance, final grades and exits by main/training/outcomes.
    const recorded = all<{
      student_id: string;
      term_id: string;
      outcome: string;
      value: number;
      detail: string | null;
    }>('SELECT student_id, term_id, outcome, value, detail FROM student_outcomes');
    const derived = computeOutcomes(store.sqlite);
    expect(derived.asOf).toBe(result.dataAsOf);
    expect(derived.withoutFinals).toEqual([]);
    const byKey = new Map(
      derived.outcomes.map((o) => [`${o.studentId}|${o.termId}|${o.outcome}`, o]),
    );
    expect(derived.outcomes.length).toBe(recorded.length);
    for (const r of recorded) {
      const d = byKey.get(`${r.student_id}|${r.term_id}|${r.outcome}`);
      expect(d?.value, `${r.outcome} of ${r.student_id}`).toBe(r.value);
      if (r.outcome === 'chronic_absence') expect(d?.detail).toBe(r.detail);
    }
  });

  it('makes fall indicators predict spring course failure, but not perfectly', () => {
    const [fall, spring] = all<{ id: string; start_date: string; end_date: string }>(
      `SELECT id, start_date, end_date FROM academic_sessions
       WHERE session_type = 'semester' ORDER BY start_date`,
    );
    const rows = all<{ attendance: number; gpa: number | null; failed: number }>(
      `SELECT
         1.0 - 1.0 * (SELECT count(*) FROM attendance_events a WHERE a.student_id = s.id
             AND a.category IN ('excused_absence', 'unexcused_absence') AND a.date <= $fallEnd)
           / (SELECT count(*) FROM calendar_days c WHERE c.school_id = s.school_id
             AND c.is_instructional = 1 AND c.date >= s.entry_date AND c.date <= $fallEnd)
           AS attendance,
         (SELECT avg(CASE g.letter WHEN 'A' THEN 4 WHEN 'B' THEN 3 WHEN 'C' THEN 2 WHEN 'D' THEN 1
                     ELSE 0 END)
            FROM section_grades g WHERE g.student_id = s.id AND g.grading_period_id = $fall
            AND g.is_final = 1) AS gpa,
         o.value AS failed
       FROM students s
       JOIN student_outcomes o ON o.student_id = s.id AND o.term_id = $spring
         AND o.outcome = 'course_failure'
       WHERE s.exit_date IS NULL AND s.entry_date <= $fallEnd`,
      { fall: fall!.id, fallEnd: fall!.end_date, spring: spring!.id },
    ).filter((r): r is { attendance: number; gpa: number; failed: number } => r.gpa !== null);
    expect(rows.length).toBeGreaterThan(1500);
    const stats = (xs: number[]) => {
      const m = xs.reduce((x, y) => x + y, 0) / xs.length;
      return { m, sd: Math.sqrt(xs.reduce((acc, x) => acc + (x - m) ** 2, 0) / xs.length) };
    };
    const att = stats(rows.map((r) => r.attendance));
    const gpa = stats(rows.map((r) => r.gpa));
    // A transparent combined indicator: standardized absence plus standardized low GPA.
    const scored = rows.map((r) => ({
      score: (att.m - r.attendance) / att.sd + (gpa.m - r.gpa) / gpa.sd,
      label: r.failed,
    }));
    const combined = auc(scored);
    expect(auc(rows.map((r) => ({ score: -r.attendance, label: r.failed })))).toBeGreaterThan(0.6);
    expect(auc(rows.map((r) => ({ score: -r.gpa, label: r.failed })))).toBeGreaterThan(0.6);
    expect(combined).toBeGreaterThanOrEqual(0.65);
    expect(combined).toBeLessThanOrEqual(0.95);
  });

  it('keeps referential integrity', () => {
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
    expect(
      value(
        'SELECT count(*) FROM students s LEFT JOIN demographics d ON d.student_id = s.id WHERE d.id IS NULL',
      ),
    ).toBe(0);
    expect(
      value(
        `SELECT count(*) FROM students s LEFT JOIN staff c ON c.id = s.counselor_id
         WHERE c.id IS NULL OR c.role <> 'counselor' OR c.school_id <> s.school_id`,
      ),
    ).toBe(0);
    // Enrollments sit inside their section's term and the student's time at school.
    expect(
      value(
        `SELECT count(*) FROM enrollments e JOIN sections s ON s.id = e.section_id
         JOIN academic_sessions t ON t.id = s.term_id JOIN students st ON st.id = e.student_id
         WHERE e.begin_date < t.start_date OR e.end_date > t.end_date OR e.begin_date > e.end_date
            OR e.begin_date < st.entry_date OR (st.exit_date IS NOT NULL AND e.end_date > st.exit_date)`,
      ),
    ).toBe(0);
    // No events after a student left.
    expect(
      value(
        `SELECT count(*) FROM attendance_events a JOIN students s ON s.id = a.student_id
         WHERE a.date < s.entry_date OR (s.exit_date IS NOT NULL AND a.date > s.exit_date)`,
      ),
    ).toBe(0);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
