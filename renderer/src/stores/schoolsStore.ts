import { request } from './request';
import { createQueryStore } from './queryStore';
import { createResettableStore } from './resettable';

/** Schools a district admin can choose between. */
export const schools = createQueryStore(async (_: null) => {
  const { schools } = await request('schools.list', {});
  return schools;
});

/** The school a district admin is looking at; null means the whole district. */
export const schoolChoiceStore = createResettableStore<{ schoolId: string | null }>(() => ({
  schoolId: null,
}));

export function chooseSchool(schoolId: string | null): void {
  schoolChoiceStore.setState({ schoolId });
}
