/** The value readers every importer leans on: numbers, durations, codes, words, xAPI bits. */
import { describe, expect, it } from 'vitest';
import { attendanceCategory } from '../../main/imports/kinds/attendance';
import {
  descriptorValue,
  parseIsoDuration,
  parseMinutes,
  parseNumber,
  parseYesNo,
  periodKey,
  shown,
} from '../../main/imports/kinds/common';
import { finalFlag } from '../../main/imports/kinds/grades';
import { disciplineAction } from '../../main/imports/kinds/incidents';
import { submissionStatus } from '../../main/imports/kinds/submissions';
import { actorKeys, statementId, verbKind } from '../../main/imports/kinds/xapi';
import { looseKey } from '../../main/imports/lookups';
import { detectJsonFormat } from '../../main/imports/read/json';
import {
  JsonSplitter,
  type SplitProblem,
  type SplitRecord,
} from '../../main/imports/read/json-split';

describe('numbers and durations', () => {
  it.each([
    ['87.5', 87.5],
    ['87,5', 87.5],
    ['87%', 87],
    ['2,450', 2450],
    ['1,234,567.5', 1234567.5],
    ['0,125', 0.125],
    ['-3', -3],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('parseNumber(%j) is %d', (text, n) => {
    expect(parseNumber(text)).toBe(n);
  });

  it.each(['', 'abc', '12abc', '0x10', 'Infinity', '1,2,3', '--1'])(
    'parseNumber(%j) is null',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  it.each([
    ['45', 45],
    ['1:20', 80],
    ['01:20:00', 80],
    ['0:00:30', 0.5],
    ['95:30', 95.5], // past 24 "hours", so minutes:seconds
    ['1h 20m', 80],
    ['1 hr 5 min', 65],
    ['80 min', 80],
    ['90s', 1.5],
    ['2h', 120],
    ['PT1H20M', 80],
  ])('parseMinutes(%j) is %d', (text, minutes) => {
    expect(parseMinutes(text)).toBeCloseTo(minutes, 9);
  });

  it.each(['lots', '1:75', '-5', 'h', 'P'])('parseMinutes(%j) is null', (text) => {
    expect(parseMinutes(text)).toBeNull();
  });

  it('reads ISO 8601 durations', () => {
    expect(parseIsoDuration('PT20M')).toBe(20);
    expect(parseIsoDuration('PT1H5M30S')).toBeCloseTo(65.5, 9);
    expect(parseIsoDuration('PT0.5S')).toBeCloseTo(1 / 120, 9);
    expect(parseIsoDuration('P1DT2H')).toBe(1560);
    expect(parseIsoDuration('P1W')).toBe(10080);
    for (const bad of ['P', 'PT', '20M', 'PT20', 'PT-5M', ''])
      expect(parseIsoDuration(bad)).toBeNull();
  });
});

describe('codes and words', () => {
  it('reads attendance codes, words and Ed-Fi descriptors', () => {
    expect(attendanceCategory('A')).toBe('unexcused_absence');
    expect(attendanceCategory('Excused Absence')).toBe('excused_absence');
    expect(attendanceCategory('uri://ed-fi.org/AttendanceEventCategoryDescriptor#Tardy')).toBe(
      'tardy',
    );
    expect(attendanceCategory('Early departure')).toBe('early_departure');
    expect(attendanceCategory('maybe')).toBeNull();
  });

  it.each([
    ['ISS', 'in_school_suspension'],
    ['In-School Suspension', 'in_school_suspension'],
    ['OSS', 'out_of_school_suspension'],
    ['Out of School Suspension - 3 days', 'out_of_school_suspension'],
    ['Suspension', 'out_of_school_suspension'],
    ['Bus suspension', 'none'],
    ['Expelled', 'expulsion'],
    ['Expulsion with services', 'expulsion'],
    ['Office Referral', 'referral'],
    ['ODR', 'referral'],
    ['Saturday School', 'detention'],
    ['After-school detention', 'detention'],
    ['Parent conference', 'none'],
    ['uri://ed-fi.org/DisciplineDescriptor#In School Suspension', 'in_school_suspension'],
  ])('discipline action %j is %s', (text, action) => {
    expect(disciplineAction(text)).toBe(action);
  });

  it('refuses discipline actions it cannot place', () => {
    expect(disciplineAction('Community service')).toBeNull();
    expect(disciplineAction('Alternative placement')).toBeNull();
  });

  it('reads submission statuses', () => {
    expect(submissionStatus('Turned in')).toBe('submitted');
    expect(submissionStatus('graded')).toBe('submitted');
    expect(submissionStatus('Missing')).toBe('missing');
    expect(submissionStatus('not submitted')).toBe('missing');
    expect(submissionStatus('EX')).toBe('excused');
    expect(submissionStatus('Late')).toBe('late');
    expect(submissionStatus('on_time')).toBe('on_time');
    expect(submissionStatus('sort of')).toBeNull();
  });

  it('reads final-grade flags', () => {
    for (const yes of [
      'Y',
      'yes',
      'TRUE',
      '1',
      'Final',
      'Grading Period',
      'uri://ed-fi.org/GradeTypeDescriptor#Final',
    ]) {
      expect(finalFlag(yes), yes).toBe(true);
    }
    for (const no of ['N', 'false', '0', 'progress', 'Progress Report', 'Interim']) {
      expect(finalFlag(no), no).toBe(false);
    }
    expect(finalFlag('maybe')).toBeNull();
    expect(parseYesNo('x')).toBe(true);
  });

  it('matches grading period titles loosely', () => {
    for (const title of ['Quarter 1', 'Q1', '1st Quarter', 'quarter-1'])
      expect(periodKey(title)).toBe('q1');
    expect(periodKey('Semester 2')).toBe(periodKey('S2'));
    expect(periodKey('Fall 2025')).toBe('fall2025');
  });

  it('reads Ed-Fi descriptors and leaves other text alone', () => {
    expect(descriptorValue('uri://ed-fi.org/BehaviorDescriptor#Fighting')).toBe('Fighting');
    expect(descriptorValue('http://example.org/page#anchor')).toBe(
      'http://example.org/page#anchor',
    );
    expect(descriptorValue('Fighting #2')).toBe('Fighting #2');
  });

  it('quotes values on one short line', () => {
    expect(shown('Absent\r\n(illness)')).toBe('Absent (illness)');
    expect(shown('x'.repeat(100))).toHaveLength(78);
  });

  it('forgives case and leading zeros in ids', () => {
    expect(looseKey('000123')).toBe('123');
    expect(looseKey('0')).toBe('0');
    expect(looseKey('STU-001')).toBe('stu-001');
  });
});

describe('xAPI pieces', () => {
  it('classifies verbs', () => {
    expect(verbKind('http://adlnet.gov/expapi/verbs/launched')).toBe('session');
    expect(verbKind('http://adlnet.gov/expapi/verbs/initialized')).toBe('session');
    expect(verbKind('http://adlnet.gov/expapi/verbs/completed')).toBe('submission');
    expect(verbKind('https://w3id.org/xapi/dod-isd/verbs/submitted')).toBe('submission');
    expect(verbKind('http://adlnet.gov/expapi/verbs/answered')).toBe('other');
  });

  it('matches actors by account name and by the local part of an email', () => {
    expect(actorKeys({ account: { homePage: 'https://lms', name: 'stu-001' } })).toEqual([
      'stu-001',
    ]);
    expect(actorKeys({ mbox: 'mailto:1001@students.example.org' })).toEqual([
      '1001@students.example.org',
      '1001',
    ]);
    expect(actorKeys({ mbox_sha1sum: 'abc' })).toEqual([]);
  });

  it('gives a statement without an id a stable id from its content', () => {
    const a = { actor: { mbox: 'mailto:a@b' }, verb: { id: 'v' }, timestamp: 't', stored: 'x' };
    const b = { timestamp: 't', verb: { id: 'v' }, actor: { mbox: 'mailto:a@b' }, stored: 'y' };
    expect(statementId(a)).toBe(statementId(b));
    expect(statementId(a)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(statementId({ ...a, timestamp: 'u' })).not.toBe(statementId(a));
    expect(statementId({ id: 'ABC-1', ...a })).toBe('abc-1');
  });

  it('tells JSON lines from a JSON document by the first line', () => {
    expect(detectJsonFormat('{"id":"1"}\n{"id":"2"}\n')).toBe('lines');
    expect(detectJsonFormat('{"id":"1", "actor": {"na\n{"id":"2"}\n')).toBe('lines'); // first line cut
    expect(detectJsonFormat('[\n  {"id": "1"}\n]')).toBe('document');
    expect(detectJsonFormat('\uFEFF{\n  "statements": []\n}')).toBe('document');
    expect(detectJsonFormat('{"statements": [\n')).toBe('document');
  });

  it('splits a JSON array, an LRS response and a lone object into records with their lines', () => {
    const split = (...chunks: string[]) => {
      const records: SplitRecord[] = [];
      const problems: SplitProblem[] = [];
      const splitter = new JsonSplitter(
        (r) => records.push(r),
        (p) => problems.push(p),
      );
      for (const c of chunks) splitter.push(c);
      splitter.end();
      return { records, problems };
    };
    expect(split('[\n {"a": "x,]}"},\r\n {"b": [1, {"c": 2}]}, 3\n]')).toEqual({
      records: [
        { line: 2, text: '{"a": "x,]}"}' },
        { line: 3, text: '{"b": [1, {"c": 2}]}' },
        { line: 3, text: '3' },
      ],
      problems: [],
    });
    // Chunk boundaries anywhere, an escaped quote, a key named "statements" found by the root.
    const doc = '{"more": "", "statements": [{"id": "a\\"b"}, {"id": "c"}]}';
    for (let cut = 1; cut < doc.length; cut++) {
      expect(split(doc.slice(0, cut), doc.slice(cut)).records.map((r) => r.text)).toEqual([
        '{"id": "a\\"b"}',
        '{"id": "c"}',
      ]);
    }
    expect(split('{\n  "id": "1"\n}\n').records).toEqual([{ line: 1, text: '{\n  "id": "1"\n}' }]);
    const cut = split('[{"id": 1},\n{"id": ');
    expect(cut.records).toHaveLength(1);
    expect(cut.problems).toMatchObject([{ line: 2 }]);
    expect(split('[1] trailing').problems).toMatchObject([{ line: 1 }]);
  });
});
