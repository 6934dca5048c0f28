import type { Input } from '../api/types';
import { request } from './request';
import { createQueryStore } from './queryStore';
import { createResettableStore } from './resettable';
import { DEFAULT_STUDENT_QUERY, type StudentQuery } from './routes';

export const STUDENT_PAGE_SIZE = 50;

export interface StudentListArgs {
  query: StudentQuery;
  schoolId: string | null;
}

/** The API input for one page of the list. */
export function studentListInput({ query, schoolId }: StudentListArgs): Input<'students.list'> {
  return {
    ...(query.search ? { search: query.search } : {}),
    ...(query.grade !== null ? { grade: query.grade } : {}),
    ...(query.flag ? { flag: query.flag } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(schoolId ? { schoolId } : {}),
    sort: query.sort,
    dir: query.dir,
    offset: (query.page - 1) * STUDENT_PAGE_SIZE,
    limit: STUDENT_PAGE_SIZE,
  };
}

/** One page of the student list; the server sorts, filters and pages. */
export const studentList = createQueryStore(
  (args: StudentListArgs) => request('students.list', studentListInput(args)),
  { keepPrevious: true },
);

/** The list's last query, so a profile's "Back to students" returns to the same page. */
export const lastStudentQueryStore = createResettableStore<{ query: StudentQuery }>(() => ({
  query: DEFAULT_STUDENT_QUERY,
}));
