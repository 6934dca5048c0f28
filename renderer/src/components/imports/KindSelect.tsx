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
  if (preview.kind && preview.candidates.length === 0) {
    // A OneRoster bundle or xAPI statements: recognised by their contents, with fields fixed by
    // their standard, so there is nothing to choose and no columns to match.
    return (
      <p className="kind-field">
        Kind of file: <strong>{fixedTitle(preview, preview.kind)}</strong>.{' '}
        {preview.format === 'oneroster'
          ? 'Recognised by its manifest.csv. The standard fixes every file’s columns, so there are none to match.'
          : 'The standard fixes the statements’ fields, so there are no columns to match.'}
      </p>
    );
  }
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

/** The server's title ("OneRoster 1.2 roster"), unless the bundle's manifest says otherwise. */
function fixedTitle(preview: ImportPreview, kind: ImportKind): string {
  if (preview.oneRoster && preview.oneRoster.version === null) return IMPORT_KIND_LABELS[kind];
  return preview.kindTitle ?? IMPORT_KIND_LABELS[kind];
}
