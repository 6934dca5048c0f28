/**
 * CSV imports end to end on real SQLite files: the dirty-file fixtures (BOM, CRLF, quoted
 * newlines, ; and tab, Windows-1252, date orders, trimming, duplicates, unknown ids, wrong
 * column counts, an unclosed quote) with exact counts and quarantine lines, re-import writes
 * nothing, remembered mappings, cancel.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { attendanceImporter } from '../../main/imports/kinds/attendance';
import { importCsvFile, mappingFor } from '../../main/imports/run-csv';
import type { Store } from '../../main/store/open';
import { STUDENTS, importStore } from '../fixtures/imports/district';
import {
  cp1252,
  fixtureText,
  quarantineOf,
  reasonsByLine,
  totalChanges,
  writeFixture,
} from '../fixtures/imports/helpers';
import { tempDir } from '../helpers';

const t = tempDir('sightline-imports-csv-');
afterAll(() => t.cleanup());

let store: Store;
beforeEach(async () => {
  store = await importStore(t.dir);
  return () => store.close();
});

const attendance = (studentId: string) =>
  store.sqlite
    .prepare(
      `SELECT date, category, section_id IS NOT NULL AS in_section, minutes FROM attendance_events
       WHERE student_id = ? ORDER BY date, category`,
    )
    .all(studentId);

const DIRTY = fixtureText('attendance-dirty.csv');

/** What attendance-dirty.csv must do, whatever its bytes: line → the start of the reason. */
const DIRTY_QUARANTINE: Record<number, string> = {
  6: 'Exact duplicate of an earlier row in this file (student, section and date); kept once.',
  7: 'Another row earlier in this file has the same student, section and date with different values; the earlier row was kept.',
  8: 'No student has the ID or student number “9999”.',
  9: 'No section (class) has the ID “sec-zzz”.',
  10: 'This row has 3 fields but the header has 5.',
  11: '“2025-13-45” is not a date Sightline can read',
  12: 'Unknown attendance code “X”',
  16: 'The date 2023-09-12 is outside the school year on record (2024-08-19 to 2025-05-30, 2025-08-18 to 2026-05-29).',
  17: 'Unknown attendance code “Absent (illness)”',
  19: 'This row has 6 fields but the header has 5.',
  21: 'A quote (") opened on line 21 is never closed, so lines 21–22 were read as one field and not imported.',
};

function expectDirtyOutcome(report: Awaited<ReturnType<typeof importCsvFile>>) {
  expect(report).toMatchObject({
    status: 'committed',
    rowsTotal: 17,
    added: 6,
    updated: 0,
    unchanged: 0,
    quarantined: 11,
    ignored: 0,
  });
  const reasons = reasonsByLine(store.sqlite, report.importId);
  expect(Object.keys(reasons).map(Number)).toEqual(Object.keys(DIRTY_QUARANTINE).map(Number));
  for (const [line, start] of Object.entries(DIRTY_QUARANTINE)) {
    expect(reasons[Number(line)], `line ${line}`).toContain(start);
  }
  expect(attendance(STUDENTS.ana)).toEqual([
    { date: '2025-09-03', category: 'unexcused_absence', in_section: 0, minutes: null },
    { date: '2025-09-05', category: 'tardy', in_section: 1, minutes: 10 },
  ]);
  expect(attendance(STUDENTS.ben)).toEqual([
    { date: '2025-09-04', category: 'excused_absence', in_section: 0, minutes: null },
    { date: '2025-09-12', category: 'present', in_section: 0, minutes: null },
    { date: '2025-09-17', category: 'present', in_section: 0, minutes: null },
  ]);
  // "1003" reaches student number 001003: a spreadsheet dropped the leading zeros.
  expect(attendance(STUDENTS.cara)).toEqual([
    { date: '2025-09-11', category: 'present', in_section: 0, minutes: null },
  ]);
}

