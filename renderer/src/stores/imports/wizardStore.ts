/**
 * The import wizard's state and actions: files (upload → preview), the user's kind and column
 * choices (each change asks for a fresh preview), the import job and its report. Kept outside
 * the page so an upload or an import keeps going while the user looks at another page.
 */
import type { ApiError } from '../../../../main/api/contract';
import type { ColumnMapping, ImportKind } from '../../api/types';
import { IDLE, dataOf, loadingFrom } from '../asyncState';
import { createJobTracker } from '../jobs/jobTracker';
import { request, toApiError } from '../request';
import { createResettableStore } from '../resettable';
import { recentImports } from './recentImportsStore';
import { UploadStopped, uploadFile } from './upload';
import { startInput, withColumn, type WizardFile, type WizardStep } from './wizardRules';

export interface WizardState {
  step: WizardStep;
  files: WizardFile[];
  /** Update the weekly features right after the import (recommended). */
  runPipeline: boolean;
  starting: boolean;
  startError: ApiError | null;
}

export const wizardStore = createResettableStore<WizardState>(() => ({
  step: 'files',
  files: [],
  runPipeline: true,
  starting: false,
  startError: null,
}));

/** The running (or last) import job. When it finishes, the wizard shows its report. */
export const importJob = createJobTracker(() => {
  recentImports.invalidate();
  if (wizardStore.getState().step === 'run') wizardStore.setState({ step: 'report' });
});

const pendingFiles = new Map<string, File>();
const previewCalls = new Map<string, number>();
let uploads: Promise<void> = Promise.resolve();
let nextId = 0;

function fileById(id: string): WizardFile | undefined {
  return wizardStore.getState().files.find((f) => f.id === id);
}

function updateFile(id: string, patch: Partial<WizardFile>): void {
  wizardStore.setState((s) => ({
    files: s.files.map((f) => (f.id === id ? { ...f, ...patch } : f)),
  }));
}

export function goToStep(step: WizardStep): void {
  wizardStore.setState({ step, startError: null });
}

/** Adds files and uploads them one after another; each is previewed once it has arrived. */
export function addFiles(files: readonly File[]): void {
  const added: WizardFile[] = files.map((file) => {
    const id = `file-${++nextId}`;
    pendingFiles.set(id, file);
    return {
      id,
      name: file.name,
      size: file.size,
      sent: 0,
      upload: 'uploading',
      uploadError: null,
      stagedId: null,
      preview: IDLE,
      chosenKind: null,
      chosenMapping: null,
    };
  });
  wizardStore.setState((s) => ({ files: [...s.files, ...added] }));
  for (const { id } of added) uploads = uploads.then(() => uploadOne(id));
}

async function uploadOne(id: string): Promise<void> {
  const file = pendingFiles.get(id);
  pendingFiles.delete(id);
  if (!file || !fileById(id)) return;
  try {
    const stagedId = await uploadFile(
      file,
      (sent) => updateFile(id, { sent }),
      () => !fileById(id),
    );
    updateFile(id, { stagedId, upload: 'uploaded', sent: file.size });
    await previewFile(id);
  } catch (err) {
    if (err instanceof UploadStopped) return;
    updateFile(id, { upload: 'failed', uploadError: toApiError(err) });
  }
}

export function removeFile(id: string): void {
  pendingFiles.delete(id);
  wizardStore.setState((s) => ({ files: s.files.filter((f) => f.id !== id) }));
}

/** Asks the core what this file is and what its first rows would do; the latest answer wins. */
export async function previewFile(id: string): Promise<void> {
  const file = fileById(id);
  if (!file?.stagedId) return;
  const call = (previewCalls.get(id) ?? 0) + 1;
  previewCalls.set(id, call);
  updateFile(id, { preview: loadingFrom(file.preview) });
  const stillWanted = () => previewCalls.get(id) === call && fileById(id) !== undefined;
  try {
    const preview = await request('imports.preview', {
      stagedId: file.stagedId,
      ...(file.chosenKind ? { kind: file.chosenKind } : {}),
      ...(file.chosenMapping ? { mapping: file.chosenMapping } : {}),
    });
    if (stillWanted()) updateFile(id, { preview: { status: 'ready', data: preview } });
  } catch (err) {
    if (stillWanted()) updateFile(id, { preview: { status: 'error', error: toApiError(err) } });
  }
}

/** The user says what kind of file this is: Sightline matches its columns for that kind. */
export function chooseKind(id: string, kind: ImportKind): void {
  updateFile(id, { chosenKind: kind, chosenMapping: null });
  void previewFile(id);
}

/** The user picks the column for one field (null: not in this file). */
export function chooseColumn(id: string, fieldKey: string, column: number | null): void {
  const file = fileById(id);
  const preview = file && dataOf(file.preview);
  if (!file || !preview) return;
  const mapping: ColumnMapping = withColumn(
    file.chosenMapping ?? preview.mapping,
    fieldKey,
    column,
  );
  updateFile(id, { chosenKind: file.chosenKind ?? preview.kind, chosenMapping: mapping });
  void previewFile(id);
}

/** Checks every file again (after the date order changed). */
export function previewAll(): void {
  for (const file of wizardStore.getState().files) void previewFile(file.id);
}

export function setRunPipeline(runPipeline: boolean): void {
  wizardStore.setState({ runPipeline });
}

/** Starts the import job with what the previews showed, and follows it. */
export async function startImport(): Promise<void> {
  const { files, runPipeline, starting } = wizardStore.getState();
  const input = startInput(files, runPipeline);
  if (!input || starting) return;
  wizardStore.setState({ starting: true, startError: null });
  try {
    const { jobId } = await request('imports.start', input);
    importJob.track(jobId);
    wizardStore.setState({ starting: false, step: 'run' });
  } catch (err) {
    wizardStore.setState({ starting: false, startError: toApiError(err) });
  }
}

/**
 * Runs a failed, cancelled or interrupted import again with the same files and follows it.
 * Returns the refusal, if the core refused.
 */
export async function retryImport(jobId: string): Promise<ApiError | null> {
  try {
    const { jobId: next } = await request('jobs.retry', { jobId });
    importJob.track(next);
    wizardStore.setState({ step: 'run', startError: null });
    return null;
  } catch (err) {
    return toApiError(err);
  }
}

/** Follows an import that is already running (e.g. after a reload of the page). */
export async function resumeRunningImport(): Promise<void> {
  const { step, files } = wizardStore.getState();
  if (step !== 'files' || files.length > 0 || importJob.store.getState().job) return;
  try {
    const { jobs } = await request('jobs.list', { kind: 'import', limit: 5 });
    const active = jobs.find((j) => j.status === 'queued' || j.status === 'running');
    const now = wizardStore.getState();
    if (!active || now.step !== 'files' || now.files.length > 0) return;
    importJob.track(active.id);
    wizardStore.setState({ step: 'run' });
  } catch {
    // Only a convenience: the Recent imports table still shows the import.
  }
}

/** Clears the wizard for the next import (the finished one stays in Recent imports). */
export function startOver(): void {
  pendingFiles.clear();
  previewCalls.clear();
  importJob.clear();
  wizardStore.setState(wizardStore.getInitialState(), true);
}
