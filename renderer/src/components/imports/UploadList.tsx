import { IMPORT_KIND_LABELS } from '../../domain/jobLabels';
import { formatBytes, plural } from '../../format/format';
import { dataOf } from '../../stores/asyncState';
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
  return (
    <ul className="upload-list" aria-label="Files to import">
      {files.map((file) => (
        <li key={file.id} className="upload-item">
          <div className="upload-item-head">
            <p className="upload-name">
              {file.name} <span className="muted">({formatBytes(file.size)})</span>
            </p>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={`Remove ${file.name}`}
              onClick={() => onRemove(file.id)}
            >
              Remove
            </button>
          </div>
          <UploadState file={file} />
        </li>
      ))}
    </ul>
  );
}

function UploadState({ file }: { file: WizardFile }) {
  if (file.upload === 'uploading') {
    return (
      <ProgressBar
        label={`Uploading ${file.name}`}
        value={file.size > 0 ? file.sent / file.size : 0}
        detail={`${formatBytes(file.sent)} of ${formatBytes(file.size)} sent`}
        showLabel={false}
      />
    );
  }
  if (file.upload === 'failed') {
    return (
      <p className="field-error">
        Could not upload: {file.uploadError?.message ?? 'the connection failed.'} Remove it and add
        it again.
      </p>
    );
  }
  const preview = dataOf(file.preview);
  if (file.preview.status === 'error') {
    return (
      <p className="field-error">
        Uploaded, but Sightline could not read it: {file.preview.error.message}
      </p>
    );
  }
  if (!preview || file.preview.status === 'loading') {
    return <p className="upload-status">Uploaded. Checking what it holds…</p>;
  }
  const bundle = preview.format === 'oneroster' ? preview.oneRoster : null;
  if (bundle) {
    const listed = listedFiles(bundle);
    const rows = listed.reduce((n, f) => n + (f.rows ?? 0), 0);
    return (
      <p className={bundle.version === null ? 'field-error' : 'upload-status'}>
        {bundle.version === null ? (
          <>Uploaded, but Sightline cannot import it: {bundle.problems.join(' ')}</>
        ) : (
          <>
            <span aria-hidden="true">✓ </span>Uploaded ·{' '}
            {preview.kindTitle ?? IMPORT_KIND_LABELS.oneroster} · {plural(listed.length, 'file')},{' '}
            {plural(rows, 'row')}
            {bundle.problems.length > 0
              ? `, ${plural(bundle.problems.length, 'problem')} with the bundle`
              : ''}
          </>
        )}
      </p>
    );
  }
  return (
    <p className="upload-status">
      <span aria-hidden="true">✓ </span>Uploaded ·{' '}
      {preview.kind ? IMPORT_KIND_LABELS[preview.kind] : 'kind not recognised yet'} ·{' '}
      {plural(preview.check.rows, 'row')} checked
      {preview.check.problems.length > 0
        ? `, ${plural(preview.check.problems.length, 'problem')}`
        : ''}
    </p>
  );
}
