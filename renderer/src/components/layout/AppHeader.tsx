import type { StaffSummary } from '../../api/types';
import { ROLE_LABELS } from '../../domain/labels';
import type { Route } from '../../stores/routes';

interface AppHeaderProps {
  staff: StaffSummary | null;
  route: Route;
  studentsHref: string;
  onSignOut: () => void;
}

/** The banner: app name, main navigation, and who is signed in with a way to sign out. */
export function AppHeader({ staff, route, studentsHref, onSignOut }: AppHeaderProps) {
  const current =
    route.name === 'overview' ? 'overview' : route.name.startsWith('student') ? 'students' : null;
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
              <li>
                <a href="#/" aria-current={current === 'overview' ? 'page' : undefined}>
                  Overview
                </a>
              </li>
              <li>
                <a href={studentsHref} aria-current={current === 'students' ? 'page' : undefined}>
                  Students
                </a>
              </li>
            </ul>
          </nav>
        )}
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
