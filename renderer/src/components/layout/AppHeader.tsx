import type { StaffSummary } from '../../api/types';
import { ROLE_LABELS } from '../../domain/labels';
import { canImport, canSeeModels, canSeePipeline } from '../../domain/permissions';
import { sectionsTitle } from '../../domain/sections';
import { hrefFor, type Route } from '../../stores/routes';
import { DataFreshness } from './DataFreshness';

interface AppHeaderProps {
  staff: StaffSummary | null;
  route: Route;
  studentsHref: string;
  onSignOut: () => void;
}

type NavKey = 'overview' | 'students' | 'sections' | 'imports' | 'pipeline' | 'models';

function currentNav(route: Route): NavKey | null {
  if (route.name === 'student') return 'students';
  if (route.name === 'section') return 'sections';
  return route.name === 'notFound' ? null : route.name;
}

/**
 * The banner: app name, main navigation (Sections for everyone, "My sections" for teachers; Imports,
 * Pipeline and Models only for the roles allowed them), the data date, and who is signed in with a
 * way to sign out.
 */
export function AppHeader({ staff, route, studentsHref, onSignOut }: AppHeaderProps) {
  const current = currentNav(route);
  const links: { key: NavKey; href: string; label: string }[] = [
    { key: 'overview', href: '#/', label: 'Overview' },
    { key: 'students', href: studentsHref, label: 'Students' },
    { key: 'sections', href: hrefFor({ name: 'sections' }), label: sectionsTitle(staff?.role) },
    ...(canImport(staff?.role)
      ? [{ key: 'imports' as const, href: '#/imports', label: 'Imports' }]
      : []),
    ...(canSeePipeline(staff?.role)
      ? [{ key: 'pipeline' as const, href: '#/pipeline', label: 'Pipeline' }]
      : []),
    ...(canSeeModels(staff?.role)
      ? [{ key: 'models' as const, href: '#/models', label: 'Models' }]
      : []),
  ];
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          Sightline
        </a>
        {staff && (
          <nav className="main-nav" aria-label="Main">
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
        {staff && <DataFreshness />}
        {staff && (
          <div className="signed-in">
            <p className="signed-in-who">
              <span className="visually-hidden">Signed in as </span>
              <span className="signed-in-name">
                {staff.givenName} {staff.familyName}
              </span>
              <span className="signed-in-role">
                {ROLE_LABELS[staff.role].one}
                {staff.schoolName ? ` · ${staff.schoolName}` : ''}
              </span>
            </p>
            <button type="button" className="button button-secondary" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
