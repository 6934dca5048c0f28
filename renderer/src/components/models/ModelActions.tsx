import { useId, useState } from 'react';
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
    run('activate', 'activate this version', async () => {
      await activateModel(model.id, note.trim());
      return `${model.name} is now the active model. Every student’s score is being refreshed with it.`;
    });
  const rollback = () =>
    run('rollback', 'roll back to the previous model', async () => {
      await rollbackModel(note.trim());
      return 'Rolled back: the model that was active before this one is active again.';
    });
  const download = (format: ModelCardFormat) =>
    run(format, `download the model card${format === 'pdf' ? ' as PDF' : ''}`, async () => {
      const fileName = await downloadModelCard(model.id, format);
      return `Downloaded ${fileName}.`;
    });

  const noteField = (which: 'activate' | 'rollback') => (
    <div className="field">
      <label htmlFor={`${noteId}-${which}`}>Note for the model’s history (optional)</label>
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
            Activate
          </button>
        )}
        {canManage && model.status === 'active' && canRollBack && (
          <button
            type="button"
            className="button button-secondary"
            disabled={working !== null}
            onClick={() => setConfirming('rollback')}
          >
            Roll back…
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={working !== null}
          onClick={() => void download('markdown')}
        >
          Download model card (Markdown)
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={working !== null}
          onClick={() => void download('pdf')}
        >
          PDF<span className="visually-hidden"> of the model card</span>
        </button>
      </div>
      <p className="field-hint" role="status">
        {working === 'activate'
          ? 'Activating…'
          : working === 'rollback'
            ? 'Rolling back…'
            : working
              ? 'Preparing the model card…'
              : (done ?? '')}
      </p>
      {error && <ErrorPanel error={error.error} action={error.action} headingLevel={3} />}
      <ConfirmDialog
        open={confirming === 'activate'}
        title={`Activate ${model.name}?`}
        confirmLabel="Activate"
        cancelLabel="Keep the current model"
        onConfirm={() => void activate()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          Every student’s risk score will come from this version. Sightline activates it only if it
          beat the active model on the same held-out students; otherwise it says why and nothing
          changes. You can roll back afterwards.
        </p>
        {noteField('activate')}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'rollback'}
        title="Roll back to the previous model?"
        confirmLabel="Roll back"
        cancelLabel="Keep this model"
        onConfirm={() => void rollback()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          The model that was active before {model.name} becomes active again, and every student’s
          score is refreshed with it. {model.name} stays in the list and can be activated later.
        </p>
        {noteField('rollback')}
      </ConfirmDialog>
    </div>
  );
}
