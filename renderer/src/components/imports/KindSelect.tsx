import { useId } from 'react';
import type { ImportKind, ImportPreview } from '../../api/types';
import { IMPORT_KIND_LABELS } from '../../domain/jobLabels';
import { listWords } from '../../stores/imports/wizardRules';

/** What kind of export this is: Sightline's best guess first; the user can choose another. */
export function KindSelect({
  preview,
  disabled,
  onChoose,
}: {
  preview: ImportPreview;
  disabled: boolean;
  onChoose: (kind: ImportKind) => void;
}) {
  const id = useId();
  const helpId = useId();
  const others = preview.candidates
    .filter((c) => c.kind !== preview.kind && c.score > 0)
    .map((c) => c.title);
  return (
    <div className="field kind-field">
      <label htmlFor={id}>What kind of file is this?</label>
      <select
        id={id}
        value={preview.kind ?? ''}
        disabled={disabled}
        aria-describedby={helpId}
        onChange={(e) => {
          if (e.target.value) onChoose(e.target.value as ImportKind);
        }}
      >
        {preview.kind === null && <option value="">— choose the kind of file —</option>}
        {preview.candidates.map((c, i) => (
          <option key={c.kind} value={c.kind}>
            {c.title || IMPORT_KIND_LABELS[c.kind]}
            {i === 0 && c.score > 0 ? ' (best match)' : ''}
          </option>
        ))}
      </select>
      <p id={helpId} className="field-hint">
        {preview.kind
          ? `Detected from the file’s name and columns: ${preview.kindTitle ?? IMPORT_KIND_LABELS[preview.kind]}.`
          : 'Sightline could not tell what this file holds. Choose its kind.'}
        {others.length > 0 ? ` Sightline also considered ${listWords(others)}.` : ''}
      </p>
    </div>
  );
}
