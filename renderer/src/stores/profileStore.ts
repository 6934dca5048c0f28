import { request } from './request';
import { createQueryStore } from './queryStore';

/** The open student profile. Each opening is recorded in the core's access audit log. */
export const studentProfile = createQueryStore((studentId: string) =>
  request('students.profile', { studentId }),
);
