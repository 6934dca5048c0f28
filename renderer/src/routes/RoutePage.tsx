import type { Route } from '../stores/routes';
import { CaseloadPage } from './CaseloadPage';
import { ImportsPage } from './ImportsPage';
import { ModelsPage } from './ModelsPage';
import { NotFoundPage } from './NotFoundPage';
import { OverviewPage } from './OverviewPage';
import { PipelinePage } from './PipelinePage';
import { SectionPage } from './SectionPage';
import { SectionsPage } from './SectionsPage';
import { StudentListPage } from './StudentListPage';
import { StudentProfilePage } from './StudentProfilePage';

/** The page for a route (signed in). */
export function RoutePage({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview':
      return <OverviewPage />;
    case 'students':
      return <StudentListPage query={route.query} />;
    case 'student':
      return <StudentProfilePage key={route.studentId} studentId={route.studentId} />;
    case 'imports':
      return <ImportsPage />;
    case 'pipeline':
      return <PipelinePage />;
    case 'models':
      return <ModelsPage modelId={route.modelId} />;
    case 'sections':
      return <SectionsPage />;
    case 'section':
      return <SectionPage key={route.sectionId} sectionId={route.sectionId} />;
    case 'caseload':
      return <CaseloadPage />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}
