/**
 * The student list as a window onto the server's sorted, filtered list. The server sorts,
 * filters and counts (`students.list`); the table's scroll height stands for every matching
 * student, and rows are fetched by offset in blocks of STUDENT_BLOCK_SIZE as they come into view.
 *
 * Blocks are cached per query (filters + sort + school), for the last few queries, so going back
 * to a list or re-sorting to an earlier order shows it at once. Only the blocks on screen are
 * asked for, at most MAX_IN_FLIGHT at a time, nearest-first: a fast scroll past ten thousand rows
 * asks for where it stops, not for everything it passed.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ApiError } from '../../../main/api/contract';
import type { Input, IsoDate, StudentListRow } from '../api/types';
import { request, toApiError } from './request';
import { createResettableStore } from './resettable';
import { saveFile } from './saveFile';
import { DEFAULT_STUDENT_QUERY, type StudentQuery } from './routes';

export const STUDENT_BLOCK_SIZE = 200;
const MAX_IN_FLIGHT = 2;
const MAX_CACHED_LISTS = 4;

export interface StudentListArgs {
  query: StudentQuery;
  schoolId: string | null;
}

/** The filters and sort of a list, as the API takes them (the list's blocks add offset/limit). */
export function studentListFilters({
  query,
  schoolId,
}: StudentListArgs): Input<'students.exportCsv'> {
  return {
    ...(query.search ? { search: query.search } : {}),
    ...(query.grade !== null ? { grade: query.grade } : {}),
    ...(query.flag ? { flag: query.flag } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(schoolId ? { schoolId } : {}),
    sort: query.sort,
    dir: query.dir,
  };
}

/** Which cached list a query uses. */
export function studentListKey(args: StudentListArgs): string {
  return JSON.stringify(studentListFilters(args));
}

/** The API input for one block of the list. */
export function studentBlockInput(args: StudentListArgs, block: number): Input<'students.list'> {
  return {
    ...studentListFilters(args),
    offset: block * STUDENT_BLOCK_SIZE,
    limit: STUDENT_BLOCK_SIZE,
  };
}

/** The blocks holding rows `first`…`last` (inclusive), in the order to fetch them. */
export function blocksFor(first: number, last: number): number[] {
  if (last < first) return [];
  const from = Math.floor(Math.max(0, first) / STUDENT_BLOCK_SIZE);
  const to = Math.floor(Math.max(0, last) / STUDENT_BLOCK_SIZE);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * A fetched block. (One being fetched is simply not here yet, or here and stale: fetches are
 * tracked outside the store, so starting one re-renders nothing.)
 */
export type StudentBlock =
  /** `stale`: the data changed since (an import, a risk override); fetched again when in view. */
  | { status: 'ready'; rows: StudentListRow[]; stale: boolean }
  | { status: 'error'; error: ApiError };

export interface StudentListWindow {
  key: string;
  /** Every student matching the query; null until the first answer. */
  total: number | null;
  dataAsOf: IsoDate | null;
  blocks: Partial<Record<number, StudentBlock>>;
  /** The first answer failed, so there is nothing to show (the page offers Retry). */
  error: ApiError | null;
}

interface StudentListState {
  lists: Partial<Record<string, StudentListWindow>>;
  /** Most recently shown first; older lists beyond MAX_CACHED_LISTS are dropped. */
  recent: string[];
  /** Changes when the store is reset (sign-out), so answers from before are dropped. */
  instance: number;
}

let instances = 0;

export const studentListStore: StoreApi<StudentListState> = createResettableStore<StudentListState>(
  () => ({ lists: {}, recent: [], instance: ++instances }),
);

/** The row at `index`, or null while its block loads (a placeholder row stands in). */
export function rowAt(list: StudentListWindow, index: number): StudentListRow | null {
  const block = list.blocks[Math.floor(index / STUDENT_BLOCK_SIZE)];
  return block?.status === 'ready' ? (block.rows[index % STUDENT_BLOCK_SIZE] ?? null) : null;
}

/** True while any of these blocks is being fetched (or refreshed) or not asked for yet. */
export function blocksPending(list: StudentListWindow, blocks: number[]): boolean {
  return blocks.some((b) => {
    const block = list.blocks[b];
    return !block || (block.status === 'ready' && block.stale);
  });
}

/** What the page around the table shows of a list (primitives, for a shallow-equal selector). */
export interface StudentListSummary {
  total: number | null;
  dataAsOf: IsoDate | null;
  error: ApiError | null;
  /** The first rows have no risk scores: no model has scored these students yet. */
  noRiskScores: boolean;
  /** A block failed to load (the page says so and offers Retry). */
  failed: ApiError | null;
}

export function summarizeList(list: StudentListWindow | undefined | null): StudentListSummary {
  const first = list?.blocks[0];
  const failed = Object.values(list?.blocks ?? {}).find((b) => b?.status === 'error');
  return {
    total: list?.total ?? null,
    dataAsOf: list?.dataAsOf ?? null,
    error: list?.error ?? null,
    noRiskScores:
      first?.status === 'ready' &&
      first.rows.length > 0 &&
      first.rows.every((r) => r.riskTier === null),
    failed: failed?.status === 'error' ? failed.error : null,
  };
}

function emptyList(key: string): StudentListWindow {
  return { key, total: null, dataAsOf: null, blocks: {}, error: null };
}

/** The list on screen and the blocks it wants, nearest first. */
let viewing: { key: string; args: StudentListArgs; first: number; blocks: number[] } | null = null;
const inFlight = new Set<string>();
/** Bumped when the data changes: an answer asked for before that is kept, but marked stale. */
let generation = 0;

function updateList(key: string, change: (list: StudentListWindow) => StudentListWindow): void {
  studentListStore.setState((s) => {
    const list = s.lists[key];
    return list ? { lists: { ...s.lists, [key]: change(list) } } : {};
  });
}

function wanted(list: StudentListWindow, block: number): boolean {
  const current = list.blocks[block];
  if (!current) return true;
  return current.status === 'ready' && current.stale;
}

/** Starts fetching wanted blocks of the list on screen while there is room. */
function pump(): void {
  while (viewing && inFlight.size < MAX_IN_FLIGHT) {
    const { key, args } = viewing;
    const list = studentListStore.getState().lists[key];
    if (!list) return;
    const instance = studentListStore.getState().instance;
    const next = viewing.blocks.find(
      (b) => !inFlight.has(`${instance}:${key}:${b}`) && wanted(list, b),
    );
    if (next === undefined) return;
    void fetchBlock(instance, key, args, next);
  }
}

async function fetchBlock(
  instance: number,
  key: string,
  args: StudentListArgs,
  block: number,
): Promise<void> {
  const flight = `${instance}:${key}:${block}`;
  const asked = generation;
  inFlight.add(flight);
  try {
    const page = await request('students.list', studentBlockInput(args, block));
    if (studentListStore.getState().instance !== instance) return;
    updateList(key, (list) => {
      // An answer asked before the data changed is kept only as a stale block: its count and
      // date are older than what later answers say, and must not roll them back.
      if (asked !== generation) {
        return {
          ...list,
          blocks: { ...list.blocks, [block]: { status: 'ready', rows: page.rows, stale: true } },
        };
      }
      // A different count means the data changed under the list: the other blocks may have
      // shifted, so each is fetched again when it next comes into view.
      const shifted = list.total !== null && list.total !== page.total;
      const blocks: StudentListWindow['blocks'] = shifted
        ? Object.fromEntries(
            Object.entries(list.blocks).map(([b, value]) => [
              b,
              value?.status === 'ready' ? { ...value, stale: true } : value,
            ]),
          )
        : { ...list.blocks };
      blocks[block] = { status: 'ready', rows: page.rows, stale: false };
      return { ...list, total: page.total, dataAsOf: page.dataAsOf, blocks, error: null };
    });
  } catch (err) {
    if (studentListStore.getState().instance !== instance) return;
    const error = toApiError(err);
    updateList(key, (list) => ({
      ...list,
      error: list.total === null ? error : null,
      blocks: { ...list.blocks, [block]: { status: 'error', error } },
    }));
  } finally {
    inFlight.delete(flight);
    pump();
  }
}

/**
 * The page shows rows `first`…`last` of this list (any range before the count is known asks for
 * the first block, which brings the count). Fetches what is missing; remembers the list as the
 * most recent.
 */
export function showStudentRows(args: StudentListArgs, first: number, last: number): void {
  const key = studentListKey(args);
  studentListStore.setState((s) => {
    if (s.recent[0] === key && s.lists[key]) return s;
    const recent = [key, ...s.recent.filter((k) => k !== key)];
    const kept = recent.slice(0, MAX_CACHED_LISTS);
    const lists: StudentListState['lists'] = {};
    for (const k of kept) lists[k] = s.lists[k] ?? emptyList(k);
    return { recent: kept, lists };
  });
  const list = studentListStore.getState().lists[key]!;
  const blocks = list.total === null ? [0] : blocksFor(first, Math.min(last, list.total - 1));
  // Half a block ahead of the view in the direction it moves, so the next rows are usually there before they
  // are seen (a block takes 50–150 ms to fetch at 50,000 students).
  const margin = STUDENT_BLOCK_SIZE / 2;
  const up = viewing?.key === key && first < viewing.first;
  const ahead = (up ? blocksFor(first - margin, first) : blocksFor(last + margin, last + margin))
    .filter((b) => list.total !== null && b * STUDENT_BLOCK_SIZE < list.total)
    .filter((b) => !blocks.includes(b));
  viewing = { key, args, first, blocks: [...blocks, ...ahead] };
  pump();
}

/** The page left: nothing more is fetched for it. */
export function stopShowingStudents(): void {
  viewing = null;
}

/** Retry: ask again for the blocks of the list on screen that failed. */
export function retryStudentList(args: StudentListArgs): void {
  const key = studentListKey(args);
  updateList(key, (list) => ({
    ...list,
    error: null,
    blocks: Object.fromEntries(
      Object.entries(list.blocks).filter(([, block]) => block?.status !== 'error'),
    ),
  }));
  pump();
}

/**
 * The data behind the list changed (an import, a pipeline run, a risk override): every cached
 * block is fetched again when it is next in view, and its old rows stay until then.
 */
function invalidate(): void {
  generation++;
  studentListStore.setState((s) => ({
    lists: Object.fromEntries(
      Object.entries(s.lists).map(([key, list]) => [
        key,
        list && {
          ...list,
          blocks: Object.fromEntries(
            Object.entries(list.blocks)
              // A failed block is simply asked for again.
              .filter(([, block]) => block?.status !== 'error')
              .map(([b, block]) => [
                b,
                block?.status === 'ready' ? { ...block, stale: true } : block,
              ]),
          ),
        },
      ]),
    ),
  }));
  pump();
}

/** For the stores that refresh every list when the data changes (liveUpdates, riskFeedback). */
export const studentList = { invalidate };

/**
 * Asks the core for every student of the list as CSV (same filters and sort; the core keeps to
 * the caller's scope and logs the export) and hands it to the browser. Returns the file's name.
 */
export async function downloadStudentCsv(args: StudentListArgs): Promise<string> {
  const { fileName, csv } = await request('students.exportCsv', studentListFilters(args));
  saveFile(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  return fileName;
}

/**
 * The list's last query and where it was scrolled to, so a profile's "Back to students" returns
 * to the same list at the same row.
 */
export const lastStudentQueryStore = createResettableStore<{
  query: StudentQuery;
  /** Where the list of `key` was left: its scroll offset in pixels. */
  scroll: { key: string; offset: number } | null;
}>(() => ({ query: DEFAULT_STUDENT_QUERY, scroll: null }));
