import { useStore } from 'zustand';
import { DemoAccountList } from '../components/signin/DemoAccountList';
import { EmptyState } from '../components/feedback/EmptyState';
import { ErrorPanel } from '../components/feedback/ErrorPanel';
import { LoadingState } from '../components/feedback/LoadingState';
import { PageHeading } from '../components/layout/PageHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { demoAccounts } from '../stores/demoAccountsStore';
import { sessionStore, signIn } from '../stores/sessionStore';

/** Choose a demo account. Real district sign-in comes later. */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const { state, reload } = useQuery(demoAccounts, null);
  const signingInAs = useStore(sessionStore, (s) => s.signingInAs);
  const signInError = useStore(sessionStore, (s) => s.signInError);
  const notice = useStore(sessionStore, (s) => s.notice);
  return (
    <div className="page page-narrow">
      <PageHeading>Sign in to Sightline</PageHeading>
      <p className="page-lede">
        Choose a demo account below: these are made-up staff and students, and sign-in with real
        district accounts comes in a later version.
      </p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {signInError && <ErrorPanel error={signInError} action="sign you in" headingLevel={2} />}
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action="load the demo accounts" onRetry={reload} />
      ) : state.status === 'ready' ? (
        state.data.length === 0 ? (
          <EmptyState title="There are no demo accounts yet.">
            <p>
              The demo district is created the first time Sightline starts. Restart Sightline, then
              reload this page.
            </p>
          </EmptyState>
        ) : (
          <DemoAccountList
            accounts={state.data}
            signingInAs={signingInAs}
            onChoose={(id) => void signIn(id)}
          />
        )
      ) : (
        <LoadingState what="demo accounts" />
      )}
    </div>
  );
}
