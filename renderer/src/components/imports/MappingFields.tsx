import type { ImportFieldView, ImportPreview } from '../../api/types';
import { columnOptions, sharedColumns } from '../../stores/imports/wizardRules';

const MAPPING_SOURCE: Record<ImportPreview['mappingSource'], string> = {
  remembered: 'Sightline used the matching you confirmed for this export last time.',
  detected: 'Sightline matched these by the column names. Check them before importing.',
  yours: 'These are your choices.',
};

/** For each field Sightline needs, a labelled choice of the file's columns. */
export function MappingFields({
  preview,
  fileId,
  disabled,
  onChoose,
}: {
  preview: ImportPreview;
  fileId: string;
  disabled: boolean;
  onChoose: (fieldKey: string, column: number | null) => void;
}) {
  const options = columnOptions(preview);
  const shared = sharedColumns(preview.mapping);
  const labelOf = (key: string) => preview.fields.find((f) => f.key === key)?.label ?? key;
  return (
    <fieldset className="mapping">
      <legend className="mapping-legend">Match the file’s columns to what Sightline needs</legend>
      <p className="field-hint">
        {MAPPING_SOURCE[preview.mappingSource]} Fields marked <strong>required</strong> must have a
        column.
      </p>
      <div className="mapping-grid">
        {preview.fields.map((field) => (
          <MappingField
            key={field.key}
            field={field}
            id={`${fileId}-field-${field.key}`}
            value={preview.mapping[field.key] ?? null}
            options={options}
            sharedWith={(shared[field.key] ?? []).map(labelOf)}
            disabled={disabled}
            onChoose={(column) => onChoose(field.key, column)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function MappingField({
  field,
  id,
  value,
  options,
  sharedWith,
  disabled,
  onChoose,
}: {
  field: ImportFieldView;
  id: string;
  value: number | null;
  options: ReturnType<typeof columnOptions>;
  sharedWith: string[];
  disabled: boolean;
  onChoose: (column: number | null) => void;
}) {
  const missing = field.required && value === null;
  const describedBy = [
    field.help ? `${id}-help` : null,
    missing ? `${id}-error` : null,
    sharedWith.length ? `${id}-shared` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field mapping-field${missing ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {field.label}{' '}
        {field.required ? (
          <span className="required-mark">(required)</span>
        ) : (
          <span className="optional-mark">(optional)</span>
        )}
      </label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        disabled={disabled}
        aria-invalid={missing || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChoose(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{field.required ? '— choose a column —' : '— not in this file —'}</option>
        {options.map((o) => (
          <option key={o.index} value={String(o.index)}>
            {o.label}
          </option>
        ))}
      </select>
      {field.help && (
        <p id={`${id}-help`} className="field-hint">
          {field.help}
        </p>
      )}
      {missing && (
        <p id={`${id}-error`} className="field-error">
          Choose the column that holds the {field.label.toLowerCase()}.
        </p>
      )}
      {sharedWith.length > 0 && (
        <p id={`${id}-shared`} className="field-hint">
          The same column is also used for {sharedWith.join(' and ')}.
        </p>
      )}
    </div>
  );
}
