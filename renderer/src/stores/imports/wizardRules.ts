/**
 * The import wizard's rules as pure functions of its state: which columns a field can take, what
 * still stops the import, and the `imports.start` input. No DOM, no API calls (unit-tested).
 */
import type { ApiError } from '../../../../main/api/contract';
import type { ColumnMapping, ImportKind, ImportPreview, Input } from '../../api/types';
import type { AsyncState } from '../asyncState';
import { dataOf } from '../asyncState';

export type WizardStep = 'files' | 'review' | 'run' | 'report';

export const WIZARD_STEPS: { step: WizardStep; title: string }[] = [
  { step: 'files', title: 'Choose files' },
  { step: 'review', title: 'Check and match columns' },
  { step: 'run', title: 'Import' },
  { step: 'report', title: 'Report' },
];

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
  const names = preview.headers.map((h, i) => h.trim() || `Column ${i + 1}`);
  const first = preview.sample[0]?.values ?? [];
  return names.map((name, index) => {
    const repeated = names.filter((n) => n === name).length > 1;
    const base = repeated ? `${name} (column ${index + 1})` : name;
    const example = first[index]?.trim();
    return { index, label: example ? `${base} — e.g. ${truncate(example, 30)}` : base };
  });
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
  if (files.length === 0) return ['Add at least one file.'];
  const reasons: string[] = [];
  for (const file of files) {
    const preview = dataOf(file.preview);
    if (file.upload === 'uploading') reasons.push(`${file.name} is still uploading.`);
    else if (file.upload === 'failed')
      reasons.push(`${file.name} could not be uploaded: remove it or add it again.`);
    else if (file.preview.status === 'error')
      reasons.push(`${file.name} could not be read: remove it to import the other files.`);
    else if (file.preview.status !== 'ready' || !preview)
      reasons.push(`Sightline is still checking ${file.name}.`);
    else if (preview.notAllowed) reasons.push(`${file.name}: ${preview.notAllowed}`);
    else if (preview.kind === null) reasons.push(`Choose what kind of file ${file.name} is.`);
    else if (preview.oneRoster && preview.oneRoster.version === null)
      reasons.push(
        `${file.name} is not a bundle Sightline can import: remove it to import the others.`,
      );
    else if (preview.missingRequired.length > 0)
      reasons.push(`Choose the column for ${listWords(preview.missingRequired)} in ${file.name}.`);
  }
  return reasons;
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
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
