import { useId, useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_EXTENSIONS, isAcceptedFileName } from '../../stores/imports/chunks';
import { listWords } from '../../stores/imports/wizardRules';

/**
 * Where files come in: drop them on the zone, or use the "Choose files" button (the keyboard
 * way, and the only way on a touch screen). Files that are clearly not exports are refused here
 * with a reason; the core decides what the others are.
 */
export function FileDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
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
        <span aria-hidden="true">⇪ </span>Drop export files here, or
      </p>
      <button
        type="button"
        className="button"
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        Choose files
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label="Choose files"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
      <p id={hintId} className="drop-zone-hint">
        Sightline reads CSV exports from your student information system or learning platform
        (attendance, grades, incidents, activity), xAPI statements as a .jsonl file, and a OneRoster
        1.2 roster bundle as a .zip file. You can add several files at once.
      </p>
      {refused.length > 0 && (
        <p className="field-error" role="alert">
          {listWords(refused)} {refused.length === 1 ? 'is not an export' : 'are not exports'}{' '}
          Sightline reads. Choose .csv, .tsv, .txt, .jsonl or .zip files.
        </p>
      )}
    </div>
  );
}
