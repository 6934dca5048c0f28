import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview } from '../../api/types';
import { IMPORT_KIND_LABELS } from '../../domain/jobLabels';
import { kindTitle } from '../../stores/imports/importWords';
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
  const { t } = useTranslation('imports');
  const id = useId();
  const helpId = useId();
  if (preview.kind && preview.candidates.length === 0) {
    // A OneRoster bundle or xAPI statements: recognised by their contents, with fields fixed by
    // their standard, so there is nothing to choose and no columns to match.
    return (
      <p className="kind-field">
        <Trans
          t={t}
          i18nKey={preview.format === 'oneroster' ? 'kind.fixedOneRoster' : 'kind.fixedStatements'}
          values={{ kind: fixedTitle(preview, preview.kind) }}
          components={{ strong: <strong /> }}
        />
      </p>
    );
  }
  const others = preview.candidates
    .filter((c) => c.kind !== preview.kind && c.score > 0)
    .map((c) => kindTitle(c.kind, c.title));
  const detected = preview.kind
    ? t('kind.detected', { kind: kindTitle(preview.kind, preview.kindTitle) })
    : t('kind.unknown');
  return (
    <div className="field kind-field">
      <label htmlFor={id}>{t('kind.label')}</label>
      <select
        id={id}
        value={preview.kind ?? ''}
        disabled={disabled}
        aria-describedby={helpId}
        onChange={(e) => {
          if (e.target.value) onChoose(e.target.value as ImportKind);
        }}
      >
        {preview.kind === null && <option value="">{t('kind.choose')}</option>}
        {preview.candidates.map((c, i) => (
          <option key={c.kind} value={c.kind}>
            {i === 0 && c.score > 0
              ? t('kind.bestMatch', { kind: kindTitle(c.kind, c.title) })
              : kindTitle(c.kind, c.title)}
          </option>
        ))}
      </select>
      <p id={helpId} className="field-hint">
        {others.length > 0
          ? `${detected} ${t('kind.alsoConsidered', { kinds: listWords(others) })}`
          : detected}
      </p>
    </div>
  );
}

/** The server's title ("OneRoster 1.2 roster"), unless the bundle's manifest says otherwise. */
function fixedTitle(preview: ImportPreview, kind: ImportKind): string {
  if (preview.oneRoster && preview.oneRoster.version === null) return IMPORT_KIND_LABELS[kind];
  return kindTitle(kind, preview.kindTitle);
}
