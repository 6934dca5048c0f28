/**
 * MTSS interventions through the router, as each role calls them: plan, validate field by
 * field, check in (with private notes), edit with conflict detection, close, reminders and
 * coverage; every write queued in the outbox and audited.
 */
import path from 'node:path';
import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindCore, type Core } from '../../main/app/start';
import { openStore } from '../../main/store/open';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const t = tempDir();
let core: Core;
const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

type Result = Awaited<ReturnType<Core['router']['call']>>;
async function call(method: string, input: unknown, session: string | null): Promise<Result> {
  return core.router.call(method, input, session);
}
async function ok<T = Record<string, unknown>>(
  method: string,
  input: unknown,
  session: string,
): Promise<T> {
  const result = await call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}
async function signIn(staffId: string): Promise<string> {
  return (await ok<{ sessionId: string }>('auth.signIn', { staffId }, null as never)).sessionId;
}

const plan = (overrides: Record<string, unknown> = {}) => ({
  studentId: ids.ana,
  tier: 2,
  type: 'attendance',
  goal: 'Attend at least 95% of school days over the next six weeks.',
  strategies: 'Daily check-in with the counselor; call home after any absence.',
  ownerId: ids.counselor,
  startDate: day(-30),
  endDate: day(12),
  monitoring: 'biweekly',
  ...overrides,
});

interface View {
  id: string;
  status: string;
  nextCheckInDue: string | null;
  overdue: boolean;
  canEdit: boolean;
  updatedAt: number;
  hiddenPrivateNotes: number;
  checkins: { note: string; private: boolean }[];
}

let counselor: string;
let tran: string;
let okafor: string;
let admin: string;
let districtAdmin: string;

