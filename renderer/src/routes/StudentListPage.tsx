import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { FlagKey, RiskTier, SortDirection, StudentSortKey } from '../api/types';
import { SchoolPicker } from '../components/common/SchoolPicker';
import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { StudentExportButton } from '../components/students/StudentExportButton';
import { hasFilters, StudentFilters } from '../components/students/StudentFilters';
import { StudentTable } from '../components/students/StudentTable';
import { FLAG_LABELS, gradeLong } from '../domain/labels';
import { canSeeModels } from '../domain/permissions';
import { RISK_TIER_LABELS } from '../domain/riskLabels';
import { formatCount, formatDate } from '../format/format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSchoolChoice } from '../hooks/useSchoolChoice';
import { useSession } from '../hooks/useSession';
import { dataOf } from '../stores/asyncState';
import { overview } from '../stores/overviewStore';
import { navigate } from '../stores/routeStore';
import { hrefFor, type StudentQuery } from '../stores/routes';
import { chooseSchool, schools } from '../stores/schoolsStore';
import {
  lastStudentQueryStore,
  retryStudentList,
  showStudentRows,
  studentListKey,
  studentListStore,
  stopShowingStudents,
  summarizeList,
  type StudentListArgs,
} from '../stores/studentListStore';

/** The table's caption: what the list holds and how it is sorted, in words. */
function useCaption(query: StudentQuery): string {
  const { t } = useTranslation('students');
  const filters = [
    query.grade !== null ? gradeLong(query.grade) : null,
    query.flag ? t('caption.flag', { flag: FLAG_LABELS[query.flag].label }) : null,
    query.tier ? t('caption.tier', { tier: RISK_TIER_LABELS[query.tier].label }) : null,
    query.search ? t('caption.search', { search: query.search }) : null,
  ].filter((part): part is string => part !== null);
  const sort = t(`sortWords.${query.sort}`);
  const direction = t(query.dir === 'asc' ? 'caption.ascending' : 'caption.descending');
  return filters.length
    ? t('caption.filtered', { filters: filters.join(', '), sort, direction })
    : t('caption.plain', { sort, direction });
}

/**
 * The student list: server-side search, filters and sort kept in the address; a virtualised
 * table that scrolls through every matching student (fetched in blocks as they come into view);
 * CSV export of the whole list.
 */
