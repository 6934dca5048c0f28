import { Trans, useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../api/types';
import { delimiterLabel } from '../../domain/jobLabels';
import { formatBytes, formatCount, formatDateTime } from '../../format/format';
import { dataOf } from '../../stores/asyncState';
import { missingFieldLabels } from '../../stores/imports/importWords';
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
import { AS_IS } from './asIs';
import { CheckSummary } from './CheckSummary';
import { KindSelect } from './KindSelect';
import { MappingFields } from './MappingFields';
import { listedFiles, OneRosterFiles } from './OneRosterFiles';
import { SampleTable } from './SampleTable';

/** One file in the review step: what it is, its first rows, its columns, and the first-rows check. */
export function FilePreviewCard({ file }: { file: WizardFile }) {
  const { t } = useTranslation('imports');
  const preview = dataOf(file.preview);
  const busy = file.preview.status === 'loading';
  const headingId = `${file.id}-title`;
  return (
    <section className="card preview-card" aria-labelledby={headingId} aria-busy={busy}>
      <div className="card-head">
        <h3 id={headingId} className="card-title" translate="no">
          {file.name}
        </h3>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={t('file.removeLabel', { file: file.name })}
          onClick={() => removeFile(file.id)}
        >
          {t('file.remove')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {busy && preview ? (
          <Trans
            t={t}
            i18nKey="preview.checkingAgain"
            values={{ file: file.name }}
            components={AS_IS}
          />
        ) : (
          ''
        )}
      </p>
      {file.upload !== 'uploaded' ? (
        <p className={file.upload === 'failed' ? 'field-error' : 'muted'}>
          {file.upload === 'failed'
            ? t('preview.uploadFailed', { message: file.uploadError?.message ?? '' })
            : t('preview.stillUploading')}
        </p>
      ) : file.preview.status === 'error' ? (
        <ErrorPanel
          error={file.preview.error}
          action={t('preview.errorRead', { file: file.name })}
          headingLevel={3}
          onRetry={() => void previewFile(file.id)}
        />
      ) : !preview ? (
        <LoadingState what={t('preview.loading', { file: file.name })} lines={4} />
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
  const { t } = useTranslation('imports');
  const bundle = preview.format === 'oneroster' ? preview.oneRoster : null;
  const missing = preview.missingRequired.length;
  return (
    <div className={busy ? 'preview-body is-busy' : 'preview-body'}>
      {bundle ? <BundleFacts preview={preview} bundle={bundle} /> : <FileFacts preview={preview} />}
      {preview.alreadyImported && (
        <p className="notice">
          <Trans
            t={t}
            i18nKey="preview.alreadyImported"
            values={{
              date: formatDateTime(preview.alreadyImported.at),
              file: preview.alreadyImported.fileName,
            }}
            components={AS_IS}
          />
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
          {bundle.version !== null && <p>{t('preview.bundleNote')}</p>}
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
          {missing > 0 && (
            <p className="field-error">
              {t('preview.missingRequired', {
                count: missing,
                n: formatCount(missing),
                fields: missingFieldLabels(preview).join(', '),
              })}
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
  const { t } = useTranslation('imports');
  return (
    <dl className="facts">
      <div>
        <dt>{t('preview.facts.format')}</dt>
        <dd>{t(`preview.formats.${preview.format}`)}</dd>
      </div>
      <div>
        <dt>{t('preview.facts.encoding')}</dt>
        <dd translate="no">
          <Value text={preview.encoding} />
        </dd>
      </div>
      <div>
        <dt>{t('preview.facts.separator')}</dt>
        <dd>
          <Value text={delimiterLabel(preview.delimiter)} />
        </dd>
      </div>
      <div>
        <dt>{t('preview.facts.size')}</dt>
        <dd>{formatBytes(preview.bytes)}</dd>
      </div>
      <div>
        <dt>{t('preview.facts.columns')}</dt>
        <dd>{formatCount(preview.headers.length)}</dd>
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
  const { t } = useTranslation('imports');
  const listed = listedFiles(bundle);
  const rows = listed.reduce((n, f) => n + (f.rows ?? 0), 0);
  return (
    <dl className="facts">
      <div>
        <dt>{t('preview.facts.format')}</dt>
        <dd>{t(`preview.formats.${preview.format}`)}</dd>
      </div>
      <div>
        <dt>{t('preview.facts.version')}</dt>
        <dd>
          <Value text={bundle.version} />
        </dd>
      </div>
      <div>
        <dt>{t('preview.facts.filesToImport')}</dt>
        <dd>{formatCount(listed.length)}</dd>
      </div>
      <div>
        <dt>{t('preview.facts.rows')}</dt>
        <dd>{formatCount(rows)}</dd>
      </div>
      <div>
        <dt>{t('preview.facts.size')}</dt>
        <dd>{formatBytes(preview.bytes)}</dd>
      </div>
    </dl>
  );
}
