/**
 * The student list's window onto the server: the address keeps filters and sort (old addresses
 * with `page=` still open), rows are fetched in blocks as they come into view, at most two at a
 * time and only where the list is looked at, cached per query, refreshed when the data changes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input, StudentListPage, StudentListRow } from '../../renderer/src/api/types';

interface Call {
  input: Input<'students.list'>;
  resolve: (page: StudentListPage) => void;
  reject: (error: Error) => void;
}
const calls: Call[] = [];

vi.mock('../../renderer/src/stores/request', () => ({
  request: (_method: string, input: Input<'students.list'>) =>
    new Promise<StudentListPage>((resolve, reject) => calls.push({ input, resolve, reject })),
  toApiError: (error: Error) => ({ code: 'internal', message: error.message }),
}));

const { hrefFor, parseHash, DEFAULT_STUDENT_QUERY } =
  await import('../../renderer/src/stores/routes');
const store = await import('../../renderer/src/stores/studentListStore');
const { resetAllStores } = await import('../../renderer/src/stores/resettable');
const { STUDENT_BLOCK_SIZE: B } = store;

const TOTAL = 50_000;

function row(index: number, tag = ''): StudentListRow {
  return {
    id: `s${index}${tag}`,
    studentNumber: String(100000 + index),
    givenName: 'Given',
    familyName: `Family${index}${tag}`,
    gradeLevel: 9,
    schoolName: 'School',
    attendanceRate: 0.95,
    daysAbsent: 1,
    gpa: 3,
    failingSections: 0,
    incidentDays: 0,
    suspensions: 0,
    attendanceTier: 'on_track',
    flags: [],
    riskScore: null,
    riskTier: null,
    overrideTier: null,
  };
}

/** Answers the pending call for `offset` as the server would. */
async function answer(offset: number, tag = '', total = TOTAL): Promise<void> {
  const at = calls.findIndex((c) => c.input.offset === offset);
  expect(at, `a call for offset ${offset}`).toBeGreaterThanOrEqual(0);
  const [call] = calls.splice(at, 1);
  const limit = call!.input.limit ?? 100;
  call!.resolve({
    total,
    offset,
    dataAsOf: '2025-10-01',
    rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
      row(offset + i, tag),
    ),
  });
  await new Promise((r) => setTimeout(r, 0));
}

const pendingOffsets = () => calls.map((c) => c.input.offset).sort((a, b) => a! - b!);
const args = { query: DEFAULT_STUDENT_QUERY, schoolId: null };
const listOf = (a = args) => store.studentListStore.getState().lists[store.studentListKey(a)]!;

describe('student list addresses', () => {
  it('opens an old address with page= and writes addresses without it', () => {
    const route = parseHash('#/students?flag=chronic_absence&page=3&sort=name&dir=asc');
    expect(route).toEqual({
      name: 'students',
      query: { ...DEFAULT_STUDENT_QUERY, flag: 'chronic_absence', sort: 'name', dir: 'asc' },
    });
    expect(hrefFor(route!)).toBe('#/students?flag=chronic_absence&sort=name&dir=asc');
    expect(parseHash('#/students?page=abc')).toEqual({
      name: 'students',
      query: DEFAULT_STUDENT_QUERY,
    });
  });
});