export function StudentListPage({ query }: { query: StudentQuery }) {
  const { t } = useTranslation('students');
  useDocumentTitle(t('title'));
  const { canChoose, schoolId } = useSchoolChoice();
  const schoolOptions = dataOf(useQuery(schools, null, canChoose).state);
  // Grades to offer come from the overview of the same scope (already loaded on most visits).
  const scopeOverview = dataOf(useQuery(overview, schoolId).state);
  const grades = scopeOverview?.flagsByGrade.map((g) => g.grade) ?? [];
  const [resetKey, setResetKey] = useState(0);
  const caption = useCaption(query);

  const args: StudentListArgs = { query, schoolId };
  const key = studentListKey(args);
  // Only what the page shows of the list: a block arriving re-renders the table, not the page.
  const current = useStore(
    studentListStore,
    useShallow((s) => summarizeList(s.lists[key])),
  );
  // The last list with an answer stays on screen (dimmed) while a new sort or filter loads.
  const [shownKey, setShownKey] = useState<string | null>(current.total !== null ? key : null);
  if (current.total !== null && shownKey !== key) setShownKey(key);
  const shown = useStore(
    studentListStore,
    useShallow((s) => summarizeList(shownKey === null ? null : s.lists[shownKey])),
  );
  const previous = shownKey !== null && shownKey !== key;
  const total = shown.total ?? 0;

  // Where this list was scrolled to when the person last left it (for "Back to students").
  const [initialOffset] = useState(() => {
    const saved = lastStudentQueryStore.getState().scroll;
    return saved?.key === key ? saved.offset : 0;
  });

  useEffect(() => {
    lastStudentQueryStore.setState({ query });
    // An address from before the list scrolled (`?page=3`) is tidied to today's form.
    if (/[?&]page=/.test(window.location.hash)) {
      navigate({ name: 'students', query }, { replace: true });
    }
  }, [query]);

  // The first block brings the count; the table asks for the rest as they come into view.
  useEffect(() => {
    const current: StudentListArgs = { query, schoolId };
    if (studentListStore.getState().lists[studentListKey(current)]?.total == null) {
      showStudentRows(current, 0, 0);
    }
  }, [query, schoolId]);
  useEffect(() => () => stopShowingStudents(), []);

  const onRange = useCallback(
    (first: number, last: number) => showStudentRows({ query, schoolId }, first, last),
    [query, schoolId],
  );
  const onLeave = useCallback(
    (offset: number) => lastStudentQueryStore.setState({ scroll: { key, offset } }),
    [key],
  );

  const update = (patch: Partial<StudentQuery>) =>
    navigate({ name: 'students', query: { ...query, ...patch } }, { replace: true });
  const clear = () => {
    setResetKey((k) => k + 1);
    update({ search: '', grade: null, flag: null, tier: null });
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <PageHeading>{t('title')}</PageHeading>
          {shownKey !== null && (
            <p className="page-lede">
              {t(hasFilters(query) ? 'lede.match' : 'lede.inView', {
                count: total,
                total: formatCount(total),
              })}
              {shown.dataAsOf
                ? ` · ${t('lede.dataAsOf', { date: formatDate(shown.dataAsOf) })}`
                : ''}
            </p>
          )}
        </div>
        <div className="student-list-actions">
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
          {total > 0 && <StudentExportButton args={args} total={total} />}
        </div>
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
        {current.total !== null
          ? t('status.found', { count: current.total, total: formatCount(current.total) })
          : current.error
            ? ''
            : t('status.loading')}
      </p>
      {current.error ? (
        <ErrorPanel
          error={current.error}
          action={t('errorAction')}
          onRetry={() => retryStudentList(args)}
        />
      ) : shownKey === null ? (
        <LoadingState what={t('loadingWhat')} lines={8} />
      ) : total === 0 ? (
        <div aria-busy={previous || undefined}>
          <EmptyStudents query={query} onClear={clear} />
        </div>
      ) : (
        <>
          {shown.noRiskScores && <NoRiskScoresNotice />}
          {!previous && current.failed && (
            <div className="field-error" role="alert">
              <p>{t('table.blockFailed', { message: current.failed.message })}</p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => retryStudentList(args)}
              >
                {t('table.retry')}
              </button>
            </div>
          )}
          <StudentTable
            listKey={shownKey}
            total={total}
            sort={query.sort}
            dir={query.dir}
            caption={caption}
            previous={previous}
            queryKey={key}
            initialOffset={initialOffset}
            onRange={onRange}
            onLeave={onLeave}
            onSort={(sort: StudentSortKey, dir: SortDirection) => update({ sort, dir })}
          />
        </>
      )}
    </div>
  );
}

/** Said above the list instead of an empty Risk column. */
function NoRiskScoresNotice() {
  const { t } = useTranslation('students');
  const role = useSession().staff?.role;
  return (
    <p className="notice">
      <Trans
        t={t}
        i18nKey="noRiskScores"
        components={{
          link: canSeeModels(role) ? (
            <a href={hrefFor({ name: 'models', modelId: null })} />
          ) : (
            <span />
          ),
        }}
      />
    </p>
  );
}

function EmptyStudents({ query, onClear }: { query: StudentQuery; onClear: () => void }) {
  const { t } = useTranslation('students');
  if (hasFilters(query)) {
    return (
      <EmptyState title={t('empty.filteredTitle')}>
        <p>{t('empty.filteredBody')}</p>
        {query.tier && <p>{t('empty.tierBody')}</p>}
        <button type="button" className="button" onClick={onClear}>
          {t('filters.clear')}
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('empty.noneTitle')}>
      <p>{t('empty.noneBody')}</p>
    </EmptyState>
  );
}
