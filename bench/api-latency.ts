/**
 * API latency at district scale, measured through the real browser host over loopback HTTP:
 * student list p95 < 50 ms and overview p95 < 100 ms with 50,000 students (issue 2); caseload
 * and section views < 100 ms p95 (issue 5); plus generator time and database size. `npm run bench -- --students 50000`
 */
import { parseArgs } from 'node:util';
import type { Method, Output } from '../main/api/contract';
import { startCore } from '../main/app/start';
import { databasePath } from '../main/store/paths';
import { startWebServer } from '../main/web/server';
import { benchDistrict, fileSize, percentile, report } from './lib';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '200' },
  },
});
const students = Number(values.students);
const runs = Number(values.runs);

const { dataDir, generatedMs } = await benchDistrict(students);
if (generatedMs !== null)
  report(`generate + flags, ${students} students`, generatedMs / 1000, 's', null);
report(`database size, ${students} students`, fileSize(databasePath(dataDir)) / 1e6, 'MB', null);

const core = await startCore({ host: 'web', dataDir, demoStudents: 0, log: () => {} });
const token = 'bench';
const server = await startWebServer({ core, token, staticDir: dataDir });

async function call<M extends Method>(
  method: M,
  input: unknown,
  session?: string,
): Promise<Output<M>> {
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(session ? { 'x-sightline-session': session } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { value: Output<M>; error?: { message: string } };
  if (!res.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

const staff = await core.store.db
  .selectFrom('staff')
  .select(['id', 'role'])
  .where('deleted_at', 'is', null)
  .execute();
const first = (role: string) => staff.find((s) => s.role === role)!.id;
const sessions: Record<string, string> = {};
for (const role of ['district_admin', 'school_admin', 'counselor', 'teacher']) {
  sessions[role] = (await call('auth.signIn', { staffId: first(role) })).sessionId;
}

async function measure(
  label: string,
  anchor: number,
  make: (i: number) => [Method, unknown, string],
) {
  for (let i = 0; i < 10; i++) await call(...make(i)); // warm caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [method, input, session] = make(i);
    const t0 = performance.now();
    await call(method, input, session);
    times.push(performance.now() - t0);
  }
  report(
    `${label} p95 (p50 ${percentile(times, 50).toFixed(1)} ms)`,
    percentile(times, 95),
    'ms',
    anchor,
  );
}

const sorts = ['flag_count', 'name', 'attendance_rate', 'gpa', 'days_absent'] as const;
const flags = [undefined, 'chronic_absence', 'course_failure', undefined, 'low_gpa'];
const list =
  (role: string) =>
  (i: number): [Method, unknown, string] => [
    'students.list',
    {
      sort: sorts[i % sorts.length],
      dir: i % 2 ? 'asc' : 'desc',
      flag: flags[i % flags.length],
      offset: (i % 4) * 50,
      limit: 50,
    },
    sessions[role]!,
  ];
console.log(`\nAPI latency over loopback HTTP, ${students} students, ${runs} calls each`);
await measure('students.list, district admin (all students)', 50, list('district_admin'));
await measure('students.list, school admin', 50, list('school_admin'));
await measure('students.list, teacher', 50, list('teacher'));
await measure('students.list, search by name', 50, (i) => [
  'students.list',
  { search: ['gar', 'smith', 'ann', 'lee'][i % 4] },
  sessions.district_admin!,
]);
await measure('overview.get, district admin', 100, () => [
  'overview.get',
  {},
  sessions.district_admin!,
]);
await measure('overview.get, school admin', 100, () => [
  'overview.get',
  {},
  sessions.school_admin!,
]);
await measure('overview.get, counselor (caseload)', 100, () => [
  'overview.get',
  {},
  sessions.counselor!,
]);
await measure('overview.get, teacher (sections)', 100, () => [
  'overview.get',
  {},
  sessions.teacher!,
]);
const someStudents = await call('students.list', { limit: 50 }, sessions.district_admin);
await measure('students.profile', 50, (i) => [
  'students.profile',
  { studentId: someStudents.rows[i % 50]!.id },
  sessions.district_admin!,
]);

// Issue 5: the counselor's caseload and a teacher's sections under 100 ms p95.
await measure('caseload.get, counselor', 100, () => ['caseload.get', {}, sessions.counselor!]);
await measure('sections.list, teacher', 100, () => ['sections.list', {}, sessions.teacher!]);
const taught = (await call('sections.list', {}, sessions.teacher)).sections;
await measure(`sections.get, teacher (${taught.length} sections in turn)`, 100, (i) => [
  'sections.get',
  { sectionId: taught[i % taught.length]!.id },
  sessions.teacher!,
]);

await server.close();
await core.close();
