import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBoundary } from './components/layout/ErrorBoundary';
import { AppHeader } from './components/layout/AppHeader';
import { LoadingState } from './components/feedback/LoadingState';
import { MAIN_ID, SkipLink } from './components/layout/SkipLink';
import { StatusBar } from './components/layout/StatusBar';
import { usePageVisit, useRoute } from './hooks/useRoute';
import { useSession } from './hooks/useSession';
import { RoutePage } from './routes/RoutePage';
import { SignInPage } from './routes/SignInPage';
import { ShortcutsDialog } from './shortcuts/ShortcutsDialog';
import { useShortcuts } from './shortcuts/useShortcuts';
import { hrefFor } from './stores/routes';
import { signOut } from './stores/sessionStore';
import { lastStudentQueryStore } from './stores/studentListStore';

/**
 * Moving to another page, signing in or signing out puts focus on the new page's heading, so
 * keyboard and screen-reader users start at the top of what changed. The first load does not.
 */
function useFocusOnPageChange(sessionStatus: string, pageVisit: number): void {
  const previous = useRef({ sessionStatus, pageVisit });
  useEffect(() => {
    const before = previous.current;
    previous.current = { sessionStatus, pageVisit };
    const pageChanged = pageVisit !== before.pageVisit;
    const sessionChanged =
      sessionStatus !== before.sessionStatus && before.sessionStatus !== 'checking';
    if (pageChanged || sessionChanged) {
      document.querySelector<HTMLElement>(`#${MAIN_ID} h1`)?.focus();
    }
  }, [sessionStatus, pageVisit]);
}

/**
 * The window: skip link, header, the page, and the status bar at the foot. Signed in, the keyboard
 * shortcuts listen (shortcuts/) and "?" lists them.
 */
export function App() {
  const { t } = useTranslation('layout');
  const session = useSession();
  const route = useRoute();
  const pageVisit = usePageVisit();
  const lastQuery = useStore(lastStudentQueryStore, (s) => s.query);
  const staff = session.status === 'signedIn' ? session.staff : null;
  useFocusOnPageChange(session.status, pageVisit);
  useShortcuts(staff?.role ?? null);

  return (
    <>
      <SkipLink />
      <AppHeader
        staff={staff}
        route={route}
        studentsHref={hrefFor({ name: 'students', query: lastQuery })}
        onSignOut={() => void signOut()}
      />
      <main id={MAIN_ID} tabIndex={-1} className="app-main">
        <ErrorBoundary resetKey={`${session.status}:${hrefFor(route)}`}>
          {session.status === 'checking' ? (
            <LoadingState what={t('appName')} />
          ) : session.status === 'signedOut' ? (
            <SignInPage />
          ) : (
            <RoutePage route={route} />
          )}
        </ErrorBoundary>
      </main>
      <StatusBar signedIn={staff !== null} />
      {staff && <ShortcutsDialog role={staff.role} />}
    </>
  );
}
