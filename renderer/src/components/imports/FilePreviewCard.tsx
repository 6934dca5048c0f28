import type { ImportPreview } from '../../api/types';
import { delimiterLabel } from '../../domain/jobLabels';
import { formatBytes, formatCount, formatDateTime, plural } from '../../format/format';
import { dataOf } from '../../stores/asyncState';
import type { WizardFile } from '../../stores/imports/wizardRules';
import {
  chooseColumn,
  chooseKind,
  previewFile,
  removeFile,
} from '../../stores/imports/wizardStore';
import { Value } from '../common/Value';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';
import { CheckSummary } from './CheckSummary';
import { KindSelect } from './KindSelect';
import { MappingFields } from './MappingFields';
import { listedFiles, OneRosterFiles } from './OneRosterFiles';
import { SampleTable } from './SampleTable';

const FORMAT_LABELS: Record<ImportPreview['format'], string> = {
  csv: 'CSV',
  jsonl: 'JSON lines (xAPI)',
  oneroster: 'OneRoster bundle',
};

/** One file in the review step: what it is, its first rows, its columns, and the first-rows check. */
export function FilePreviewCard({ file }: { file: WizardFile }) {
  const preview = dataOf(file.preview);
  const busy = file.preview.status === 'loading';
  const headingId = `${file.id}-title`;
  return (
    <section className="card preview-card" aria-labelledby={headingId} aria-busy={busy}>
      <div className="card-head">
        <h3 id={headingId} className="card-title">
          {file.name}
        </h3>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={`Remove ${file.name}`}
          onClick={() => removeFile(file.id)}
        >
          Remove
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {busy && preview ? `Checking ${file.name} again…` : ''}
      </p>
      {file.upload !== 'uploaded' ? (
        <p className={file.upload === 'failed' ? 'field-error' : 'muted'}>
          {file.upload === 'failed'
            ? `This file could not be uploaded: ${file.uploadError?.message ?? ''} Remove it and add it again.`
            : 'Still uploading…'}
        </p>
      ) : file.preview.status === 'error' ? (
        <ErrorPanel
          error={file.preview.error}
          action={`read ${file.name}`}
          headingLevel={3}
          onRetry={() => void previewFile(file.id)}
        />
      ) : !preview ? (
        <LoadingState what={`what ${file.name} holds`} lines={4} />
      ) : (
        <PreviewBody file={file} preview={preview} busy={busy} />
      )}
    </section>
  );
}

function PreviewBody({
  file,
  preview,
  busy,
}: {
  file: WizardFile;
  preview: ImportPreview;
  busy: boolean;
}) {
  const bundle = preview.format === 'oneroster' ? preview.oneRoster : null;
  return (
    <div className={busy ? 'preview-body is-busy' : 'preview-body'}>
      {bundle ? <BundleFacts preview={preview} bundle={bundle} /> : <FileFacts preview={preview} />}
      {preview.alreadyImported && (
        <p className="notice">
          This exact file was already imported on {formatDateTime(preview.alreadyImported.at)} (as{' '}
          {preview.alreadyImported.fileName}). Importing it again changes nothing; rows that were
          quarantined then are quarantined again.
        </p>
      )}
      {preview.notAllowed && (
        <p className="field-error" role="alert">
          {preview.notAllowed}
        </p>
      )}
      <KindSelect
        preview={preview}
        disabled={busy}
        onChoose={(kind) => chooseKind(file.id, kind)}
      />
      {bundle ? (
        <>
          <OneRosterFiles bundle={bundle} fileName={preview.fileName} />
          {bundle.version !== null && (
            <p>
              Every row is checked as it is imported. A row Sightline cannot use is set aside
              (quarantined) with its line and the reason, and the report lists it; the other rows
              are imported.
            </p>
          )}
        </>
      ) : (
        <>
          <SampleTable preview={preview} />
          {preview.kind && preview.fields.length > 0 && (
            <MappingFields
              preview={preview}
              fileId={file.id}
              disabled={busy}
              onChoose={(field, column) => chooseColumn(file.id, field, column)}
            />
          )}
          {preview.missingRequired.length > 0 && (
            <p className="field-error">
              {plural(preview.missingRequired.length, 'required field')} still{' '}
              {preview.missingRequired.length === 1 ? 'needs' : 'need'} a column:{' '}
              {preview.missingRequired.join(', ')}.
            </p>
          )}
          <CheckSummary
            check={preview.check}
            headingId={`${file.id}-check`}
            onCheckAgain={() => void previewFile(file.id)}
          />
        </>
      )}
    </div>
  );
}

function FileFacts({ preview }: { preview: ImportPreview }) {
  return (
    <dl className="facts">
      <div>
        <dt>Format</dt>
        <dd>{FORMAT_LABELS[preview.format]}</dd>
      </div>
      <div>
        <dt>Text encoding</dt>
        <dd>
          <Value text={preview.encoding} />
        </dd>
      </div>
      <div>
        <dt>Separator</dt>
        <dd>
          <Value text={delimiterLabel(preview.delimiter)} />
        </dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>{formatBytes(preview.bytes)}</dd>
      </div>
      <div>
        <dt>Columns</dt>
        <dd>{preview.headers.length}</dd>
      </div>
    </dl>
  );
}

/** A bundle's encoding, separator and columns are fixed by the standard: its files say more. */
function BundleFacts({
  preview,
  bundle,
}: {
  preview: ImportPreview;
  bundle: NonNullable<ImportPreview['oneRoster']>;
}) {
  const listed = listedFiles(bundle);
  const rows = listed.reduce((n, f) => n + (f.rows ?? 0), 0);
  return (
    <dl className="facts">
      <div>
        <dt>Format</dt>
        <dd>{FORMAT_LABELS[preview.format]}</dd>
      </div>
      <div>
        <dt>OneRoster version</dt>
        <dd>
          <Value text={bundle.version} />
        </dd>
      </div>
      <div>
        <dt>Files to import</dt>
        <dd>{formatCount(listed.length)}</dd>
      </div>
      <div>
        <dt>Rows</dt>
        <dd>{formatCount(rows)}</dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>{formatBytes(preview.bytes)}</dd>
      </div>
    </dl>
  );
}
