import { PageHeading } from '../components/layout/PageHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export function NotFoundPage({ path }: { path: string }) {
  useDocumentTitle('Page not found');
  return (
    <div className="page page-narrow">
      <PageHeading>Page not found</PageHeading>
      <p>
        Sightline has no page at “{path}”. <a href="#/">Go to the overview</a> or{' '}
        <a href="#/students">the student list</a>.
      </p>
    </div>
  );
}