describe('attendance CSV with every kind of mess', () => {
  it('lands the good rows and quarantines each bad one on its own line, with a reason', async () => {
    const file = writeFixture(t.dir, 'attendance.csv', DIRTY);
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expectDirtyOutcome(report);
    const q = quarantineOf(store.sqlite, report.importId);
    // The raw text is kept so the row can be found and fixed; multi-line rows keep their lines.
    expect(q.find((r) => r.line_number === 17)!.raw).toBe('1001,2025-09-15,"Absent\n(illness)",,');
    expect(q.find((r) => r.line_number === 21)!.raw).toBe(
      '1001,2025-09-18,"P,,\n1002,2025-09-19,P,,',
    );
    expect(report.summary).toBe('6 added, 11 quarantined.');
    // The pipeline learns what to recompute in the same transaction.
    expect(
      store.sqlite
        .prepare('SELECT student_id, from_date FROM feature_dirty ORDER BY from_date')
        .all(),
    ).toEqual([
      { student_id: STUDENTS.ana, from_date: '2025-09-03' },
      { student_id: STUDENTS.ben, from_date: '2025-09-04' },
      { student_id: STUDENTS.cara, from_date: '2025-09-11' },
    ]);
  });

  it('reads the same file the same way with a BOM and Windows line ends', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(DIRTY.replace(/\n/g, '\r\n'), 'utf8'),
    ]);
    const file = writeFixture(t.dir, 'attendance-crlf.csv', bytes);
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expectDirtyOutcome(report);
    const detail = JSON.parse(
      store.sqlite
        .prepare('SELECT detail_json FROM imports WHERE id = ?')
        .pluck()
        .get(report.importId) as string,
    );
    expect(detail).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(detail.headers[0]).toBe('Student_Number');
  });

  it('reads a file whose lines end in a mix of CRLF, LF and CR', async () => {
    const lines = DIRTY.split('\n');
    const mixed = lines
      .map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3]))
      .join('');
    const file = writeFixture(t.dir, 'attendance-mixed.csv', mixed);
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expectDirtyOutcome(report);
  });

  it('re-importing the same file changes nothing, says so, and writes no data', async () => {
    const file = writeFixture(t.dir, 'attendance.csv', DIRTY);
    await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    const before = store.sqlite
      .prepare('SELECT id, updated_at, category FROM attendance_events ORDER BY id')
      .all();
    const changes = totalChanges(store.sqlite);
    const again = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(again).toMatchObject({
      rowsTotal: 17,
      added: 0,
      updated: 0,
      unchanged: 6,
      quarantined: 11,
    });
    expect(again.summary).toBe('Nothing changed. 6 unchanged, 11 quarantined.');
    // The duplicate and the conflict are still reported as such, and the conflict did not win.
    expect(reasonsByLine(store.sqlite, again.importId)).toMatchObject({
      6: expect.stringContaining('Exact duplicate'),
      7: expect.stringContaining('different values'),
    });
    expect(
      store.sqlite
        .prepare('SELECT id, updated_at, category FROM attendance_events ORDER BY id')
        .all(),
    ).toEqual(before);
    // Only the import's own row (insert + finish) and its quarantine rows were written.
    expect(totalChanges(store.sqlite) - changes).toBe(2 + 11);
  });

  it('a clean file re-imported reports "Nothing changed" with every row unchanged', async () => {
    const file = writeFixture(
      t.dir,
      'clean.csv',
      'student id,date,status\nstu-001,2025-09-03,P\nstu-002,2025-09-03,A\nstu-003,2025-09-03,T\n',
    );
    expect(
      (await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter })).added,
    ).toBe(3);
    const changes = totalChanges(store.sqlite);
    const again = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(again).toMatchObject({
      rowsTotal: 3,
      unchanged: 3,
      added: 0,
      updated: 0,
      quarantined: 0,
    });
    expect(again.summary).toBe('Nothing changed: every row was already imported. 3 unchanged.');
    expect(totalChanges(store.sqlite) - changes).toBe(2);
    expect(store.sqlite.prepare('SELECT count(*) FROM feature_dirty').pluck().get()).toBe(3);
  });

  it('a changed value on re-import is an update, and only that row is written', async () => {
    const file = writeFixture(
      t.dir,
      'a.csv',
      'student id,date,status\nstu-001,2025-09-03,A\nstu-002,2025-09-03,P\n',
    );
    await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    writeFixture(
      t.dir,
      'a.csv',
      'student id,date,status\nstu-001,2025-09-03,E\nstu-002,2025-09-03,P\n',
    );
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(attendance(STUDENTS.ana)).toEqual([
      { date: '2025-09-03', category: 'excused_absence', in_section: 0, minutes: null },
    ]);
  });
});

