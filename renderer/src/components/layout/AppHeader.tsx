import { Trans, useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../api/types';
import { ROLE_LABELS } from '../../domain/labels';
import { canImport, canSeeCaseload, canSeeModels, canSeePipeline } from '../../domain/permissions';
import { sectionsTitle } from '../../domain/sections';
import { hrefFor, type Route } from '../../stores/routes';

interface AppHeaderProps {
  staff: StaffSummary | null;
  route: Route;
  studentsHref: string;
  onSignOut: () => void;
}

type NavKey = 'overview' | 'caseload' | 'students' | 'sections' | 'imports' | 'pipeline' | 'models';

function currentNav(route: Route): NavKey | null {
  if (route.name === 'student') return 'students';
  if (route.name === 'section') return 'sections';
  return route.name === 'notFound' ? null : route.name;
}

/**
 * The banner: app name, main navigation (My caseload for counselors, Sections for everyone, "My sections" for teachers; Imports,
 * Pipeline and Models only for the roles allowed them), and who is signed in with a way to sign
 * out. The data date, sync state and preferences are in the status bar at the foot of the window.
 */
export function AppHeader({ staff, route, studentsHref, onSignOut }: AppHeaderProps) {
  const { t } = useTranslation('layout');
  const current = currentNav(route);
  const links: { key: NavKey; href: string; label: string }[] = [
    { key: 'overview', href: '#/', label: t('nav.overview') },
    ...(canSeeCaseload(staff?.role)
      ? [{ key: 'caseload' as const, href: '#/caseload', label: t('title', { ns: 'caseload' }) }]
      : []),
    { key: 'students', href: studentsHref, label: t('nav.students') },
    { key: 'sections', href: hrefFor({ name: 'sections' }), label: sectionsTitle(staff?.role) },
    ...(canImport(staff?.role)
      ? [{ key: 'imports' as const, href: '#/imports', label: t('nav.imports') }]
      : []),
    ...(canSeePipeline(staff?.role)
      ? [{ key: 'pipeline' as const, href: '#/pipeline', label: t('nav.pipeline') }]
      : []),
    ...(canSeeModels(staff?.role)
      ? [{ key: 'models' as const, href: '#/models', label: t('nav.models') }]
      : []),
  ];
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <a className="brand" href="#/" translate="no">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          {t('appName')}
        </a>
        {staff && (
          <nav className="main-nav" aria-label={t('header.navLabel')}>
            <ul>
              {links.map((link) => (
                <li key={link.key}>
                  <a href={link.href} aria-current={current === link.key ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {staff && (
          <div className="signed-in">
            <p className="signed-in-who">
              <span className="visually-hidden">{t('header.signedInAs')} </span>
              <span className="signed-in-name" translate="no">
                {staff.givenName} {staff.familyName}
              </span>
              <span className="signed-in-role">
                {staff.schoolName ? (
                  <Trans
                    t={t}
                    i18nKey="header.roleAtSchool"
                    values={{ role: ROLE_LABELS[staff.role].one, school: staff.schoolName }}
                    components={{ school: <span translate="no" /> }}
                  />
                ) : (
                  ROLE_LABELS[staff.role].one
                )}
              </span>
            </p>
            <button type="button" className="button button-secondary" onClick={onSignOut}>
              {t('header.signOut')}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
