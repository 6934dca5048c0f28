import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { ImportWizard } from '../components/imports/ImportWizard';
import { RecentImports } from '../components/imports/RecentImports';
import { PageHeading } from '../components/layout/PageHeading';
import type { StaffRole } from '../api/types';
import { canImport } from '../domain/permissions';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { useSession } from '../hooks/useSession';
import { recentImports } from '../stores/imports/recentImportsStore';
import { resumeRunningImport } from '../stores/imports/wizardStore';

/** What each importing role's rows are limited to (main/imports/scope.ts enforces it). */
const SCOPE_NOTE: Partial<Record<StaffRole, 'page.scope.teacher' | 'page.scope.schoolAdmin'>> = {
  teacher: 'page.scope.teacher',
  school_admin: 'page.scope.schoolAdmin',
};

/**
 * Import data: the wizard, and below it the latest imports. Teachers, school and district admins
 * (the core decides what each may import, row by row).
 */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  useDocumentTitle(t('page.title'));
  const role = useSession().staff?.role;
  const scopeNote = role ? SCOPE_NOTE[role] : undefined;
  // Other roles never see the wizard: the core's refusal of the import list says why, in words.
  const allowed = canImport(role);
  const recent = useQuery(recentImports, null);
  const error = recent.state.status === 'error' ? recent.state.error : null;
  const refused = error?.code === 'forbidden';
  useEffect(() => {
    if (allowed) void resumeRunningImport();
  }, [allowed]);
  return (
    <div className="page">
      <PageHeading>{t('page.title')}</PageHeading>
      <p className="page-lede">{t('page.lede')}</p>
      {scopeNote && <p className="notice">{t(scopeNote)}</p>}
      {error && (refused || !allowed) ? (
        <ErrorPanel
          error={error}
          action={t('page.errorAction')}
          onRetry={refused ? undefined : recent.reload}
          forbiddenMessage={t('page.forbidden', { message: error.message })}
        />
      ) : !allowed ? (
        <LoadingState what={t('page.loading')} />
      ) : (
        <>
          <ImportWizard />
          <RecentImports />
        </>
      )}
    </div>
  );
}
