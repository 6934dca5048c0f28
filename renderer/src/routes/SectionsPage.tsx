import type { StaffRole } from '../api/types';
import { SchoolPicker } from '../components/common/SchoolPicker';
import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { SectionListTable } from '../components/sections/SectionListTable';
import { SECTION_LIST_LIMIT, sectionsTitle } from '../domain/sections';
import { plural } from '../format/format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSchoolChoice } from '../hooks/useSchoolChoice';
import { useSession } from '../hooks/useSession';
import { dataOf } from '../stores/asyncState';
import { chooseSchool, schools } from '../stores/schoolsStore';
import { sectionList } from '../stores/sections/sectionsStore';

/** What the list holds, for each role (the core decides; this is only the wording). */
const LEDES: Record<StaffRole, string> = {
  teacher:
    'The classes you teach, latest term first. Open one for its roster, who needs attention this week, the class’s trends and a class report to print.',
  counselor:
    'Sections at your school with at least one student on your caseload, latest term first. Their counts, rosters and reports cover only your caseload.',
  school_admin: 'Every section at your school, latest term first.',
  district_admin: 'Every section in the district, or at the school you choose, latest term first.',
};

const EMPTY: Record<StaffRole, { title: string; next: string }> = {
  teacher: {
    title: 'You have no sections yet.',
    next: 'Your classes appear here once a roster import lists you as their teacher. If a class of yours is missing, ask your school admin.',
  },
  counselor: {
    title: 'No section enrolls a student on your caseload yet.',
    next: 'Sections appear here once students on your caseload are enrolled in them.',
  },
  school_admin: {
    title: 'No sections at your school yet.',
    next: 'Sections appear once a roster (OneRoster) is imported on the Imports page.',
  },
  district_admin: {
    title: 'No sections here yet.',
    next: 'Sections appear once a roster (OneRoster) is imported on the Imports page.',
  },
};

/** The sections the signed-in person works with, each linking to its roster. */
export function SectionsPage() {
  const role = useSession().staff?.role;
  const title = sectionsTitle(role);
  useDocumentTitle(title);
  const { canChoose, schoolId } = useSchoolChoice();
  const { state, reload } = useQuery(sectionList, schoolId);
  const schoolOptions = dataOf(useQuery(schools, null, canChoose).state);
  const list = dataOf(state);
  const empty = role ? EMPTY[role] : EMPTY.teacher;

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading>{title}</PageHeading>
        {canChoose && schoolOptions && (
          <SchoolPicker schools={schoolOptions} value={schoolId} onChange={chooseSchool} />
        )}
      </div>
      {role && <p className="page-lede">{LEDES[role]}</p>}
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action="list your sections" onRetry={reload} />
      ) : !list ? (
        <LoadingState what="the sections" lines={5} />
      ) : list.length === 0 ? (
        <EmptyState title={empty.title}>
          <p>{empty.next}</p>
        </EmptyState>
      ) : (
        <section className="card" aria-labelledby="section-list-title">
          <h2 id="section-list-title" className="card-title">
            {plural(list.length, 'section')}
          </h2>
          <p className="card-note">
            Flagged: students with at least one early-warning flag. High risk: students in the risk
            model’s high tier. Counts cover only the students you can see.
          </p>
          {list.length >= SECTION_LIST_LIMIT && (
            <p className="notice">
              Only the first {plural(SECTION_LIST_LIMIT, 'section')} are listed.
              {canChoose ? ' Choose a school above to see all of its sections.' : ''}
            </p>
          )}
          <SectionListTable
            sections={list}
            caption={role === 'teacher' ? 'Sections you teach' : 'Sections, latest term first'}
          />
        </section>
      )}
    </div>
  );
}
