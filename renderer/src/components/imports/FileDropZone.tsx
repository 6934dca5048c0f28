import { useId, useRef, useState, type DragEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ACCEPTED_EXTENSIONS, isAcceptedFileName } from '../../stores/imports/chunks';
import { listWords } from '../../stores/imports/wizardRules';
import { AS_IS } from './asIs';

/**
 * Where files come in: drop them on the zone, or use the "Choose files" button (the keyboard
 * way, and the only way on a touch screen). Files that are clearly not exports are refused here
 * with a reason; the core decides what the others are.
 */
export function FileDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation('imports');
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);

  const take = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    const accepted = files.filter((f) => isAcceptedFileName(f.name));
    setRefused(files.filter((f) => !isAcceptedFileName(f.name)).map((f) => f.name));
    if (accepted.length > 0) onFiles(accepted);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <div
      className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone-title">
        <span aria-hidden="true">⇪ </span>
        {t('dropZone.title')}
      </p>
      <button
        type="button"
        className="button"
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        {t('dropZone.choose')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={t('dropZone.choose')}
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
      <p id={hintId} className="drop-zone-hint">
        {t('dropZone.hint')}
      </p>
      {refused.length > 0 && (
        <p className="field-error" role="alert">
          <Trans
            t={t}
            i18nKey="dropZone.refused"
            count={refused.length}
            values={{ files: listWords(refused) }}
            components={AS_IS}
          />
        </p>
      )}
    </div>
  );
}
