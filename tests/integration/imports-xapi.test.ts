/**
 * xAPI statements end to end: JSON lines (tests/fixtures/imports/statements.jsonl), a JSON
 * array and an LRS response; statements kept by id, rolled up into lms_activity per student,
 * section and school day; bad lines quarantined by line; re-import and voiding.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { XAPI_SOURCE, statementId, xapiImporter } from '../../main/imports/kinds/xapi';
import { importJsonLinesFile } from '../../main/imports/run-jsonl';
import type { Store } from '../../main/store/open';
import { FIXTURES, SECTIONS, STUDENTS, importStore } from '../fixtures/imports/district';
import {
  fixtureText,
  reasonsByLine,
  totalChanges,
  writeFixture,
} from '../fixtures/imports/helpers';
import { tempDir } from '../helpers';

const t = tempDir('sightline-imports-xapi-');
afterAll(() => t.cleanup());

let store: Store;
beforeEach(async () => {
  store = await importStore(t.dir);
  return () => store.close();
});

const run = (path: string) => importJsonLinesFile(store.sqlite, { path, importer: xapiImporter });
const days = () =>
  store.sqlite
    .prepare(
      `SELECT student_id, section_id, date, sessions, active_minutes, submissions, source_system,
              deleted_at IS NOT NULL AS deleted
       FROM lms_activity ORDER BY student_id, date`,
    )
    .all();

const STATEMENTS = fixtureText('statements.jsonl')
  .split('\n')
  .filter((l) => l.startsWith('{"id"') || l.startsWith('{"actor"'))
  .map((l) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      return null;
    }
  })
  .filter((s): s is Record<string, unknown> => s !== null);

const EXPECTED_DAYS = [
  {
    student_id: STUDENTS.ana,
    section_id: SECTIONS.alg,
    date: '2025-09-03',
    sessions: 1,
    active_minutes: 31, // 20 + 10.5, rounded
    submissions: 1,
    source_system: XAPI_SOURCE,
    deleted: 0,
  },
  {
    // 02:30 UTC on the 4th is the evening of the 3rd in Chicago.
    student_id: STUDENTS.ben,
    section_id: null,
    date: '2025-09-03',
    sessions: 1,
    active_minutes: 5,
    submissions: 0,
    source_system: XAPI_SOURCE,
    deleted: 0,
  },
  {
    student_id: STUDENTS.cara,
    section_id: SECTIONS.eng,
    date: '2025-09-05',
    sessions: 1,
    active_minutes: 0,
    submissions: 1,
    source_system: XAPI_SOURCE,
    deleted: 0,
  },
];

describe('xAPI statements as JSON lines', () => {
  it('keeps each statement, rolls them up per day, and quarantines bad lines by number', async () => {
    const report = await run(`${FIXTURES}/statements.jsonl`);
    expect(report).toMatchObject({
      kind: 'xapi',
      status: 'committed',
      rowsTotal: 14,
      added: 6,
      ignored: 1,
      quarantined: 7,
    });
    const reasons = reasonsByLine(store.sqlite, report.importId);
    expect(Object.keys(reasons).map(Number)).toEqual([7, 9, 10, 11, 12, 13, 15]);
    expect(reasons[7]).toMatch(
      /^Line 7 is not valid JSON \(.+\)\. Each line must hold one complete xAPI statement; fix or remove this line\.$/,
    );
    expect(reasons[9]).toBe(
      'No student matches the actor “stu-999”. Students are matched by SIS ID or student number: the LMS account name, or the part of the email before @, must be one of those.',
    );
    expect(reasons[10]).toBe(
      'The actor is a group; Sightline counts activity per student. Export statements per learner.',
    );
    expect(reasons[11]).toBe('The statement has no timestamp, so its day is unknown.');
    expect(reasons[12]).toBe(
      'The duration “20 minutes” is not an ISO 8601 duration (e.g. PT20M or PT1H5M30S).',
    );
    expect(reasons[13]).toBe(
      'Exact duplicate of an earlier statement in this file (id 0199a000-0000-7000-8000-000000000002); kept once.',
    );
    expect(reasons[15]).toBe(
      'This is not an xAPI statement: expected a JSON object with actor, verb, object and timestamp.',
    );
    expect(days()).toEqual(EXPECTED_DAYS);
    const kept = store.sqlite
      .prepare('SELECT id, verb, minutes, import_id FROM lms_statements ORDER BY id')
      .all() as { id: string; verb: string; minutes: number; import_id: string }[];
    expect(kept).toHaveLength(6);
    expect(kept.every((s) => s.import_id === report.importId)).toBe(true);
    // The statement without an id is kept under a digest of its content.
    const anonymous = STATEMENTS.find((s) => s.id === undefined)!;
    expect(kept.map((s) => s.id)).toContain(statementId(anonymous as never));
    expect(store.sqlite.prepare('SELECT count(*) FROM feature_dirty').pluck().get()).toBe(3);
  });

  it('re-importing the same file changes nothing and writes no data', async () => {
    const path = `${FIXTURES}/statements.jsonl`;
    await run(path);
    const changes = totalChanges(store.sqlite);
    const again = await run(path);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 6, ignored: 1, quarantined: 7 });
    expect(again.summary).toBe('Nothing changed. 6 unchanged, 1 ignored, 7 quarantined.');
    expect(totalChanges(store.sqlite) - changes).toBe(2 + 7);
    expect(days()).toEqual(EXPECTED_DAYS);
  });

  it('a voiding statement takes its target out of the roll-up, and it stays out', async () => {
    const path = `${FIXTURES}/statements.jsonl`;
    await run(path);
    const voiding = writeFixture(
      t.dir,
      'void.jsonl',
      `${JSON.stringify({
        id: '0199a000-0000-7000-8000-0000000000ff',
        actor: { mbox: 'mailto:tran@school.example.org' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
        object: { objectType: 'StatementRef', id: '0199a000-0000-7000-8000-000000000002' },
        timestamp: '2025-09-10T12:00:00Z',
      })}\n`,
    );
    const report = await run(voiding);
    expect(report).toMatchObject({ deleted: 1, quarantined: 0 });
    expect(days()[0]).toMatchObject({ active_minutes: 11, sessions: 1, submissions: 1 });
    expect((await run(voiding)).summary).toBe(
      'Nothing changed: every row was already imported. 1 unchanged.',
    );
    // Importing the original file again does not bring the voided statement back.
    expect((await run(path)).unchanged).toBe(6);
    expect(days()[0]).toMatchObject({ active_minutes: 11 });
  });
});

describe('xAPI statements as one JSON document', () => {
  const good = STATEMENTS.filter(
    (s) => s.timestamp && s.id !== '0199a000-0000-7000-8000-000000000010',
  );

  it("reads a pretty-printed JSON array the same way, with each statement's first line", async () => {
    const text = JSON.stringify(good, null, 2);
    const report = await run(writeFixture(t.dir, 'statements.json', text));
    expect(report).toMatchObject({ added: 6, ignored: 1 });
    expect(days()).toEqual(EXPECTED_DAYS);
    const lines = Object.keys(reasonsByLine(store.sqlite, report.importId)).map(Number);
    // Every quarantined statement is reported on the line of its opening brace.
    const openings = text.split('\n').flatMap((l, i) => (l === '  {' ? [i + 1] : []));
    expect(lines.every((l) => openings.includes(l))).toBe(true);
    expect(lines).toHaveLength(report.quarantined);
  });

  it('reads an LRS response ({"statements": [...], "more": ...})', async () => {
    const text = JSON.stringify({ statements: good, more: '' }, null, 2);
    const report = await run(writeFixture(t.dir, 'lrs.json', text));
    expect(report).toMatchObject({ added: 6, ignored: 1 });
    expect(days()).toEqual(EXPECTED_DAYS);
  });

  it('quarantines a broken element and a file cut short, and keeps the rest', async () => {
    const first = JSON.stringify(good[0]);
    const second = JSON.stringify(good[1]);
    const text = `[\n  ${first},\n  {"id": "x", "actor": },\n  ${second},\n  {"id": "cut", "actor": {"mbox"`;
    const report = await run(writeFixture(t.dir, 'cut.json', text));
    expect(report).toMatchObject({ rowsTotal: 4, added: 2, quarantined: 2 });
    const reasons = reasonsByLine(store.sqlite, report.importId);
    expect(reasons[3]).toMatch(
      /^The statement starting on line 3 is not valid JSON \(.+\)\. Fix or remove it\.$/,
    );
    expect(reasons[5]).toBe(
      'The file ends in the middle of the statement that starts on line 5: it was probably cut short. Export it again.',
    );
  });
});
