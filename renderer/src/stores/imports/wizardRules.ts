/**
 * The import wizard's rules as pure functions of its state: which columns a field can take, what
 * still stops the import, and the `imports.start` input. No DOM, no API calls (unit-tested).
 */
import type { ApiError } from '../../../../main/api/contract';
import type { ColumnMapping, ImportKind, ImportPreview, Input } from '../../api/types';
import { currentLanguage, i18n, intlLocale } from '../../i18n';
import type { AsyncState } from '../asyncState';
import { dataOf } from '../asyncState';
import { missingFieldLabels } from './importWords';

export type WizardStep = 'files' | 'review' | 'run' | 'report';

/** The wizard's steps in order; their names are `imports:steps.<step>`. */
export const WIZARD_STEPS: readonly WizardStep[] = ['files', 'review', 'run', 'report'];

export interface WizardFile {
  /** Local id (the same file may be added twice). */
  id: string;
  name: string;
  size: number;
  sent: number;
  upload: 'uploading' | 'uploaded' | 'failed';
  uploadError: ApiError | null;
  stagedId: string | null;
  preview: AsyncState<ImportPreview>;
  /** The kind the user chose; null lets Sightline detect it. */
  chosenKind: ImportKind | null;
  /** The columns the user chose; null keeps Sightline's (remembered or detected) matching. */
  chosenMapping: ColumnMapping | null;
}

export interface ColumnOption {
  index: number;
  label: string;
}

/**
 * One option per column of the file: its header (or "Column 3" when blank), made unique when two
 * headers repeat, with the first sample value as a hint ("Student Number — e.g. 100234").
 */
export function columnOptions(preview: Pick<ImportPreview, 'headers' | 'sample'>): ColumnOption[] {
  const names = preview.headers.map((h, i) => h.trim() || columnName(i));
  const first = preview.sample[0]?.values ?? [];
  return names.map((name, index) => {
    const repeated = names.filter((n) => n === name).length > 1;
    const base = repeated ? i18n.t('imports:columns.repeated', { name, number: index + 1 }) : name;
    const example = first[index]?.trim();
    return {
      index,
      label: example
        ? i18n.t('imports:columns.withExample', { column: base, example: truncate(example, 30) })
        : base,
    };
  });
}

/** "Column 3": a column whose header is blank. */
export function columnName(index: number): string {
  return i18n.t('imports:columns.blank', { number: index + 1 });
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The mapping after the user picks a column (or none) for one field. */
export function withColumn(
  mapping: ColumnMapping,
  fieldKey: string,
  column: number | null,
): ColumnMapping {
  return { ...mapping, [fieldKey]: column };
}

/** Fields mapped to the same column as another field, by field key → the other field keys. */
export function sharedColumns(mapping: ColumnMapping): Record<string, string[]> {
  const shared: Record<string, string[]> = {};
  for (const [key, column] of Object.entries(mapping)) {
    if (column === null) continue;
    const others = Object.entries(mapping)
      .filter(([other, c]) => other !== key && c === column)
      .map(([other]) => other);
    if (others.length > 0) shared[key] = others;
  }
  return shared;
}

/**
 * Why the Import button is not ready yet, one plain sentence per problem, in file order; an empty
 * list means every file is uploaded, understood and mapped.
 */
export function importBlockers(files: readonly WizardFile[]): string[] {
  if (files.length === 0) return [i18n.t('imports:blockers.none')];
  const reasons: string[] = [];
  for (const wizardFile of files) {
    const file = wizardFile.name;
    const preview = dataOf(wizardFile.preview);
    if (wizardFile.upload === 'uploading')
      reasons.push(i18n.t('imports:blockers.uploading', { file }));
    else if (wizardFile.upload === 'failed')
      reasons.push(i18n.t('imports:blockers.uploadFailed', { file }));
    else if (wizardFile.preview.status === 'error')
      reasons.push(i18n.t('imports:blockers.unreadable', { file }));
    else if (wizardFile.preview.status !== 'ready' || !preview)
      reasons.push(i18n.t('imports:blockers.checking', { file }));
    else if (preview.notAllowed)
      reasons.push(i18n.t('imports:blockers.notAllowed', { file, reason: preview.notAllowed }));
    else if (preview.kind === null) reasons.push(i18n.t('imports:blockers.chooseKind', { file }));
    else if (preview.oneRoster && preview.oneRoster.version === null)
      reasons.push(i18n.t('imports:blockers.badBundle', { file }));
    else if (preview.missingRequired.length > 0)
      reasons.push(
        i18n.t('imports:blockers.chooseColumns', {
          file,
          fields: listWords(missingFieldLabels(preview)),
        }),
      );
  }
  return reasons;
}

/**
 * "A", "A and B", "A, B and C", as the UI language writes a list: Sightline's English puts no
 * comma before "and" (the en-GB rule); Spanish writes "y", or "e" before an "i" sound.
 */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  const locale = currentLanguage() === 'en' ? 'en-GB' : intlLocale();
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(words);
}

/**
 * The `imports.start` input: each file with the kind and columns its last preview showed, so
 * the import does exactly what the user checked. Null while any file is not ready.
 */
export function startInput(
  files: readonly WizardFile[],
  runPipeline: boolean,
): Input<'imports.start'> | null {
  if (importBlockers(files).length > 0) return null;
  const list = files.map((file) => {
    const preview = dataOf(file.preview)!;
    return { stagedId: file.stagedId!, kind: preview.kind!, mapping: preview.mapping };
  });
  return { files: list, runPipeline };
}
