/**
 * A district whose exports carry no school calendar (OneRoster has none): after an import, each
 * such school's instructional days are inferred from its attendance, its students are marked for
 * the pipeline, and their weekly attendance rates exist. A school with its own calendar is left
 * alone, and importing again adds nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindCore, type Core } from '../../main/app/start';
import type { ImportJobResult } from '../../main/imports/job';
import { openStore } from '../../main/store/open';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const t = tempDir('sightline-calendar-');
let core: Core;

describe('school days inferred where no calendar is on record', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    // The high school's calendar never arrived; the middle school keeps its own.
    store.sqlite.prepare('DELETE FROM calendar_days WHERE school_id = ?').run(ids.high);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
  });
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('infers the days from attendance, marks the school, and the features follow', async () => {
    const { sqlite } = core.store;
    const middleBefore = sqlite
      .prepare('SELECT count(*) FROM calendar_days WHERE school_id = ?')
      .pluck()
      .get(ids.middle);
    const csv = path.join(t.dir, 'attendance.csv');
    fs.writeFileSync(
      csv,
      [
        'Student Number,Date,Code',
        'ANA,2025-09-08,A',
        'BEN,2025-09-09,T',
        'CARA,2025-09-10,A',
        'ANA,2025-09-13,A', // a Saturday: never a school day
      ].join('\n'),
    );
    const file = { path: csv, name: 'attendance.csv', kind: 'attendance' as const };
    const job = await core.jobs.wait(core.jobs.start('import', { files: [file] }));
    expect(job.status, job.error ?? '').toBe('succeeded');
    const result = job.result as ImportJobResult;

    const expected = sqlite
      .prepare(
        `SELECT DISTINCT a.date FROM attendance_events a JOIN students s ON s.id = a.student_id
         WHERE s.school_id = ? AND strftime('%w', a.date) NOT IN ('0', '6') ORDER BY a.date`,
      )
      .pluck()
      .all(ids.high);
    const inferred = sqlite
      .prepare(
        "SELECT date FROM calendar_days WHERE school_id = ? AND source_system = 'derived' ORDER BY date",
      )
      .pluck()
      .all(ids.high);
    expect(inferred).toEqual(expected);
    expect(inferred).toContain('2025-09-09');
    expect(inferred).not.toContain('2025-09-13');
    expect(result.inferredSchoolDays).toBe(expected.length);
    expect(
      sqlite
        .prepare('SELECT count(*) FROM calendar_days WHERE school_id = ?')
        .pluck()
        .get(ids.middle),
    ).toBe(middleBefore);

    // The pipeline ran after the import: Ana's week of 2025-09-08 has an attendance rate.
    const week = sqlite
      .prepare(
        "SELECT days_enrolled_week, attendance_rate_week FROM student_features WHERE student_id = ? AND week_start = '2025-09-08'",
      )
      .get(ids.ana) as { days_enrolled_week: number; attendance_rate_week: number | null };
    expect(week.days_enrolled_week).toBeGreaterThan(0);
    expect(week.attendance_rate_week).not.toBeNull();

    const again = await core.jobs.wait(core.jobs.start('import', { files: [file] }));
    expect((again.result as ImportJobResult).inferredSchoolDays).toBe(0);
  });
});
