import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('signin');
  useDocumentTitle(t('documentTitle'));
  const { state, reload } = useQuery(demoAccounts, null);
  const signingInAs = useStore(sessionStore, (s) => s.signingInAs);
  const signInError = useStore(sessionStore, (s) => s.signInError);
  const notice = useStore(sessionStore, (s) => s.notice);
  return (
    <div className="page page-narrow">
      <PageHeading>{t('title')}</PageHeading>
      <p className="page-lede">{t('lede')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice.kind === 'sessionEnded' ? t('sessionEnded') : notice.text}
        </p>
      )}
      {signInError && (
        <ErrorPanel error={signInError} action={t('actions.signIn')} headingLevel={2} />
      )}
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action={t('actions.loadAccounts')} onRetry={reload} />
      ) : state.status === 'ready' ? (
        state.data.length === 0 ? (
          <EmptyState title={t('empty.title')}>
            <p>{t('empty.body')}</p>
          </EmptyState>
        ) : (
          <DemoAccountList
            accounts={state.data}
            signingInAs={signingInAs}
            onChoose={(id) => void signIn(id)}
          />
        )
      ) : (
        <LoadingState what={t('loadingWhat')} />
      )}
    </div>
  );
}
