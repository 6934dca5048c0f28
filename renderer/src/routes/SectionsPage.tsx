import { useTranslation } from 'react-i18next';
import { SchoolPicker } from '../components/common/SchoolPicker';
import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { SectionListTable } from '../components/sections/SectionListTable';
import { SECTION_LIST_LIMIT, sectionsTitle } from '../domain/sections';
import { formatCount } from '../format/format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSchoolChoice } from '../hooks/useSchoolChoice';
import { useSession } from '../hooks/useSession';
import { dataOf } from '../stores/asyncState';
import { chooseSchool, schools } from '../stores/schoolsStore';
import { sectionList } from '../stores/sections/sectionsStore';

/**
 * The sections the signed-in person works with, each linking to its roster. What the list holds
 * depends on the role (the core decides; the lede and empty state only say it).
 */
export function SectionsPage() {
  const { t } = useTranslation('sections');
  const role = useSession().staff?.role;
  const title = sectionsTitle(role);
  useDocumentTitle(title);
  const { canChoose, schoolId } = useSchoolChoice();
  const { state, reload } = useQuery(sectionList, schoolId);
  const schoolOptions = dataOf(useQuery(schools, null, canChoose).state);
  const list = dataOf(state);
  const limit = formatCount(SECTION_LIST_LIMIT);

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading>{title}</PageHeading>
        {canChoose && schoolOptions && (
          <SchoolPicker schools={schoolOptions} value={schoolId} onChange={chooseSchool} />
        )}
      </div>
      {role && <p className="page-lede">{t(`list.ledes.${role}`)}</p>}
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action={t('list.failedAction')} onRetry={reload} />
      ) : !list ? (
        <LoadingState what={t('list.loading')} lines={5} />
      ) : list.length === 0 ? (
        <EmptyState title={t(`list.empty.${role ?? 'teacher'}.title`)}>
          <p>{t(`list.empty.${role ?? 'teacher'}.next`)}</p>
        </EmptyState>
      ) : (
        <section className="card" aria-labelledby="section-list-title">
          <h2 id="section-list-title" className="card-title">
            {t('list.count', { count: list.length, sections: formatCount(list.length) })}
          </h2>
          <p className="card-note">{t('list.note')}</p>
          {list.length >= SECTION_LIST_LIMIT && (
            <p className="notice">
              {canChoose ? t('list.limitChooseSchool', { limit }) : t('list.limit', { limit })}
            </p>
          )}
          <SectionListTable
            sections={list}
            caption={role === 'teacher' ? t('list.captionTeacher') : t('list.captionOther')}
          />
        </section>
      )}
    </div>
  );
}
