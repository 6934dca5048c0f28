import { Trans, useTranslation } from 'react-i18next';
import type { ImportFieldView, ImportKind, ImportPreview } from '../../api/types';
import { fieldHelpKey, fieldLabel } from '../../stores/imports/importWords';
import { columnOptions, listWords, sharedColumns } from '../../stores/imports/wizardRules';
import { AS_IS } from './asIs';

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
  const { t } = useTranslation('imports');
  const options = columnOptions(preview);
  const shared = sharedColumns(preview.mapping);
  const labelOf = (key: string) => {
    const field = preview.fields.find((f) => f.key === key);
    return field ? fieldLabel(preview.kind, field) : key;
  };
  return (
    <fieldset className="mapping">
      <legend className="mapping-legend">{t('mapping.legend')}</legend>
      <p className="field-hint">
        {t(`mapping.source.${preview.mappingSource}`)}{' '}
        <Trans t={t} i18nKey="mapping.requiredNote" components={{ strong: <strong /> }} />
      </p>
      <div className="mapping-grid">
        {preview.fields.map((field) => (
          <MappingField
            key={field.key}
            kind={preview.kind}
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
  kind,
  field,
  id,
  value,
  options,
  sharedWith,
  disabled,
  onChoose,
}: {
  kind: ImportKind | null;
  field: ImportFieldView;
  id: string;
  value: number | null;
  options: ReturnType<typeof columnOptions>;
  sharedWith: string[];
  disabled: boolean;
  onChoose: (column: number | null) => void;
}) {
  const { t } = useTranslation('imports');
  const label = fieldLabel(kind, field);
  const helpKey = fieldHelpKey(kind, field);
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
        {label}{' '}
        {field.required ? (
          <span className="required-mark">{t('mapping.required')}</span>
        ) : (
          <span className="optional-mark">{t('mapping.optional')}</span>
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
        <option value="">
          {field.required ? t('mapping.chooseColumn') : t('mapping.notInFile')}
        </option>
        {/* The file's own header and first value, with "e.g." in the UI language. */}
        {options.map((o) => (
          <option key={o.index} value={String(o.index)} translate="no">
            {o.label}
          </option>
        ))}
      </select>
      {field.help && (
        <p id={`${id}-help`} className="field-hint">
          {helpKey ? <Trans t={t} i18nKey={helpKey} components={AS_IS} /> : field.help}
        </p>
      )}
      {missing && (
        <p id={`${id}-error`} className="field-error">
          {t('mapping.missing', { field: label.toLowerCase() })}
        </p>
      )}
      {sharedWith.length > 0 && (
        <p id={`${id}-shared`} className="field-hint">
          {t('mapping.shared', { fields: listWords(sharedWith) })}
        </p>
      )}
    </div>
  );
}
