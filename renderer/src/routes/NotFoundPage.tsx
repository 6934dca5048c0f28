import { Trans, useTranslation } from 'react-i18next';
import { PageHeading } from '../components/layout/PageHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useTranslation('layout');
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page page-narrow">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>
        <Trans
          t={t}
          i18nKey="notFound.body"
          values={{ path }}
          components={{
            path: <span translate="no" />,
            overview: <a href="#/" />,
            students: <a href="#/students" />,
          }}
        />
      </p>
    </div>
  );
}
