import { useTranslation } from 'react-i18next';
import { IMPORT_KIND_LABELS } from '../../domain/jobLabels';
import { formatBytes, formatCount } from '../../format/format';
import { dataOf } from '../../stores/asyncState';
import { fileCount, kindTitle, problemCount, rowCount } from '../../stores/imports/importWords';
import type { WizardFile } from '../../stores/imports/wizardRules';
import { ProgressBar } from '../common/ProgressBar';
import { listedFiles } from './OneRosterFiles';

/** The files added so far: upload progress, then what Sightline found in each. */
export function UploadList({
  files,
  onRemove,
}: {
  files: readonly WizardFile[];
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation('imports');
  return (
    <ul className="upload-list" aria-label={t('uploadList.label')}>
      {files.map((file) => (
        <li key={file.id} className="upload-item">
          <div className="upload-item-head">
            <p className="upload-name">
              <span translate="no">{file.name}</span>{' '}
              <span className="muted">({formatBytes(file.size)})</span>
            </p>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('file.removeLabel', { file: file.name })}
              onClick={() => onRemove(file.id)}
            >
              {t('file.remove')}
            </button>
          </div>
          <UploadState file={file} />
        </li>
      ))}
    </ul>
  );
}

function UploadState({ file }: { file: WizardFile }) {
  const { t } = useTranslation('imports');
  if (file.upload === 'uploading') {
    return (
      <ProgressBar
        label={t('uploadList.uploading', { file: file.name })}
        value={file.size > 0 ? file.sent / file.size : 0}
        detail={t('uploadList.sent', {
          sent: formatBytes(file.sent),
          size: formatBytes(file.size),
        })}
        showLabel={false}
      />
    );
  }
  if (file.upload === 'failed') {
    return (
      <p className="field-error">
        {t('uploadList.uploadFailed', {
          reason: file.uploadError?.message ?? t('uploadList.connectionFailed'),
        })}
      </p>
    );
  }
  const preview = dataOf(file.preview);
  if (file.preview.status === 'error') {
    return (
      <p className="field-error">
        {t('uploadList.readFailed', { reason: file.preview.error.message })}
      </p>
    );
  }
  if (!preview || file.preview.status === 'loading') {
    return <p className="upload-status">{t('uploadList.checking')}</p>;
  }
  const bundle = preview.format === 'oneroster' ? preview.oneRoster : null;
  if (bundle) {
    const listed = listedFiles(bundle);
    const rows = listed.reduce((n, f) => n + (f.rows ?? 0), 0);
    if (bundle.version === null) {
      return (
        <p className="field-error">
          {t('uploadList.bundleUnusable', { problems: bundle.problems.join(' ') })}
        </p>
      );
    }
    const words = {
      kind: kindTitle('oneroster', preview.kindTitle),
      files: fileCount(listed.length),
      rows: rowCount(rows),
    };
    return (
      <p className="upload-status">
        <span aria-hidden="true">✓ </span>
        {bundle.problems.length > 0
          ? t('uploadList.bundleProblems', {
              ...words,
              problems: problemCount(bundle.problems.length),
            })
          : t('uploadList.bundle', words)}
      </p>
    );
  }
  const checked = {
    count: preview.check.rows,
    n: formatCount(preview.check.rows),
    kind: preview.kind ? IMPORT_KIND_LABELS[preview.kind] : t('uploadList.kindUnknown'),
  };
  return (
    <p className="upload-status">
      <span aria-hidden="true">✓ </span>
      {preview.check.problems.length > 0
        ? t('uploadList.checkedProblems', {
            ...checked,
            problems: problemCount(preview.check.problems.length),
          })
        : t('uploadList.checked', checked)}
    </p>
  );
}