describe('interventions', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
    counselor = await signIn(ids.counselor);
    tran = await signIn(ids.tran);
    okafor = await signIn(ids.okafor);
    admin = await signIn(ids.admin);
    districtAdmin = await signIn(ids.districtAdmin);
  });
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  let anaPlan: string;

  it('a counselor plans a Tier 2 intervention; it is queued for the district and audited', async () => {
    const owners = await ok<{ owners: { id: string }[] }>(
      'interventions.owners',
      { studentId: ids.ana },
      counselor,
    );
    // Ana's algebra teacher, her counselor and her school's admin: not Mr Okafor, who does not
    // teach her and could never open the plan, nor another school's admin.
    expect(owners.owners.map((o) => o.id).sort()).toEqual(
      [ids.counselor, ids.tran, ids.admin].sort(),
    );

    anaPlan = (await ok<{ id: string }>('interventions.create', plan(), counselor)).id;
    const { interventions } = await ok<{ interventions: View[] }>(
      'interventions.forStudent',
      { studentId: ids.ana },
      counselor,
    );
    expect(interventions).toHaveLength(1);
    // Biweekly from a start 30 days ago, with no check-in yet: due 16 days ago.
    expect(interventions[0]).toMatchObject({
      id: anaPlan,
      status: 'active',
      nextCheckInDue: day(-16),
      overdue: true,
      canEdit: true,
    });
    const { sqlite } = core.store;
    expect(
      sqlite
        .prepare('SELECT table_name, operation, status FROM outbox WHERE row_id = ?')
        .all(anaPlan),
    ).toEqual([{ table_name: 'interventions', operation: 'insert', status: 'pending' }]);
    expect(
      sqlite
        .prepare(
          "SELECT count(*) FROM audit_log WHERE action = 'intervention.create' AND entity_id = ?",
        )
        .pluck()
        .get(anaPlan),
    ).toBe(1);
  });

  it('refuses bad plans field by field and writes nothing', async () => {
    const { sqlite } = core.store;
    const before = sqlite.prepare('SELECT count(*) FROM interventions').pluck().get();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ goal: '   ' }, 'goal', /Write the goal/],
      [{ startDate: day(0), endDate: day(-7) }, 'endDate', /end date must come after/],
      [{ ownerId: ids.middleAdmin }, 'ownerId', /only they can open the plan/],
      [{ ownerId: ids.okafor }, 'ownerId', /only they can open the plan/],
      [{ ownerId: 'nobody-at-all' }, 'ownerId', /only they can open the plan/],
      [{ startDate: '2026-02-30' }, 'startDate', /does not exist/],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await call('interventions.create', plan(overrides), counselor);
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      const issue = result.error.issues?.find((i) => i.path === field);
      expect(issue?.message, JSON.stringify(result.error)).toMatch(message);
    }
    expect(sqlite.prepare('SELECT count(*) FROM interventions').pluck().get()).toBe(before);
  });

  it('keeps private notes to their author and counselors; teachers run only their own plans', async () => {
    await ok(
      'interventions.checkIn',
      {
        studentId: ids.ana,
        interventionId: anaPlan,
        date: day(-2),
        progress: 'improving',
        note: 'Came every day this week.',
      },
      counselor,
    );
    await ok(
      'interventions.checkIn',
      {
        studentId: ids.ana,
        interventionId: anaPlan,
        date: day(-1),
        progress: 'no_change',
        note: 'Family situation at home; see me before calling.',
        private: true,
      },
      counselor,
    );
    // Ana is in Ms Tran's algebra section: she sees the plan, not the private note.
    const seenByTeacher = (
      await ok<{ interventions: View[] }>('interventions.forStudent', { studentId: ids.ana }, tran)
    ).interventions[0]!;
    expect(seenByTeacher.checkins.map((c) => c.note)).toEqual(['Came every day this week.']);
    expect(seenByTeacher.hiddenPrivateNotes).toBe(1);
    expect(seenByTeacher.canEdit).toBe(false);
    // The schedule counts the hidden check-in too: due 14 days after yesterday.
    expect(seenByTeacher.nextCheckInDue).toBe(day(13));
    const refused = await call(
      'interventions.checkIn',
      {
        studentId: ids.ana,
        interventionId: anaPlan,
        date: day(0),
        progress: 'improving',
        note: 'x',
      },
      tran,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The counselor reads both.
    const seenByCounselor = (
      await ok<{ interventions: View[] }>(
        'interventions.forStudent',
        { studentId: ids.ana },
        counselor,
      )
    ).interventions[0]!;
    expect(seenByCounselor.checkins).toHaveLength(2);
    expect(seenByCounselor.hiddenPrivateNotes).toBe(0);
    // A school admin is neither author nor counselor.
    const seenByAdmin = (
      await ok<{ interventions: View[] }>('interventions.forStudent', { studentId: ids.ana }, admin)
    ).interventions[0]!;
    expect(seenByAdmin.hiddenPrivateNotes).toBe(1);

    // A teacher's own plan for a student in their section is theirs to run.
    const own = await ok<{ id: string }>(
      'interventions.create',
      plan({ studentId: ids.cara, ownerId: ids.tran, type: 'academic', startDate: day(0) }),
      tran,
    );
    const caraPlans = await ok<{ interventions: View[] }>(
      'interventions.forStudent',
      { studentId: ids.cara },
      tran,
    );
    expect(caraPlans.interventions.find((i) => i.id === own.id)?.canEdit).toBe(true);
  });

  it('refuses students and interventions outside the caller’s scope', async () => {
    // Mr Okafor teaches English; Ana is not in it.
    expect(await call('interventions.forStudent', { studentId: ids.ana }, okafor)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Ben is his student, but Ana's plan is not Ben's.
    expect(
      await call(
        'interventions.close',
        { studentId: ids.ben, interventionId: anaPlan, outcome: 'met' },
        okafor,
      ),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // District admins read interventions but plan none on a laptop.
    expect(
      await call('interventions.forStudent', { studentId: ids.ana }, districtAdmin),
    ).toMatchObject({ ok: true });
    expect(await call('interventions.create', plan(), districtAdmin)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses an edit made against an older version, and keeps the newer one', async () => {
    const current = (
      await ok<{ interventions: View[] }>(
        'interventions.forStudent',
        { studentId: ids.ana },
        counselor,
      )
    ).interventions[0]!;
    const edit = {
      ...plan({ goal: 'Attend 97% of days.', tier: 3, monitoring: 'weekly' }),
      interventionId: anaPlan,
      baseUpdatedAt: current.updatedAt,
    };
    await ok('interventions.update', edit, counselor);
    const stale = await call(
      'interventions.update',
      { ...edit, goal: 'An older idea.' },
      counselor,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const { sqlite } = core.store;
    expect(
      sqlite.prepare('SELECT goal, tier FROM interventions WHERE id = ?').get(anaPlan),
    ).toEqual({ goal: 'Attend 97% of days.', tier: 3 });
    expect(
      sqlite
        .prepare("SELECT count(*) FROM outbox WHERE row_id = ? AND operation = 'update'")
        .pluck()
        .get(anaPlan),
    ).toBe(1);
  });

  it('reminds the people who run an intervention of check-ins due', async () => {
    const overdue = await ok<{ interventions: View[] }>(
      'interventions.forStudent',
      { studentId: ids.ben },
      counselor,
    );
    expect(overdue.interventions).toEqual([]);
    const benPlan = (
      await ok<{ id: string }>(
        'interventions.create',
        plan({ studentId: ids.ben, startDate: day(-20), monitoring: 'weekly', tier: 3 }),
        counselor,
      )
    ).id;
    const { due } = await ok<{
      due: { interventionId: string; daysOverdue: number; nextCheckInDue: string }[];
    }>('interventions.due', {}, counselor);
    // Weekly from 20 days ago: due 13 days ago. Ana's plan (weekly now, checked in yesterday)
    // is due in six days, inside the week's window.
    expect(due.map((d) => [d.interventionId, d.daysOverdue])).toEqual([
      [benPlan, 13],
      [anaPlan, 0],
    ]);
    // Ms Tran owns Cara's plan, due in two weeks: not yet a reminder, and Ana's is not hers.
    expect((await ok<{ due: unknown[] }>('interventions.due', {}, tran)).due).toEqual([]);
  });

  it('closes with an outcome, after which the plan takes no check-ins', async () => {
    await ok(
      'interventions.close',
      {
        studentId: ids.ana,
        interventionId: anaPlan,
        outcome: 'met',
        note: 'Attendance back to 97%.',
      },
      counselor,
    );
    const closed = (
      await ok<{ interventions: View[] }>(
        'interventions.forStudent',
        { studentId: ids.ana },
        counselor,
      )
    ).interventions.find((i) => i.id === anaPlan)!;
    expect(closed).toMatchObject({ status: 'closed', nextCheckInDue: null, overdue: false });
    expect(
      await call(
        'interventions.checkIn',
        {
          studentId: ids.ana,
          interventionId: anaPlan,
          date: day(0),
          progress: 'improving',
          note: 'x',
        },
        counselor,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('tells an administrator how many high-risk students have an active intervention', async () => {
    const { sqlite } = core.store;
    // Two high-risk students at the high school: Ben (active plan) and Cara (Ms Tran's plan).
    sqlite.exec(`INSERT INTO model_versions (id, name, kind, status, origin, onnx, onnx_sha256,
        feature_schema_json, training_json, metrics_json, card_json, holdout_key, created_at)
      VALUES ('m1', 'test', 'logistic', 'active', 'shipped', x'00', '', '{}', '{}', '{}', '{}', '', 0)`);
    const risk = sqlite.prepare(
      `INSERT INTO student_risk (student_id, model_version_id, week_start, score, tier,
         factors_json, data_as_of, computed_at)
       VALUES (?, 'm1', '2025-09-22', ?, ?, '[]', '2025-09-26', 0)`,
    );
    risk.run(ids.ben, 0.9, 'high');
    risk.run(ids.cara, 0.8, 'high');
    risk.run(ids.ana, 0.1, 'low');
    const coverage = await ok<{
      highRiskStudents: number;
      highRiskWithActive: number;
      activeInterventions: number;
      byOutcome: { outcome: string; count: number }[];
      byType: { type: string; active: number; closed: number }[];
    }>('interventions.coverage', { schoolId: ids.middle }, admin);
    // A school admin always gets their own school, whatever id they pass.
    expect(coverage).toMatchObject({
      highRiskStudents: 2,
      highRiskWithActive: 2,
      activeInterventions: 2,
    });
    expect(coverage.byOutcome.find((o) => o.outcome === 'met')?.count).toBe(1);
    expect(coverage.byType.find((o) => o.type === 'attendance')).toEqual({
      type: 'attendance',
      active: 1,
      closed: 1,
    });
    expect(await call('interventions.coverage', {}, counselor)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
