import { authHandlers } from '../auth/handlers';
import { caseloadHandlers } from '../caseload/handlers';
import { importHandlers } from '../imports/handlers';
import { jobHandlers } from '../jobs/handlers';
import { pipelineHandlers } from '../pipeline/handlers';
import { interventionHandlers } from '../interventions/handlers';
import { sectionHandlers } from '../sections/handlers';
import { riskHandlers } from '../risk/handlers';
import { modelHandlers } from '../training/handlers';
import { overviewHandlers } from '../overview/handlers';
import { reportHandlers } from '../reports/handlers';
import { schoolHandlers } from '../schools/handlers';
import { studentHandlers } from '../students/handlers';
import { systemHandlers } from '../system/handlers';
import type { HandlerMap } from './router';

/** Every method of the contract, registered per capability; `satisfies` catches a missing one. */
export const handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...schoolHandlers,
  ...overviewHandlers,
  ...studentHandlers,
  ...jobHandlers,
  ...importHandlers,
  ...pipelineHandlers,
  ...riskHandlers,
  ...interventionHandlers,
  ...sectionHandlers,
  ...caseloadHandlers,
  ...modelHandlers,
  ...reportHandlers,
} satisfies HandlerMap;
