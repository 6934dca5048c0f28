import { createQueryStore } from '../queryStore';
import { request } from '../request';

/** The sections the signed-in person works with (a district admin may narrow to one school). */
export const sectionList = createQueryStore(async (schoolId: string | null) => {
  const { sections } = await request('sections.list', schoolId ? { schoolId } : {});
  return sections;
});

/** The open section: header, roster, weekly trend and who needs attention. */
export const sectionView = createQueryStore((sectionId: string) =>
  request('sections.get', { sectionId }),
);
