/**
 * Keeps what is on screen current: when the core says the data changed (an import or a pipeline
 * run finished), every store that shows student data or its date is marked stale. Pages on screen
 * ask again at once and keep showing the old answer until the new one arrives; the rest ask when
 * they are next opened, so nothing is fetched (or audited as viewed) for a page nobody looks at.
 */
import { api } from '../api/client';
import { caseload } from './caseload/caseloadStore';
import { dateOrder } from './imports/dateOrderStore';
import { recentImports } from './imports/recentImportsStore';
import {
  checkInsDue,
  interventionCoverage,
  interventionOwners,
  studentInterventions,
} from './interventions/interventionsStore';
import { modelDetail, modelList } from './models/modelsStore';
import { overview } from './overviewStore';
import { pipelineRuns } from './pipeline/pipelineRunsStore';
import { studentProfile } from './profileStore';
import { schools } from './schoolsStore';
import { sectionList, sectionView } from './sections/sectionsStore';
import { studentList } from './studentListStore';
import { systemInfo } from './systemInfoStore';

const DATA_STORES: { invalidate(): void }[] = [
  overview,
  studentList,
  studentProfile,
  schools,
  systemInfo,
  recentImports,
  pipelineRuns,
  modelList,
  modelDetail,
  studentInterventions,
  interventionOwners,
  checkInsDue,
  interventionCoverage,
  sectionList,
  sectionView,
  caseload,
];

export function markDataChanged(): void {
  for (const query of DATA_STORES) query.invalidate();
}

/** Settings another window or admin changed: the import date order, the daily run time. */
export function markSettingsChanged(): void {
  dateOrder.invalidate();
  pipelineRuns.invalidate();
}

/** Follows the core's `data.changed` and `settings.changed` events; returns how to stop. */
export function startLiveUpdates(): () => void {
  const offData = api.subscribe('data.changed', () => markDataChanged());
  const offSettings = api.subscribe('settings.changed', () => markSettingsChanged());
  return () => {
    offData();
    offSettings();
  };
}
