import { describe, expect, it } from 'vitest';
import { detectKind, scoreKinds } from '../../main/imports/kinds';
import { attendanceImporter } from '../../main/imports/kinds/attendance';
import { gradesImporter } from '../../main/imports/kinds/grades';
import { submissionsImporter } from '../../main/imports/kinds/submissions';
import {
  autoMap,
  missingRequired,
  normalizeHeader,
  pick,
  sourceKey,
} from '../../main/imports/mapping';

describe('normalizeHeader', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    for (const h of ['Student_Number', 'student number', 'STUDENT-NUMBER', ' Student.Number ']) {
      expect(normalizeHeader(h)).toBe('studentnumber');
    }
    expect(normalizeHeader('Categoría')).toBe('categoria');
  });
});

describe('autoMap', () => {
  it.each([
    ['Student_Number', 'student'],
    ['student id', 'student'],
    ['SIS ID', 'student'],
    ['StudentUniqueId', 'student'],
    ['Student SIS ID', 'student'],
    ['LocalId', 'student'],
  ])('maps %j to the student field', (header, key) => {
    const mapping = autoMap([header, 'Date', 'Code'], attendanceImporter.fields);
    expect(mapping[key]).toBe(0);
  });

  it('maps an Ed-Fi attendance export', () => {
    const headers = [
      'StudentUniqueId',
      'EventDate',
      'AttendanceEventCategoryDescriptor',
      'SectionIdentifier',
    ];
    expect(autoMap(headers, attendanceImporter.fields)).toEqual({
      student: 0,
      date: 1,
      category: 2,
      section: 3,
      minutes: null,
      id: null,
    });
  });

  it('uses a header once, for the first field that wants it', () => {
    // "Grade" could be a letter or a numeric grade: the letter field comes first.
    const mapping = autoMap(['Student', 'Section', 'Term', 'Grade'], gradesImporter.fields);
    expect(mapping).toMatchObject({ student: 0, section: 1, period: 2, letter: 3, numeric: null });
  });

  it('leaves fields without a header unmapped and reports the required ones', () => {
    const mapping = autoMap(['Kid', 'Score'], submissionsImporter.fields);
    expect(mapping).toMatchObject({ student: null, assignment: null, score: 1 });
    expect(missingRequired(mapping, submissionsImporter.fields).map((f) => f.label)).toEqual([
      'Assignment ID',
      'Student ID',
    ]);
  });
});

describe('sourceKey and pick', () => {
  it('identifies a source by kind and normalized headers', () => {
    const a = sourceKey('attendance', ['Student_Number', 'Date', 'Code']);
    expect(sourceKey('attendance', ['student number', 'DATE', 'code'])).toBe(a);
    expect(sourceKey('incidents', ['Student_Number', 'Date', 'Code'])).not.toBe(a);
    expect(sourceKey('attendance', ['Date', 'Student_Number', 'Code'])).not.toBe(a);
  });

  it('reads a mapped value, empty when unmapped or past the row end', () => {
    expect(pick(['a', 'b'], { x: 1, y: null, z: 5 }, 'x')).toBe('b');
    expect(pick(['a', 'b'], { x: 1, y: null, z: 5 }, 'y')).toBe('');
    expect(pick(['a', 'b'], { x: 1, y: null, z: 5 }, 'z')).toBe('');
    expect(pick(['a', 'b'], {}, 'w')).toBe('');
  });
});

describe('detectKind', () => {
  it.each([
    ['attendance.csv', ['Student_Number', 'Attendance Date', 'Code'], 'attendance'],
    ['export.csv', ['Student_Number', 'Section ID', 'Term', 'Grade', 'Percent'], 'grades'],
    [
      'export.csv',
      ['Assignment ID', 'Section ID', 'Assignment Name', 'Due Date', 'Points Possible'],
      'assignments',
    ],
    [
      'export.csv',
      ['Assignment ID', 'Student ID', 'Status', 'Submitted At', 'Score'],
      'submissions',
    ],
    ['export.csv', ['Student Number', 'Incident Date', 'Behavior', 'Action', 'Days'], 'incidents'],
    ['canvas-usage.csv', ['Student ID', 'Date', 'Logins', 'Time Spent'], 'lms_activity'],
    [
      'export.csv',
      ['Student ID', 'Test Name', 'Subject', 'Test Date', 'Scale Score'],
      'assessments',
    ],
    ['statements.jsonl', [], 'xapi'],
    ['lrs-export.json', [], 'xapi'],
    ['users.csv', ['sourcedId', 'status', 'username'], 'oneroster'],
    ['roster.zip', [], 'oneroster'],
  ] as const)('%s %j is %s', (file, headers, kind) => {
    expect(detectKind(file, headers)).toBe(kind);
  });

  it('proposes nothing for a file that fits no kind, and ranks kinds best first', () => {
    expect(detectKind('notes.csv', ['Teacher', 'Room', 'Remark'])).toBeNull();
    // A behavior column the wizard could not place: still an incidents file, one field to map.
    const headers = ['Student', 'Incident Date', 'Action', 'What happened'];
    expect(scoreKinds('incidents.csv', headers)[0]).toMatchObject({
      kind: 'incidents',
      missing: ['Behavior'],
    });
    expect(detectKind('incidents.csv', headers)).toBe('incidents');
    expect(detectKind('export.csv', headers)).toBeNull();
  });
});
