import { useEffect, useState } from 'react';
import type {
  FlagKey,
  RiskTier,
  SortDirection,
  StudentListRow,
  StudentSortKey,
} from '../api/types';
import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { SchoolPicker } from '../components/common/SchoolPicker';
import { PageHeading } from '../components/layout/PageHeading';
import { Pagination } from '../components/students/Pagination';
import { hasFilters, StudentFilters } from '../components/students/StudentFilters';
import { StudentTable } from '../components/students/StudentTable';
import { FLAG_LABELS, gradeLong } from '../domain/labels';
import { canSeeModels } from '../domain/permissions';
import { RISK_TIER_LABELS } from '../domain/riskLabels';
import { formatDate, plural } from '../format/format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSchoolChoice } from '../hooks/useSchoolChoice';
import { useSession } from '../hooks/useSession';
import { dataOf } from '../stores/asyncState';
import { overview } from '../stores/overviewStore';
import { chooseSchool, schools } from '../stores/schoolsStore';
import { navigate } from '../stores/routeStore';
import { hrefFor, type StudentQuery } from '../stores/routes';
import { lastStudentQueryStore, STUDENT_PAGE_SIZE, studentList } from '../stores/studentListStore';

const SORT_WORDS: Record<StudentSortKey, string> = {
  name: 'name',
  grade: 'grade',
  attendance_rate: 'attendance rate',
  days_absent: 'days absent',
  gpa: 'GPA',
  failing_sections: 'failing courses',
  incident_days: 'incident days',
  flag_count: 'number of flags',
  risk: 'risk score',
};

function describeQuery(query: StudentQuery): string {
  const parts = [
    query.grade !== null ? gradeLong(query.grade) : null,
    query.flag ? `flag: ${FLAG_LABELS[query.flag].label}` : null,
    query.tier ? `risk: ${RISK_TIER_LABELS[query.tier].label}` : null,
    query.search ? `matching “${query.search}”` : null,
  ].filter(Boolean);
  const order = query.dir === 'asc' ? 'ascending' : 'descending';
  return `Students${parts.length ? ` (${parts.join(', ')})` : ''}, sorted by ${SORT_WORDS[query.sort]}, ${order}`;
}

/** The student list: server-side search, filters, sort and paging, all kept in the address. */
export function StudentListPage({ query }: { query: StudentQuery }) {
  useDocumentTitle('Students');
  const { canChoose, schoolId } = useSchoolChoice();
  const { state, reload } = useQuery(studentList, { query, schoolId });
  const schoolOptions = dataOf(useQuery(schools, null, canChoose).state);
  // Grades to offer come from the overview of the same scope (already loaded on most visits).
  const scopeOverview = dataOf(useQuery(overview, schoolId).state);
  const grades = scopeOverview?.flagsByGrade.map((g) => g.grade) ?? [];
  const [resetKey, setResetKey] = useState(0);

  useEffect(() => {
    lastStudentQueryStore.setState({ query });
  }, [query]);

  const update = (patch: Partial<StudentQuery>) =>
    navigate({ name: 'students', query: { ...query, page: 1, ...patch } }, { replace: true });
  const clear = () => {
    setResetKey((k) => k + 1);
    update({ search: '', grade: null, flag: null, tier: null });
  };

  const page = dataOf(state);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <PageHeading>Students</PageHeading>
          {page && (
            <p className="page-lede">
              {plural(page.total, 'student')} {hasFilters(query) ? 'match' : 'in your view'}
              {page.dataAsOf ? ` · data as of ${formatDate(page.dataAsOf)}` : ''}
            </p>
          )}
        </div>
        {canChoose && schoolOptions && (
          <SchoolPicker
            schools={schoolOptions}
            value={schoolId}
            onChange={(id) => {
              chooseSchool(id);
              update({ grade: null });
            }}
          />
        )}
      </div>
      <StudentFilters
        query={query}
        grades={grades}
        resetKey={resetKey}
        onSearch={(search) => update({ search })}
        onGrade={(grade) => update({ grade })}
        onFlag={(flag: FlagKey | null) => update({ flag })}
        onTier={(tier: RiskTier | null) => update({ tier })}
        onClear={clear}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {state.status === 'ready'
          ? `${plural(state.data.total, 'student')} found.`
          : state.status === 'loading'
            ? 'Loading students…'
            : ''}
      </p>
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action="load the student list" onRetry={reload} />
      ) : !page ? (
        <LoadingState what="students" lines={8} />
      ) : page.rows.length === 0 ? (
        <EmptyStudents query={query} total={page.total} onClear={clear} />
      ) : (
        <>
          {noRiskScores(page.rows) && <NoRiskScoresNotice />}
          <StudentTable
            rows={page.rows}
            total={page.total}
            sort={query.sort}
            dir={query.dir}
            busy={state.status === 'loading'}
            caption={describeQuery(query)}
            onSort={(sort: StudentSortKey, dir: SortDirection) => update({ sort, dir, page: 1 })}
          />
          <Pagination
            page={query.page}
            pageSize={STUDENT_PAGE_SIZE}
            total={page.total}
            onPage={(p) => update({ page: p })}
          />
        </>
      )}
    </div>
  );
}

/** True when no student on this page has a risk score: no model has scored them yet. */
function noRiskScores(rows: StudentListRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.riskTier === null);
}

/** Said above the list instead of an empty Risk column. */
function NoRiskScoresNotice() {
  const role = useSession().staff?.role;
  return (
    <p className="notice">
      No risk scores yet: a district admin activates a model on the{' '}
      {canSeeModels(role) ? (
        <a href={hrefFor({ name: 'models', modelId: null })}>Models page</a>
      ) : (
        'Models page'
      )}
      . Until then, the transparent flags are the early-warning check.
    </p>
  );
}

function EmptyStudents({
  query,
  total,
  onClear,
}: {
  query: StudentQuery;
  total: number;
  onClear: () => void;
}) {
  if (total > 0) {
    return (
      <EmptyState title="This page is past the end of the list.">
        <p>
          <a
            href={`#/students`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'students', query: { ...query, page: 1 } }, { replace: true });
            }}
          >
            Go to the first page
          </a>
        </p>
      </EmptyState>
    );
  }
  if (hasFilters(query)) {
    return (
      <EmptyState title="No students match these filters.">
        <p>Try a different name or grade, or clear the filters to see everyone.</p>
        {query.tier && (
          <p>
            Students are in a risk tier only once a model has scored them: if none has yet, a
            district admin activates a model on the Models page.
          </p>
        )}
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No students are in your view yet.">
      <p>
        Students appear here once rosters are imported and you are linked to them through your
        sections, caseload or school.
      </p>
    </EmptyState>
  );
}
