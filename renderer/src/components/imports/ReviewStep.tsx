import { useStore } from 'zustand';
import { plural } from '../../format/format';
import { importBlockers } from '../../stores/imports/wizardRules';
import {
  goToStep,
  previewAll,
  setRunPipeline,
  startImport,
  wizardStore,
} from '../../stores/imports/wizardStore';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { DateOrderSetting } from './DateOrderSetting';
import { FilePreviewCard } from './FilePreviewCard';

/** Step 2: each file's kind, columns and first-rows check; then Import. */
export function ReviewStep() {
  const files = useStore(wizardStore, (s) => s.files);
  const runPipeline = useStore(wizardStore, (s) => s.runPipeline);
  const starting = useStore(wizardStore, (s) => s.starting);
  const startError = useStore(wizardStore, (s) => s.startError);
  const blockers = importBlockers(files);
  const ready = blockers.length === 0 && !starting;
  return (
    <>
      <DateOrderSetting onChanged={previewAll} />
      {files.length === 0 ? (
        <p>
          No files are left to import.{' '}
          <button type="button" className="link-button" onClick={() => goToStep('files')}>
            Add files
          </button>
        </p>
      ) : (
        files.map((file) => <FilePreviewCard key={file.id} file={file} />)
      )}
      <div className="field-check">
        <input
          id="run-pipeline"
          type="checkbox"
          checked={runPipeline}
          onChange={(e) => setRunPipeline(e.target.checked)}
        />
        <label htmlFor="run-pipeline">
          Update the weekly features and flags right after the import (recommended, so every
          dashboard shows the new data)
        </label>
      </div>
      {startError && <ErrorPanel error={startError} action="start the import" headingLevel={3} />}
      <div className="wizard-actions">
        <button type="button" className="button button-secondary" onClick={() => goToStep('files')}>
          <span aria-hidden="true">← </span>Back to files
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready}
          aria-describedby={blockers.length > 0 ? 'import-why' : undefined}
          onClick={() => void startImport()}
        >
          {starting ? 'Starting…' : `Import ${plural(files.length, 'file')}`}
        </button>
      </div>
      {blockers.length > 0 && (
        <div id="import-why" className="wizard-why">
          <p>Before the import can start:</p>
          <ul>
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
