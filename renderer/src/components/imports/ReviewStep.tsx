import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatCount } from '../../format/format';
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
  const { t } = useTranslation('imports');
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
          {t('review.noFiles')}{' '}
          <button type="button" className="link-button" onClick={() => goToStep('files')}>
            {t('review.addFiles')}
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
        <label htmlFor="run-pipeline">{t('review.runPipeline')}</label>
      </div>
      {startError && (
        <ErrorPanel error={startError} action={t('review.errorStart')} headingLevel={3} />
      )}
      <div className="wizard-actions">
        <button type="button" className="button button-secondary" onClick={() => goToStep('files')}>
          <span aria-hidden="true">← </span>
          {t('review.back')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready}
          aria-describedby={blockers.length > 0 ? 'import-why' : undefined}
          onClick={() => void startImport()}
        >
          {starting
            ? t('review.starting')
            : t('review.import', { count: files.length, n: formatCount(files.length) })}
        </button>
      </div>
      {blockers.length > 0 && (
        <div id="import-why" className="wizard-why">
          <p>{t('review.before')}</p>
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
