/**
 * The browser host over real HTTP on loopback, backed by a real SQLite file holding the
 * hand-made tiny district: errors are typed and never crash the host; role scope is enforced
 * at the router; profile views and refusals leave audit rows.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Method, Output } from '../../main/api/contract';
import { startCore, type Core } from '../../main/app/start';
import { refreshIndicators } from '../../main/indicators/refresh';
import { openStore } from '../../main/store/open';
import { startWebServer, type WebServer } from '../../main/web/server';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';
import { wordMessage } from '../../main/i18n/messages';

const TOKEN = 'test-token-123';

describe('browser host', () => {
  const t = tempDir();
  let core: Core;
  let server: WebServer;

  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    await refreshIndicators(store);
    await store.close();
    core = await startCore({ host: 'web', dataDir: t.dir, demoStudents: 0, log: () => {} });
    server = await startWebServer({ core, token: TOKEN, staticDir: path.join(t.dir, 'no-ui') });
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    t.cleanup();
  });

  async function post<M extends Method>(
    method: M,
    input: unknown,
    opts: { session?: string; token?: string; raw?: string } = {},
  ) {
    const res = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${opts.token ?? TOKEN}`,
        ...(opts.session ? { 'x-sightline-session': opts.session } : {}),
      },
      body: opts.raw ?? JSON.stringify(input),
    });
    return {
      status: res.status,
      body: (await res.json()) as { value: Output<M>; error?: ApiErrorBody },
    };
  }

  async function signIn(staffId: string): Promise<string> {
    const { status, body } = await post('auth.signIn', { staffId });
    expect(status).toBe(200);
    return body.value.sessionId;
  }

  it('binds to loopback only and answers health checks', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${server.url}healthz`);
    expect(res.status).toBe(200);
  });

  it('refuses calls without the per-run token', async () => {
    const { status, body } = await post('system.info', {}, { token: 'wrong' });
    expect(status).toBe(401);
    expect(body.error?.code).toBe('unauthenticated');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}healthz`,
        { headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('answers an unknown method, malformed JSON and invalid input with typed errors, and keeps running', async () => {
    const unknown = await post('students.delete' as Method, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_method' });
    expect(unknown.body.error?.message).toContain('students.delete');

    const badJson = await post('system.info', null, { raw: '{"oops' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error?.code).toBe('invalid_input');

    const session = await signIn(ids.admin);
    const invalid = await post('students.list', { limit: 'lots', sort: 'shoe_size' }, { session });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.code).toBe('invalid_input');
    expect(invalid.body.error?.message).toMatch(/limit/);
    expect(invalid.body.error?.message).toMatch(/sort/);

    const extra = await post('students.profile', { studentId: ids.ana, sneaky: true }, { session });
    expect(extra.body.error?.code).toBe('invalid_input');

    const info = await post('system.info', {});
    expect(info.status).toBe(200);
    expect(info.body.value).toMatchObject({
      host: 'web',
      districtName: 'Tiny District',
      studentCount: 4,
    });
  });

  it('requires signing in for student data', async () => {
    const { status, body } = await post('students.list', {});
    expect(status).toBe(401);
    expect(body.error?.code).toBe('unauthenticated');
    expect(body.value).toBeUndefined();
  });

  it('shows a teacher only the students in their own sections', async () => {
    const session = await signIn(ids.tran);
    const { body } = await post('students.list', { sort: 'name', dir: 'asc' }, { session });
    expect(body.value.total).toBe(2);
    expect(body.value.rows.map((r: { givenName: string }) => r.givenName)).toEqual(['Ana', 'Cara']);
  });

  it('refuses a teacher a student outside their sections: an error, no data, and an audit row', async () => {
    const session = await signIn(ids.tran);
    const { status, body } = await post('students.profile', { studentId: ids.ben }, { session });
    expect(status).toBe(403);
    expect(body.error?.code).toBe('forbidden');
    expect(body.error?.message).toMatch(/your own sections/);
    expect(body.value).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('Ben');

    // A made-up id gets the same answer, so ids cannot be probed.
    const probe = await post(
      'students.profile',
      { studentId: '01900000-0000-7000-8000-999999999999' },
      { session },
    );
    expect(probe.status).toBe(403);

    const denied = await core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'student.access.denied')
      .where('entity_id', '=', ids.ben)
      .execute();
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      actor_staff_id: ids.tran,
      actor_role: 'teacher',
      student_id: ids.ben,
    });
  });

  it('opens a profile in scope, with explained flags, and audits the view', async () => {
    const session = await signIn(ids.tran);
    const { status, body } = await post('students.profile', { studentId: ids.ana }, { session });
    expect(status).toBe(200);
    const profile = body.value;
    expect(profile.student.givenName).toBe('Ana');
    expect(profile.indicators?.daysAbsent).toBe(2);
    const chronic = profile.flags.find((f: { key: string }) => f.key === 'chronic_absence');
    expect(chronic).toMatchObject({ raised: true, applies: true });
    expect(wordMessage(chronic!.explanation)).toContain('Absent 2 of 20 days enrolled (10.0%)');
    expect(wordMessage(chronic!.explanation, 'es')).toContain(
      'Ausente 2 de 20 días de matrícula (10.0%)',
    );
    expect(profile.attendanceCalendar).toHaveLength(20);
    expect(profile.attendanceCalendar.find((d) => d.date === '2025-09-10')?.status).toBe(
      'unexcused_absence',
    );
    expect(profile.grades[0]).toMatchObject({ courseTitle: 'Algebra I', teacherName: 'Linh Tran' });

    const views = await core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'student.profile.view')
      .where('student_id', '=', ids.ana)
      .execute();
    expect(views.length).toBeGreaterThanOrEqual(1);
    expect(views.at(-1)).toMatchObject({ actor_staff_id: ids.tran, entity_type: 'student' });
  });

  it('scopes a counselor to the caseload and a school admin to the school', async () => {
    const counselor = await signIn(ids.counselor);
    const caseload = await post(
      'students.list',
      { sort: 'name', dir: 'asc' },
      { session: counselor },
    );
    expect(caseload.body.value.rows.map((r: { givenName: string }) => r.givenName)).toEqual([
      'Ana',
      'Ben',
    ]);
    const cara = await post('students.profile', { studentId: ids.cara }, { session: counselor });
    expect(cara.body.error?.code).toBe('forbidden');

    const admin = await signIn(ids.admin);
    const school = await post('students.list', {}, { session: admin });
    expect(school.body.value.total).toBe(3);
    const dev = await post('students.profile', { studentId: ids.dev }, { session: admin });
    expect(dev.body.error?.code).toBe('forbidden');
    const otherSchool = await post('overview.get', { schoolId: ids.middle }, { session: admin });
    expect(otherSchool.body.error?.code).toBe('forbidden');

    const district = await signIn(ids.districtAdmin);
    const all = await post('students.list', {}, { session: district });
    expect(all.body.value.total).toBe(4);
  });

  it('filters and sorts the list in SQL', async () => {
    const session = await signIn(ids.admin);
    const chronic = await post('students.list', { flag: 'chronic_absence' }, { session });
    expect(chronic.body.value.rows.map((r: { givenName: string }) => r.givenName)).toEqual(['Ana']);
    const byGpa = await post('students.list', { sort: 'gpa', dir: 'asc' }, { session });
    expect(byGpa.body.value.rows.map((r) => r.gpa)).toEqual([0, 1.5, 3]);
    const search = await post('students.list', { search: 'cara' }, { session });
    // LIKE wildcards typed by a person are matched literally.
    expect((await post('students.list', { search: '%' }, { session })).body.value.total).toBe(0);
    expect((await post('students.list', { search: 'a_a' }, { session })).body.value.total).toBe(0);
    const chronicCount = await post(
      'students.list',
      { flag: 'chronic_absence', limit: 1 },
      { session },
    );
    expect(chronicCount.body.value).toMatchObject({ total: 1, dataAsOf: '2025-09-26' });
    expect(search.body.value.total).toBe(1);
    const grade9 = await post('students.list', { grade: 9, limit: 1 }, { session });
    expect(grade9.body.value.total).toBe(2);
    expect(grade9.body.value.rows).toHaveLength(1);
  });

  it('builds the overview for the scope, with the weekly trend', async () => {
    const admin = await signIn(ids.admin);
    const { body } = await post('overview.get', {}, { session: admin });
    const o = body.value;
    expect(o.scope).toEqual({ kind: 'school', label: 'Tiny High', name: 'Tiny High' });
    expect(o.enrollment).toBe(3);
    expect(o.chronicAbsenceCount).toBe(1);
    expect(o.studentsWithAnyFlag).toBe(3);
    expect(o.attendanceRate).toBeCloseTo(57 / 60, 10);
    expect(o.attendanceTrend).toHaveLength(4);
    expect(o.attendanceTrend[0]?.rate).toBeCloseTo(14 / 15, 10);

    // A teacher's trend is computed on the fly with the same counting rules.
    const teacher = await signIn(ids.tran);
    const mine = await post('overview.get', {}, { session: teacher });
    expect(mine.body.value.scope.kind).toBe('sections');
    expect(mine.body.value.enrollment).toBe(2);
    expect(mine.body.value.attendanceTrend.map((w) => w.rate)).toEqual([0.9, 0.9, 1, 1]);
  });

  it('keeps a district admin to their own district, and labels district and school views', async () => {
    const session = await signIn(ids.districtAdmin);
    const all = await post('overview.get', {}, { session });
    expect(all.body.value.scope).toEqual({ kind: 'district', label: 'All schools', name: null });
    expect(all.body.value.enrollment).toBe(4);
    const high = await post('overview.get', { schoolId: ids.high }, { session });
    expect(high.body.value.scope).toEqual({
      kind: 'school',
      label: 'Tiny High',
      name: 'Tiny High',
    });
    expect(high.body.value.enrollment).toBe(3);

    const otherDistrict = '01900000-0000-7000-8000-0000000000d2';
    const otherSchool = '01900000-0000-7000-8000-0000000000e2';
    const row = {
      source_system: 'fixture',
      source_id: null,
      created_at: 0,
      updated_at: 0,
      deleted_at: null,
    };
    await core.store.db
      .insertInto('districts')
      .values({
        ...row,
        id: otherDistrict,
        district_id: otherDistrict,
        school_id: null,
        name: 'Elsewhere',
        timezone: 'UTC',
      })
      .execute();
    await core.store.db
      .insertInto('schools')
      .values({
        ...row,
        id: otherSchool,
        district_id: otherDistrict,
        school_id: otherSchool,
        name: 'Elsewhere High',
        school_type: 'high',
        grade_low: 9,
        grade_high: 12,
      })
      .execute();
    const foreign = await post('overview.get', { schoolId: otherSchool }, { session });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.message).toMatch(/not in your district/);
    const foreignList = await post('students.list', { schoolId: otherSchool }, { session });
    expect(foreignList.body.value.total).toBe(0);
  });

  it('survives a static file that cannot be read', async () => {
    const staticDir = path.join(t.dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    const socket = net.createServer().listen(path.join(staticDir, 'app.js')); // opening it fails
    await new Promise((r) => socket.once('listening', r));
    const other = await startWebServer({ core, token: TOKEN, staticDir });
    await fetch(`${other.url}app.js`)
      .then((r) => r.text())
      .catch(() => 'connection closed');
    expect((await fetch(`${other.url}healthz`)).status).toBe(200);
    expect(await (await fetch(`${other.url}`)).text()).toContain('<title>x</title>');
    await other.close();
    socket.close();
  });
});