describe('a quote that never closes in a large file', () => {
  it('stops at 1 MB and quarantines the rest of the file as one row, naming its lines', async () => {
    const rows = ['student id,date,code', 'stu-001,2025-09-03,A', 'stu-002,"2025-09-03,A'];
    for (let i = 0; i < 60_000; i++) rows.push('stu-003,2025-09-04,P');
    const file = writeFixture(t.dir, 'runaway.csv', `${rows.join('\n')}\n`);
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(report).toMatchObject({ rowsTotal: 2, added: 1, quarantined: 1 });
    const [q] = quarantineOf(store.sqlite, report.importId);
    expect(q!.line_number).toBe(3);
    expect(q!.reason).toBe(
      'Lines 3–60003 were not imported: a row longer than 1 MB starts on line 3, which almost always means a quote (") that is never closed. Fix that quote and import the file again.',
    );
    expect(q!.raw!.length).toBeLessThanOrEqual(4097);
  });
});

describe('delimiters, encodings and date orders', () => {
  it('detects semicolons (European Excel) and day-first dates', async () => {
    const file = writeFixture(
      t.dir,
      'semi.csv',
      'Leerling;Datum;Code;Minutes\nstu-001;03.09.2025;A;\nstu-002;04.09.2025;T;12\n',
    );
    const report = await importCsvFile(store.sqlite, {
      path: file,
      importer: attendanceImporter,
      mapping: { student: 0, date: 1, category: 2, section: null, minutes: 3, id: null },
      dateOrder: 'DMY',
    });
    expect(report).toMatchObject({ added: 2, quarantined: 0 });
    expect(attendance(STUDENTS.ben)).toEqual([
      { date: '2025-09-04', category: 'tardy', in_section: 0, minutes: 12 },
    ]);
  });

  it('detects tabs, and a tab file with a quoted tab inside a field', async () => {
    const file = writeFixture(
      t.dir,
      'tab.tsv',
      'SIS ID\tEvent Date\tAttendance Code\tClass ID\nstu-001\t2025-09-03\tA\t"sec-alg"\nstu-002\t2025-09-03\t"P\t"\t\n',
    );
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(report).toMatchObject({ added: 2, quarantined: 0 });
  });

  it('reads Windows-1252 bytes (Peña) and names the encoding', async () => {
    const bytes = cp1252('Student Number,Date,Code\nPEÑA,2025-09-03,A\n1001,2025-09-03,P\n');
    expect(bytes.includes(0xd1)).toBe(true);
    const file = writeFixture(t.dir, 'ansi.csv', bytes);
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(report).toMatchObject({ added: 2, quarantined: 0 });
    expect(attendance(STUDENTS.pena)).toHaveLength(1);
    const detail = store.sqlite
      .prepare('SELECT detail_json FROM imports WHERE id = ?')
      .pluck()
      .get(report.importId);
    expect(JSON.parse(detail as string).encoding).toBe('windows-1252');
  });

  it('notices a Windows-1252 byte far past the first 256 KB of plain ASCII', async () => {
    const rows = ['Student Number,Date,Code'];
    for (let i = 0; i < 20_000; i++) rows.push(`1001,2025-09-03,P`);
    const ascii = Buffer.from(rows.join('\n') + '\n');
    expect(ascii.length).toBeGreaterThan(256 * 1024);
    const file = writeFixture(
      t.dir,
      'late-ansi.csv',
      Buffer.concat([ascii, cp1252('PEÑA,2025-09-04,A\n')]),
    );
    const report = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(report).toMatchObject({ rowsTotal: 20_001, added: 2, quarantined: 19_999 });
    expect(attendance(STUDENTS.pena)).toEqual([
      { date: '2025-09-04', category: 'unexcused_absence', in_section: 0, minutes: null },
    ]);
  });

  it("reads numeric dates in the school's order (setting import.dateOrder)", async () => {
    const file = writeFixture(
      t.dir,
      'dates.csv',
      'student id,date,code\nstu-001,03/09/2025,A\nstu-002,25/09/2025,A\nstu-003,3-Sep-2025,A\n',
    );
    const us = await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter });
    expect(us).toMatchObject({ added: 2, quarantined: 1 });
    expect(reasonsByLine(store.sqlite, us.importId)[3]).toBe(
      "“25/09/2025” is not a date Sightline can read (expected e.g. 2025-09-03 or a date in the school's MDY order).",
    );
    expect(attendance(STUDENTS.ana)).toMatchObject([{ date: '2025-03-09' }]);

    const other = await importStore(t.dir);
    other.sqlite
      .prepare(
        `INSERT INTO settings (key, value_json, updated_at) VALUES ('import.dateOrder', '"DMY"', 0)`,
      )
      .run();
    const eu = await importCsvFile(other.sqlite, { path: file, importer: attendanceImporter });
    expect(eu).toMatchObject({ added: 3, quarantined: 0 });
    expect(
      other.sqlite.prepare('SELECT date FROM attendance_events ORDER BY student_id').pluck().all(),
    ).toEqual(['2025-09-03', '2025-09-25', '2025-09-03']);
    await other.close();
  });
});