describe('student list blocks', () => {
  beforeEach(() => {
    store.stopShowingStudents();
    for (const call of calls.splice(0)) call.reject(new Error('test over'));
    resetAllStores();
  });

  it('maps rows to blocks and puts the API input together', () => {
    expect(store.blocksFor(0, 0)).toEqual([0]);
    expect(store.blocksFor(B - 1, B)).toEqual([0, 1]);
    expect(store.blocksFor(10_000, 10_030)).toEqual([50]);
    expect(store.blocksFor(5, 4)).toEqual([]);
    expect(
      store.studentBlockInput(
        { query: { ...DEFAULT_STUDENT_QUERY, grade: 9, search: 'ann' }, schoolId: 'x' },
        3,
      ),
    ).toEqual({
      grade: 9,
      search: 'ann',
      schoolId: 'x',
      sort: 'flag_count',
      dir: 'desc',
      offset: 3 * B,
      limit: B,
    });
  });

  it('asks for the first block, then only the blocks in view, two at a time', async () => {
    store.showStudentRows(args, 0, 30);
    expect(pendingOffsets()).toEqual([0]);
    await answer(0);
    expect(listOf().total).toBe(TOTAL);
    expect(store.rowAt(listOf(), 5)?.familyName).toBe('Family5');
    expect(store.rowAt(listOf(), B + 5)).toBeNull();

    // A fast scroll: every stop asks for its own rows; blocks passed on the way are not fetched
    // once the view has moved on.
    store.showStudentRows(args, 4_000, 4_030);
    store.showStudentRows(args, 12_000, 12_030);
    store.showStudentRows(args, 30_000, 30_030);
    store.showStudentRows(args, 40_000, 40_030);
    expect(pendingOffsets()).toEqual([4_000, 12_000]);
    await answer(4_000);
    await answer(12_000);
    // Where the view is now, and a little ahead of it.
    expect(pendingOffsets()).toEqual([40_000]);
    await answer(40_000);
    expect(store.rowAt(listOf(), 40_010)?.familyName).toBe('Family40010');
    expect(store.rowAt(listOf(), 30_010)).toBeNull();
    expect(store.blocksPending(listOf(), [200])).toBe(false);
    expect(store.blocksPending(listOf(), [150])).toBe(true);
  });

  it('prefetches the next block in the direction of the scroll, and not past the end', async () => {
    store.showStudentRows(args, 0, 0);
    await answer(0);
    store.showStudentRows(args, 150, 180);
    expect(pendingOffsets()).toEqual([B]);
    await answer(B);
    store.showStudentRows(args, TOTAL - 30, TOTAL - 1);
    expect(pendingOffsets()).toEqual([TOTAL - B]);
    await answer(TOTAL - B);
    // Scrolling up, the block above is fetched ahead instead.
    store.showStudentRows(args, TOTAL - 150, TOTAL - 120);
    expect(pendingOffsets()).toEqual([TOTAL - 2 * B]);
  });

  it('keeps a list per query and starts a new sort from its own first block', async () => {
    store.showStudentRows(args, 0, 0);
    await answer(0);
    const byName = { query: { ...DEFAULT_STUDENT_QUERY, sort: 'name' as const }, schoolId: null };
    store.showStudentRows(byName, 0, 30);
    expect(calls.map((c) => [c.input.sort, c.input.offset])).toEqual([['name', 0]]);
    await answer(0, 'n', 1_234);
    expect(listOf(byName).total).toBe(1_234);
    // Back to the first order: still there, nothing asked again.
    store.showStudentRows(args, 0, 30);
    expect(calls).toEqual([]);
    expect(listOf().total).toBe(TOTAL);
  });

  it('refreshes the rows in view when the data changes, showing the old ones meanwhile', async () => {
    store.showStudentRows(args, 0, 0);
    await answer(0);
    store.studentList.invalidate();
    expect(pendingOffsets()).toEqual([0]);
    expect(store.rowAt(listOf(), 3)?.familyName).toBe('Family3');
    expect(store.blocksPending(listOf(), [0])).toBe(true);
    await answer(0, 'new');
    expect(store.rowAt(listOf(), 3)?.familyName).toBe('Family3new');
    // Off screen, nothing is fetched until the list is shown again.
    store.stopShowingStudents();
    store.studentList.invalidate();
    expect(calls).toEqual([]);
    store.showStudentRows(args, 0, 30);
    expect(pendingOffsets()).toEqual([0]);
  });

  it('says when the first block fails, and Retry asks again', async () => {
    store.showStudentRows(args, 0, 0);
    calls.shift()!.reject(new Error('down'));
    await new Promise((r) => setTimeout(r, 0));
    expect(listOf().error?.message).toBe('down');
    expect(calls).toEqual([]);
    store.retryStudentList(args);
    expect(pendingOffsets()).toEqual([0]);
    await answer(0);
    expect(listOf().error).toBeNull();
  });

  it('drops answers that arrive after sign-out', async () => {
    store.showStudentRows(args, 0, 0);
    const call = calls.shift()!;
    resetAllStores();
    call.resolve({ total: 5, offset: 0, dataAsOf: null, rows: [row(0)] });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.studentListStore.getState().lists).toEqual({});
  });
});
