import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import type { ModelCardFormat, ModelVersionView } from '../../api/types';
import { activateModel, rollbackModel } from '../../stores/models/modelActions';
import { downloadModelCard } from '../../stores/models/modelCard';
import { toApiError } from '../../stores/request';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorPanel } from '../feedback/ErrorPanel';

type Pending = 'activate' | 'rollback' | null;

const NOTE_MAX = 500;

/**
 * What can be done with a version: download its model card (anyone who can see it), and for
 * district admins activate a candidate or roll the active model back (each confirmed first,
 * with an optional note kept in the model's history). The core refuses an activation that did
 * not beat the active model; its reason is shown as it comes.
 */
export function ModelActions({
  model,
  canManage,
  canRollBack,
}: {
  model: ModelVersionView;
  canManage: boolean;
  canRollBack: boolean;
}) {
  const { t } = useTranslation('models');
  const [confirming, setConfirming] = useState<Pending>(null);
  const [note, setNote] = useState('');
  const [working, setWorking] = useState<Pending | ModelCardFormat>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<{ action: string; error: ApiError } | null>(null);
  const noteId = useId();

  const run = async (
    what: Pending | ModelCardFormat,
    action: string,
    task: () => Promise<string>,
  ) => {
    setConfirming(null);
    setWorking(what);
    setDone(null);
    setError(null);
    try {
      setDone(await task());
      setNote('');
    } catch (err) {
      setError({ action, error: toApiError(err) });
    } finally {
      setWorking(null);
    }
  };

  const activate = () =>
    run('activate', t('actions.activateAction'), async () => {
      await activateModel(model.id, note.trim());
      return t('actions.activated', { name: model.name });
    });
  const rollback = () =>
    run('rollback', t('actions.rollBackAction'), async () => {
      await rollbackModel(note.trim());
      return t('actions.rolledBack');
    });
  const download = (format: ModelCardFormat) =>
    run(
      format,
      format === 'pdf' ? t('actions.downloadPdfAction') : t('actions.downloadAction'),
      async () => {
        const fileName = await downloadModelCard(model.id, format);
        return t('actions.downloaded', { fileName });
      },
    );

  const noteField = (which: 'activate' | 'rollback') => (
    <div className="field">
      <label htmlFor={`${noteId}-${which}`}>{t('actions.note')}</label>
      <textarea
        id={`${noteId}-${which}`}
        rows={2}
        maxLength={NOTE_MAX}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </div>
  );

  return (
    <div className="model-actions">
      <div className="wizard-actions">
        {canManage && model.status === 'candidate' && (
          <button
            type="button"
            className="button"
            disabled={working !== null}
            onClick={() => setConfirming('activate')}
          >
            {t('actions.activate')}
          </button>
        )}
        {canManage && model.status === 'active' && canRollBack && (
          <button
            type="button"
            className="button button-secondary"
            disabled={working !== null}
            onClick={() => setConfirming('rollback')}
          >
            {t('actions.rollBack')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={working !== null}
          onClick={() => void download('markdown')}
        >
          {t('actions.downloadMarkdown')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={working !== null}
          onClick={() => void download('pdf')}
        >
          <Trans
            t={t}
            i18nKey="actions.downloadPdf"
            components={{ hidden: <span className="visually-hidden" /> }}
          />
        </button>
      </div>
      <p className="field-hint" role="status">
        {working === 'activate'
          ? t('actions.activating')
          : working === 'rollback'
            ? t('actions.rollingBack')
            : working
              ? t('actions.preparingCard')
              : (done ?? '')}
      </p>
      {error && <ErrorPanel error={error.error} action={error.action} headingLevel={3} />}
      <ConfirmDialog
        open={confirming === 'activate'}
        title={t('actions.confirmActivate.title', { name: model.name })}
        confirmLabel={t('actions.confirmActivate.confirm')}
        cancelLabel={t('actions.confirmActivate.cancel')}
        onConfirm={() => void activate()}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('actions.confirmActivate.body')}</p>
        {noteField('activate')}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'rollback'}
        title={t('actions.confirmRollBack.title')}
        confirmLabel={t('actions.confirmRollBack.confirm')}
        cancelLabel={t('actions.confirmRollBack.cancel')}
        onConfirm={() => void rollback()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          <Trans
            t={t}
            i18nKey="actions.confirmRollBack.body"
            values={{ name: model.name }}
            components={{ name: <span translate="no" /> }}
          />
        </p>
        {noteField('rollback')}
      </ConfirmDialog>
    </div>
  );
}