describe('mappings, setup errors and cancel', () => {
  it('remembers a mapping the user confirmed, for files with the same headers', async () => {
    const headers = ['Kid', 'When', 'What happened'];
    const file = writeFixture(t.dir, 'odd.csv', `${headers.join(',')}\nstu-001,2025-09-03,A\n`);
    const auto = mappingFor(store.sqlite, attendanceImporter, headers);
    expect(auto).toMatchObject({ student: null, date: null, category: null });
    await expect(
      importCsvFile(store.sqlite, { path: file, importer: attendanceImporter }),
    ).rejects.toThrow(
      "odd.csv: no column was found for Student ID, Date, Attendance code. The file's columns are: Kid, When, What happened.",
    );
    const mapping = { student: 0, date: 1, category: 2, section: null, minutes: null, id: null };
    const report = await importCsvFile(store.sqlite, {
      path: file,
      importer: attendanceImporter,
      mapping,
    });
    expect(report.added).toBe(1);
    expect(mappingFor(store.sqlite, attendanceImporter, headers)).toEqual(mapping);
    // The next export from that source imports without asking again.
    writeFixture(t.dir, 'odd.csv', `${headers.join(',')}\nstu-002,2025-09-03,A\n`);
    expect(
      (await importCsvFile(store.sqlite, { path: file, importer: attendanceImporter })).added,
    ).toBe(1);
    // Other headers are not affected.
    expect(mappingFor(store.sqlite, attendanceImporter, ['Kid', 'When'])).toMatchObject({
      student: null,
    });
  });

  it('refuses a mapping that points past the last column', async () => {
    const file = writeFixture(t.dir, 'short.csv', 'student id,date,code\nstu-001,2025-09-03,A\n');
    await expect(
      importCsvFile(store.sqlite, {
        path: file,
        importer: attendanceImporter,
        mapping: { student: 0, date: 1, category: 7 },
      }),
    ).rejects.toThrow('the mapping points “category” at column 7, but the file has 3 columns');
  });

  it('an empty file and a header with a broken quote stop before anything is written', async () => {
    const empty = writeFixture(t.dir, 'empty.csv', '\n\n');
    await expect(
      importCsvFile(store.sqlite, { path: empty, importer: attendanceImporter }),
    ).rejects.toThrow('empty.csv is empty.');
    const broken = writeFixture(
      t.dir,
      'broken.csv',
      'student id,"date,code\nstu-001,2025-09-03,A\n',
    );
    await expect(
      importCsvFile(store.sqlite, { path: broken, importer: attendanceImporter }),
    ).rejects.toThrow('The header row has a quote (") that is never closed');
    expect(store.sqlite.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
  });

  it('cancel rolls the whole file back and records the cancelled import', async () => {
    const rows = ['student id,date,code'];
    for (let i = 0; i < 5000; i++)
      rows.push(`stu-00${1 + (i % 3)},2025-09-${String(1 + (i % 28)).padStart(2, '0')},P`);
    const file = writeFixture(t.dir, 'big.csv', rows.join('\n'));
    const progress: number[] = [];
    const report = await importCsvFile(store.sqlite, {
      path: file,
      importer: attendanceImporter,
      onProgress: (fraction) => progress.push(fraction),
      isCancelled: () => progress.length >= 1,
    });
    expect(report.status).toBe('cancelled');
    expect(report.summary).toBe('Cancelled: nothing from this file was saved.');
    expect(store.sqlite.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT status FROM imports').pluck().get()).toBe('cancelled');
  });
});
