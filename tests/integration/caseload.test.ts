/**
 * "My caseload" through the router: a counselor's students with flags, risk and plans; what is
 * new since the data they last saw (kept across reloads until marked seen or newer data comes);
 * and the scope rule that only counselors have a caseload.
 */
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadView } from '../../main/api/contract';
import { bindCore, type Core } from '../../main/app/start';
import { runPipeline } from '../../main/pipeline/run';
import { openStore } from '../../main/store/open';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const t = tempDir();
let core: Core;
let sqlite: SQLite.Database;

async function as<T>(staffId: string, method: string, input: unknown = {}): Promise<T> {
  const signIn = await core.router.call('auth.signIn', { staffId }, null);
  if (!signIn.ok) throw new Error(signIn.error.message);
  const result = await core.router.call(
    method,
    input,
    (signIn.value as { sessionId: string }).sessionId,
  );
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

const rowOf = (view: CaseloadView, studentId: string) => {
  const row = view.rows.find((r) => r.studentId === studentId);
  if (!row) throw new Error(`${studentId} is not on the caseload`);
  return row;
};

describe('caseload', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    await runPipeline(store, { mode: 'backfill', trigger: 'manual' });
    sqlite = store.sqlite;
    // The data the counselor will have "seen" before: Ana already chronically absent, Ben not
    // yet failing (his GPA flag as it is now), in every week up to the last one.
    sqlite.exec(`UPDATE student_features SET flag_low_gpa =
                   (SELECT flag_low_gpa FROM student_indicators WHERE student_id = '${ids.ben}')
                 WHERE student_id = '${ids.ben}'`);
    sqlite.exec(`UPDATE student_features SET flag_chronic_absence = 1
                 WHERE student_id = '${ids.ana}'`);
    sqlite.exec(`UPDATE student_features SET flag_course_failure = 0
                 WHERE student_id = '${ids.ben}' AND week_start < '2025-09-22'`);
    // Scores from one model: Ben rose from low to high since the week before; Ana stays moderate.
    sqlite.exec(`INSERT INTO model_versions (id, name, kind, status, origin, onnx, onnx_sha256,
        feature_schema_json, training_json, metrics_json, card_json, holdout_key, created_at)
      VALUES ('m1', 'test', 'logistic', 'active', 'shipped', x'00', '', '{}', '{}', '{}', '{}', '', 0)`);
    const prediction = sqlite.prepare(
      `INSERT INTO predictions (model_version_id, student_id, week_start, score, tier, factors_json,
         data_as_of, run_id, computed_at) VALUES ('m1', ?, ?, ?, ?, '[]', ?, 'r1', 0)`,
    );
    prediction.run(ids.ben, '2025-09-15', 0.1, 'low', '2025-09-19');
    prediction.run(ids.ben, '2025-09-22', 0.8, 'high', '2025-09-26');
    prediction.run(ids.ana, '2025-09-15', 0.4, 'moderate', '2025-09-19');
    prediction.run(ids.ana, '2025-09-22', 0.45, 'moderate', '2025-09-26');
    const risk = sqlite.prepare(
      `INSERT INTO student_risk (student_id, model_version_id, week_start, score, tier,
         previous_score, previous_tier, factors_json, data_as_of, computed_at)
       VALUES (?, 'm1', '2025-09-22', ?, ?, ?, ?, '[]', '2025-09-26', 0)`,
    );
    risk.run(ids.ben, 0.8, 'high', 0.1, 'low');
    risk.run(ids.ana, 0.45, 'moderate', 0.4, 'moderate');
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('lists the counselor’s students with flags, risk, change and what is new this week', async () => {
    const view = await as<CaseloadView>(ids.counselor, 'caseload.get');
    expect(view.dataAsOf).toBe('2025-09-26');
    // A first visit compares with the data of a week before.
    expect(view.comparedWith).toBe('2025-09-19');
    expect(view.lastVisitAt).toBeNull();
    expect(view.rows.map((r) => r.studentId).sort()).toEqual([ids.ana, ids.ben].sort());

    const ben = rowOf(view, ids.ben);
    expect(ben.flags).toContain('course_failure');
    expect(ben.newFlags).toEqual(['course_failure']);
    expect(ben).toMatchObject({ riskTier: 'high', tierBefore: 'low', tierRaised: true });
    expect(ben.scoreChange).toBeCloseTo(0.7, 10);

    const ana = rowOf(view, ids.ana);
    expect(ana.flags).toContain('chronic_absence');
    expect(ana.newFlags).toEqual([]);
    expect(ana).toMatchObject({ riskTier: 'moderate', tierRaised: false, activeInterventions: 0 });
  });

  it('keeps new flags marked across visits until marked seen, then until newer data', async () => {
    const again = await as<CaseloadView>(ids.counselor, 'caseload.get');
    expect(again.comparedWith).toBe('2025-09-19');
    expect(again.lastVisitAt).toEqual(expect.any(Number));
    expect(rowOf(again, ids.ben).newFlags).toEqual(['course_failure']);

    await as(ids.counselor, 'caseload.markSeen', { dataAsOf: '2025-09-26' });
    const seen = await as<CaseloadView>(ids.counselor, 'caseload.get');
    expect(seen.comparedWith).toBe('2025-09-26');
    expect(seen.rows.flatMap((r) => r.newFlags)).toEqual([]);
    expect(seen.rows.some((r) => r.tierRaised)).toBe(false);

    // Newer data raises Ana's GPA flag: new against what the counselor was shown on Sep 26,
    // even though the pipeline rewrote every weekly snapshot with the flag up meanwhile.
    sqlite.exec(`UPDATE student_indicators SET as_of = '2025-10-03'`);
    sqlite.exec(`UPDATE student_indicators SET flag_low_gpa = 1 WHERE student_id = '${ids.ana}'`);
    sqlite.exec(`UPDATE student_features SET flag_low_gpa = 1 WHERE student_id = '${ids.ana}'`);
    const newer = await as<CaseloadView>(ids.counselor, 'caseload.get');
    expect(newer).toMatchObject({ dataAsOf: '2025-10-03', comparedWith: '2025-09-26' });
    expect(rowOf(newer, ids.ana).newFlags).toEqual(['low_gpa']);
    expect(rowOf(newer, ids.ben).newFlags).toEqual([]);
    // A window still showing the Sep 26 list cannot mark the newer data seen unseen.
    await expect(
      as(ids.counselor, 'caseload.markSeen', { dataAsOf: '2025-09-26' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(rowOf(await as<CaseloadView>(ids.counselor, 'caseload.get'), ids.ana).newFlags).toEqual([
      'low_gpa',
    ]);
  });

  it('shows active plans and the next check-in', async () => {
    await as(ids.counselor, 'interventions.create', {
      studentId: ids.ana,
      tier: 2,
      type: 'attendance',
      goal: 'Attend at least 95% of school days for six weeks.',
      strategies: 'Morning check-in.',
      ownerId: ids.counselor,
      startDate: '2025-09-29',
      endDate: '2025-11-10',
      monitoring: 'weekly',
    });
    const view = await as<CaseloadView>(ids.counselor, 'caseload.get');
    expect(rowOf(view, ids.ana)).toMatchObject({
      activeInterventions: 1,
      nextCheckIn: '2025-10-06',
    });
  });

  it('is for counselors only, and each counselor sees only their own', async () => {
    for (const staffId of [ids.tran, ids.admin, ids.districtAdmin]) {
      await expect(as(staffId, 'caseload.get')).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(as(ids.tran, 'caseload.markSeen', { dataAsOf: null })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
