import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { addFiles, goToStep, removeFile, wizardStore } from '../../stores/imports/wizardStore';
import { FileDropZone } from './FileDropZone';
import { UploadList } from './UploadList';

/** Step 1: add the exports to import; each uploads at once, with its own progress bar. */
export function FilesStep() {
  const { t } = useTranslation('imports');
  const files = useStore(wizardStore, (s) => s.files);
  const uploading = files.some((f) => f.upload === 'uploading');
  const ready = files.length > 0 && !uploading;
  return (
    <>
      <FileDropZone onFiles={addFiles} />
      {files.length > 0 && <UploadList files={files} onRemove={removeFile} />}
      <div className="wizard-actions">
        <button
          type="button"
          className="button"
          disabled={!ready}
          aria-describedby={ready ? undefined : 'files-step-why'}
          onClick={() => goToStep('review')}
        >
          {t('filesStep.continue')}
          <span aria-hidden="true"> →</span>
        </button>
        {!ready && (
          <p id="files-step-why" className="wizard-why">
            {files.length === 0 ? t('filesStep.whyNoFiles') : t('filesStep.whyUploading')}
          </p>
        )}
      </div>
    </>
  );
}
