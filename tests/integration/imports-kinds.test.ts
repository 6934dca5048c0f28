/**
 * Each CSV kind on its fixture file (tests/fixtures/imports/*.csv): what lands, what is
 * quarantined on which line and why, the natural identities, the dirty marks, and that a
 * second import of every file changes nothing.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RowImporter } from '../../main/imports/importer';
import { assessmentsImporter } from '../../main/imports/kinds/assessments';
import { assignmentsImporter } from '../../main/imports/kinds/assignments';
import { gradesImporter } from '../../main/imports/kinds/grades';
import { incidentsImporter } from '../../main/imports/kinds/incidents';
import { lmsActivityImporter } from '../../main/imports/kinds/lms-activity';
import { submissionsImporter } from '../../main/imports/kinds/submissions';
import { importCsvFile } from '../../main/imports/run-csv';
import type { Store } from '../../main/store/open';
import { FIXTURES, PERIODS, SECTIONS, STUDENTS, importStore } from '../fixtures/imports/district';
import { reasonsByLine, totalChanges, writeFixture } from '../fixtures/imports/helpers';
import { tempDir } from '../helpers';

const t = tempDir('sightline-imports-kinds-');
afterAll(() => t.cleanup());

let store: Store;
beforeEach(async () => {
  store = await importStore(t.dir);
  return () => store.close();
});

const run = (importer: RowImporter, file: string) =>
  importCsvFile(store.sqlite, { path: `${FIXTURES}/${file}`, importer });
const rows = (sql: string, ...args: unknown[]) => store.sqlite.prepare(sql).all(...args);
const dirty = () =>
  Object.fromEntries(
    (
      rows('SELECT student_id, from_date FROM feature_dirty') as {
        student_id: string;
        from_date: string;
      }[]
    ).map((r) => [r.student_id, r.from_date]),
  );

describe('section grades', () => {
  it('lands letter and numeric grades, tells same-titled periods apart by the section term', async () => {
    const report = await run(gradesImporter, 'grades.csv');
    expect(report).toMatchObject({ rowsTotal: 11, added: 6, quarantined: 5 });
    expect(reasonsByLine(store.sqlite, report.importId)).toEqual({
      6: 'This row has no grade: both the letter and the numeric grade are empty.',
      7: "No grading period or term has the ID or title “Quarter 3”. Import the roster's academic sessions first, or check the grading period column.",
      9: 'The numeric grade 150 is outside 0–110. Grades are percentages; check that this column is not points or a GPA.',
      10: '“maybe” does not say whether this is a final grade: use Y/N, true/false, 1/0, or final/progress.',
      12: 'Exact duplicate of an earlier row in this file (student, section, grading period and progress flag); kept once.',
    });
    expect(
      rows(
        `SELECT student_id, section_id, grading_period_id, letter, numeric_grade, is_final
         FROM section_grades ORDER BY student_id, section_id, grading_period_id, is_final`,
      ),
    ).toEqual(
      [
        [STUDENTS.ana, SECTIONS.alg, PERIODS.q1, 'B+', 88.5, 0],
        [STUDENTS.ana, SECTIONS.alg, PERIODS.q1, 'B', 86, 1],
        [STUDENTS.ben, SECTIONS.eng, PERIODS.q1, 'F', 52, 1],
        [STUDENTS.ben, SECTIONS.eng, PERIODS.q2, null, 87, 0],
        // sec-old's term is Fall 2024: its "Quarter 1" is last year's.
        [STUDENTS.ben, SECTIONS.old, PERIODS.q1old, 'A', 95, 1],
        [STUDENTS.cara, SECTIONS.eng, PERIODS.q2, null, 74, 0],
      ]
        .map(([student_id, section_id, grading_period_id, letter, numeric_grade, is_final]) => ({
          student_id,
          section_id,
          grading_period_id,
          letter,
          numeric_grade,
          is_final,
        }))
        .sort((a, b) =>
          `${a.student_id}${a.section_id}${a.grading_period_id}`.localeCompare(
            `${b.student_id}${b.section_id}${b.grading_period_id}`,
          ),
        ),
    );
    // The dirty date is the grading period's start.
    expect(dirty()).toEqual({
      [STUDENTS.ana]: '2025-08-18',
      [STUDENTS.ben]: '2024-08-19',
      [STUDENTS.cara]: '2025-10-20',
    });
  });

  it('a changed grade is an update of the same row', async () => {
    const file = writeFixture(
      t.dir,
      'g.csv',
      'SIS ID,Section,Grading Period,Letter Grade,Final\nstu-001,sec-alg,q1-2025,C,N\n',
    );
    await importCsvFile(store.sqlite, { path: file, importer: gradesImporter });
    writeFixture(
      t.dir,
      'g.csv',
      'SIS ID,Section,Grading Period,Letter Grade,Final\nstu-001,sec-alg,q1-2025,b-,false\n',
    );
    const report = await importCsvFile(store.sqlite, { path: file, importer: gradesImporter });
    expect(report).toMatchObject({ updated: 1, added: 0 });
    expect(rows('SELECT letter, numeric_grade, is_final FROM section_grades')).toEqual([
      { letter: 'B-', numeric_grade: null, is_final: 0 },
    ]);
  });
});

describe('assignments and submissions', () => {
  it('lands assignments by id and quarantines the unusable ones', async () => {
    const report = await run(assignmentsImporter, 'assignments.csv');
    expect(report).toMatchObject({ rowsTotal: 7, added: 4, quarantined: 3 });
    expect(reasonsByLine(store.sqlite, report.importId)).toEqual({
      6: 'No section (class) has the ID “sec-zzz”. Import the roster (OneRoster classes) first, or leave the section column unmapped.',
      7: 'The assignment ID is empty: submissions could not refer to it.',
      8: 'Points possible “-5” must be a number of 0 or more.',
    });
    expect(
      rows(
        'SELECT source_id, title, due_date, points_possible, grading_period_id FROM assignments ORDER BY source_id',
      ),
    ).toEqual([
      {
        source_id: 'a-essay',
        title: 'Essay: "My summer"',
        due_date: '2025-09-12',
        points_possible: 50,
        grading_period_id: PERIODS.q1,
      },
      {
        source_id: 'a-later',
        title: 'Problem set',
        due_date: '2099-10-03',
        points_possible: 50,
        grading_period_id: null,
      },
      {
        source_id: 'a-quiz',
        title: 'Quiz 1',
        due_date: '2025-09-05',
        points_possible: 20,
        grading_period_id: PERIODS.q1,
      },
      {
        source_id: 'a-test',
        title: 'Test 1',
        due_date: '2025-09-19',
        points_possible: 100,
        grading_period_id: null,
      },
    ]);
  });

  it('reads statuses from words, dates (in the district time zone) and scores', async () => {
    await run(assignmentsImporter, 'assignments.csv');
    const report = await run(submissionsImporter, 'submissions.csv');
    expect(report).toMatchObject({ rowsTotal: 13, added: 7, ignored: 1, quarantined: 5 });
    expect(reasonsByLine(store.sqlite, report.importId)).toEqual({
      10: 'No assignment has the ID “a-nope”. Import the assignments file first, or check which column holds the assignment ID.',
      11: 'No student has the ID or student number “stu-009”. Import the roster (OneRoster users) first, or check which column holds the student ID.',
      12: 'Unknown submission status “Sort of”: use on time, late, missing or excused (turned in, submitted and graded are read as on time or late from the dates).',
      13: 'The score “ten” must be a number of points (0 or more), or EX / M.',
      14: 'Exact duplicate of an earlier row in this file (student and assignment); kept once.',
    });
    const got = rows(
      `SELECT a.source_id AS assignment, s.student_id, s.status, s.submitted_at, s.score
       FROM submissions s JOIN assignments a ON a.id = s.assignment_id ORDER BY a.source_id, s.student_id`,
    );
    expect(got).toEqual([
      {
        assignment: 'a-essay',
        student_id: STUDENTS.ana,
        status: 'late',
        submitted_at: Date.parse('2025-09-12T05:00:00Z'),
        score: 40,
      },
      // 21:30 in Chicago on the due date: on time, though it is already the 6th in UTC.
      {
        assignment: 'a-quiz',
        student_id: STUDENTS.ana,
        status: 'on_time',
        submitted_at: Date.parse('2025-09-06T02:30:00Z'),
        score: 18,
      },
      {
        assignment: 'a-quiz',
        student_id: STUDENTS.ben,
        status: 'on_time',
        submitted_at: Date.parse('2025-09-06T02:30:00Z'),
        score: 15,
      },
      {
        assignment: 'a-quiz',
        student_id: STUDENTS.cara,
        status: 'late',
        submitted_at: Date.parse('2025-09-07T13:00:00Z'),
        score: 12,
      },
      {
        assignment: 'a-test',
        student_id: STUDENTS.ana,
        status: 'missing',
        submitted_at: null,
        score: 0,
      },
      {
        assignment: 'a-test',
        student_id: STUDENTS.ben,
        status: 'excused',
        submitted_at: null,
        score: null,
      },
      {
        assignment: 'a-test',
        student_id: STUDENTS.cara,
        status: 'missing',
        submitted_at: null,
        score: null,
      },
    ]);
    expect(report.summary).toBe('7 added, 1 ignored, 5 quarantined.');
  });

  it('a changed due date marks every submitter dirty from the earlier date', async () => {
    await run(assignmentsImporter, 'assignments.csv');
    await run(submissionsImporter, 'submissions.csv');
    store.sqlite.prepare('DELETE FROM feature_dirty').run();
    const file = writeFixture(
      t.dir,
      'moved.csv',
      'Assignment ID,Section ID,Assignment Name,Due Date,Points Possible\na-quiz,sec-alg,Quiz 1,2025-09-08,20\n',
    );
    expect(
      (await importCsvFile(store.sqlite, { path: file, importer: assignmentsImporter })).updated,
    ).toBe(1);
    expect(dirty()).toEqual({
      [STUDENTS.ana]: '2025-09-05',
      [STUDENTS.ben]: '2025-09-05',
      [STUDENTS.cara]: '2025-09-05',
    });
  });
});

describe('discipline incidents', () => {
  it('reads ISS/OSS words and Ed-Fi descriptors, and keeps a quoted newline in the behavior', async () => {
    const report = await run(incidentsImporter, 'incidents.csv');
    expect(report).toMatchObject({ rowsTotal: 10, added: 5, quarantined: 5 });
    expect(reasonsByLine(store.sqlite, report.importId)).toEqual({
      8: 'Unknown action “Community service”: use ISS / in-school suspension, OSS / out-of-school suspension, expulsion, referral, detention or none (a warning or conference is none).',
      9: 'The behavior is empty: say what happened (e.g. Fighting).',
      10: "The date 2023-09-24 is outside the school year on record (2024-08-19 to 2025-05-30, 2025-08-18 to 2026-05-29). Check the date format setting or the file's year.",
      11: 'Another row earlier in this file has the same student, date, behavior and action with different values; the earlier row was kept. Remove one of them.',
      12: 'Days removed “abc” must be a number of school days (0 or more).',
    });
    expect(
      rows(
        'SELECT student_id, date, behavior, action, days_removed FROM discipline_incidents ORDER BY date, action',
      ),
    ).toEqual([
      {
        student_id: STUDENTS.ana,
        date: '2025-09-17',
        behavior: 'Fighting',
        action: 'out_of_school_suspension',
        days_removed: 2,
      },
      {
        student_id: STUDENTS.ana,
        date: '2025-09-17',
        behavior: 'Fighting',
        action: 'referral',
        days_removed: 0,
      },
      {
        student_id: STUDENTS.ben,
        date: '2025-09-18',
        behavior: 'Disruption in class',
        action: 'in_school_suspension',
        days_removed: 1,
      },
      {
        student_id: STUDENTS.cara,
        date: '2025-09-19',
        behavior: 'Bullying',
        action: 'expulsion',
        days_removed: 180,
      },
      {
        student_id: STUDENTS.ben,
        date: '2025-09-22',
        behavior: 'Tardiness',
        action: 'none',
        days_removed: 0,
      },
    ]);
  });
});

describe('LMS activity', () => {
  it('reads durations in minutes, h:mm, hh:mm:ss, "1h 5m" and ISO 8601', async () => {
    const report = await run(lmsActivityImporter, 'lms-activity.csv');
    expect(report).toMatchObject({ rowsTotal: 9, added: 5, quarantined: 4 });
    expect(reasonsByLine(store.sqlite, report.importId)).toEqual({
      7: 'Another row earlier in this file has the same student, section and date with different values; the earlier row was kept. Remove one of them.',
      8: 'Sessions “1.5” must be a whole number (0 or more).',
      9: 'Active time “lots” is not a duration Sightline can read for one day (e.g. 45, 1:20, 01:20:00, 1h 20m).',
      10: 'No section (class) has the ID “sec-zzz”. Import the roster (OneRoster classes) first, or leave the section column unmapped.',
    });
    expect(
      rows(
        'SELECT student_id, section_id, date, sessions, active_minutes, submissions FROM lms_activity ORDER BY date, student_id',
      ),
    ).toEqual([
      {
        student_id: STUDENTS.ana,
        section_id: null,
        date: '2025-09-02',
        sessions: 2,
        active_minutes: 35,
        submissions: 1,
      },
      {
        student_id: STUDENTS.ana,
        section_id: SECTIONS.alg,
        date: '2025-09-03',
        sessions: 1,
        active_minutes: 80,
        submissions: 0,
      },
      {
        student_id: STUDENTS.ben,
        section_id: null,
        date: '2025-09-03',
        sessions: 1,
        active_minutes: 65,
        submissions: 0,
      },
      {
        student_id: STUDENTS.cara,
        section_id: null,
        date: '2025-09-03',
        sessions: 3,
        active_minutes: 45,
        submissions: 2,
      },
      {
        student_id: STUDENTS.cara,
        section_id: null,
        date: '2025-09-04',
        sessions: 1,
        active_minutes: 20,
        submissions: 0,
      },
    ]);
  });
});

describe('assessment results', () => {
  it('keeps one result per student, assessment, subject and date', async () => {
    const report = await run(assessmentsImporter, 'assessments.csv');
    expect(report).toMatchObject({ rowsTotal: 8, added: 4, quarantined: 4 });
    expect(reasonsByLine(store.sqlite, report.importId)).toEqual({
      6: 'The score is empty: a result needs a score (leave the row out if the test was not taken).',
      7: 'The score “abc” is not a number.',
      8: 'The percentile “120” must be a number from 0 to 100.',
      9: 'Another row earlier in this file has the same student, assessment, subject and date with different values; the earlier row was kept. Remove one of them.',
    });
    expect(
      rows(
        `SELECT student_id, assessment, subject, date, score, max_score, percentile, performance_level
         FROM assessment_results ORDER BY student_id, assessment, subject`,
      ),
    ).toEqual([
      {
        student_id: STUDENTS.ana,
        assessment: 'MAP Growth',
        subject: 'Math',
        date: '2025-09-04',
        score: 212,
        max_score: null,
        percentile: 55,
        performance_level: 'Average',
      },
      {
        student_id: STUDENTS.ana,
        assessment: 'MAP Growth',
        subject: 'Reading',
        date: '2025-09-04',
        score: 205,
        max_score: null,
        percentile: 48,
        performance_level: 'Average',
      },
      {
        student_id: STUDENTS.ben,
        assessment: 'Smarter Balanced ELA',
        subject: 'ELA',
        date: '2025-09-04',
        score: 2450,
        max_score: null,
        percentile: null,
        performance_level: 'Level 3',
      },
      {
        student_id: STUDENTS.cara,
        assessment: 'Unit check',
        subject: 'Math',
        date: '2025-09-17',
        score: 18,
        max_score: 20,
        percentile: null,
        performance_level: null,
      },
    ]);
  });
});

describe('re-importing every kind', () => {
  it('changes nothing and says so, file after file', async () => {
    const files: [RowImporter, string][] = [
      [gradesImporter, 'grades.csv'],
      [assignmentsImporter, 'assignments.csv'],
      [submissionsImporter, 'submissions.csv'],
      [incidentsImporter, 'incidents.csv'],
      [lmsActivityImporter, 'lms-activity.csv'],
      [assessmentsImporter, 'assessments.csv'],
    ];
    const first = [];
    for (const [importer, file] of files) first.push(await run(importer, file));
    const tables = [
      'section_grades',
      'assignments',
      'submissions',
      'discipline_incidents',
      'lms_activity',
      'assessment_results',
    ];
    const snapshot = () => tables.map((table) => rows(`SELECT * FROM ${table} ORDER BY id`));
    const before = snapshot();
    for (const [i, [importer, file]] of files.entries()) {
      const changes = totalChanges(store.sqlite);
      const again = await run(importer, file);
      expect(again, file).toMatchObject({
        added: 0,
        updated: 0,
        unchanged: first[i]!.added,
        quarantined: first[i]!.quarantined,
        ignored: first[i]!.ignored,
      });
      expect(again.summary, file).toMatch(/^Nothing changed/);
      expect(totalChanges(store.sqlite) - changes, file).toBe(2 + again.quarantined);
    }
    expect(snapshot()).toEqual(before);
  });
});
