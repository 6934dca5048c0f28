/**
 * The import wizard's words for what the core names in English: kinds of file, and the fields
 * Sightline needs from a file (ImportPreview `kindTitle`, `candidates[].title`, `fields[].label`
 * and `help`, `missingRequired`). The renderer shows the `imports` namespace's words for the same
 * kind and field, in the UI language, as long as the English file still says exactly what the
 * core says; when the core's wording has changed, the core's own words show until the locale
 * files catch up, rather than out-of-date ones. Called at render time (the language can change).
 */
import type { ImportFieldView, ImportKind } from '../../api/types';
import { IMPORT_KIND_LABELS } from '../../domain/jobLabels';
import { formatCount } from '../../format/format';
import { i18n } from '../../i18n';
import { en } from '../../i18n/resources';

type Fields = typeof en.imports.fields;
type FieldKind = keyof Fields;

/** The keys of the field help texts there are (not every field has one). */
export type FieldHelpKey = {
  [K in FieldKind]: {
    [F in keyof Fields[K]]: Fields[K][F] extends { help: string }
      ? `fields.${K}.${F & string}.help`
      : never;
  }[keyof Fields[K]];
}[FieldKind];

interface FieldWords {
  label: string;
  help?: string;
}

/** The English words for one field of one kind, if the locale files have them. */
function englishField(kind: ImportKind | null, key: string): FieldWords | null {
  if (kind === null || !Object.hasOwn(en.imports.fields, kind)) return null;
  const fields: Record<string, FieldWords> = en.imports.fields[kind as FieldKind];
  return Object.hasOwn(fields, key) ? (fields[key] ?? null) : null;
}

/** Help texts mark words a file must contain as they are (`<data>tardy</data>`). */
const withoutMarkup = (text: string) => text.replace(/<\/?data>/g, '');

/** The core's title for a kind ("Section grades", "OneRoster 1.2 roster"), in the UI language. */
export function kindTitle(kind: ImportKind, coreTitle: string | null | undefined): string {
  if (!coreTitle) return IMPORT_KIND_LABELS[kind];
  return en.imports.kindTitles[kind] === coreTitle
    ? i18n.t(`imports:kindTitles.${kind}`)
    : coreTitle;
}

/** A field's name ("Student ID") in the UI language. */
export function fieldLabel(
  kind: ImportKind | null,
  field: Pick<ImportFieldView, 'key' | 'label'>,
): string {
  if (englishField(kind, field.key)?.label !== field.label) return field.label;
  const translated = i18n.t(`imports:fields.${kind as FieldKind}`, { returnObjects: true });
  return (translated as Record<string, FieldWords>)[field.key]?.label ?? field.label;
}

/**
 * The key of a field's help text, for `<Trans>` (it marks the words a file must contain as
 * they are); null when the locale files have no help for it or it no longer says the core's.
 */
export function fieldHelpKey(
  kind: ImportKind | null,
  field: Pick<ImportFieldView, 'key' | 'help'>,
): FieldHelpKey | null {
  const help = englishField(kind, field.key)?.help;
  if (help === undefined || field.help === null || withoutMarkup(help) !== field.help) return null;
  return `fields.${kind}.${field.key}.help` as FieldHelpKey;
}

/**
 * The names of the required fields still without a column, in the UI language. The core lists
 * them by their English label; the preview's fields say which field each is.
 */
export function missingFieldLabels(preview: {
  kind: ImportKind | null;
  fields: readonly Pick<ImportFieldView, 'key' | 'label'>[];
  missingRequired: readonly string[];
}): string[] {
  return preview.missingRequired.map((label) => {
    const field = preview.fields.find((f) => f.label === label);
    return field ? fieldLabel(preview.kind, field) : label;
  });
}

/** "1 row", "12,000 rows". */
export function rowCount(count: number): string {
  return i18n.t('imports:counts.rows', { count, n: formatCount(count) });
}

/** "1 file", "9 files". */
export function fileCount(count: number): string {
  return i18n.t('imports:counts.files', { count, n: formatCount(count) });
}

/** "1 problem", "2 problems". */
export function problemCount(count: number): string {
  return i18n.t('imports:counts.problems', { count, n: formatCount(count) });
}

/** A file's counts and status, as an import report and the recent-imports list show them. */
export interface ImportOutcome {
  status: string;
  rowsTotal: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  ignored: number;
  quarantined: number;
}

const OUTCOME_COUNTS = [
  'added',
  'updated',
  'deleted',
  'unchanged',
  'ignored',
  'quarantined',
] as const;

/**
 * One file's outcome in a sentence ("Nothing changed: every row was already imported."), worded
 * here from its counts in the UI language (the core's own sentence is English).
 */
export function importOutcomeText(c: ImportOutcome): string {
  if (c.status === 'cancelled') return i18n.t('imports:fileOutcome.cancelled');
  if (c.status === 'failed') return i18n.t('imports:fileOutcome.failed');
  if (c.status === 'interrupted') return i18n.t('imports:fileOutcome.interrupted');
  if (c.rowsTotal === 0) return i18n.t('imports:fileOutcome.noRows');
  const parts = OUTCOME_COUNTS.filter((key) => c[key] > 0).map((key) =>
    i18n.t(`imports:fileOutcome.counts.${key}`, { count: c[key], n: formatCount(c[key]) }),
  );
  const changed = c.added + c.updated + c.deleted;
  const list = parts.join(', ');
  if (changed > 0) return i18n.t('imports:fileOutcome.changed', { list });
  return c.quarantined === 0 && c.ignored === 0
    ? i18n.t('imports:fileOutcome.alreadyImported', { list })
    : i18n.t('imports:fileOutcome.nothingChanged', { list });
}
