import { createHash } from 'node:crypto';
import type { ImportKind } from '../../db/schema';

/** One field an importer needs, with the header spellings real exports use for it. */
export interface FieldSpec {
  key: string;
  /** Shown in the mapping step, e.g. "Student ID". */
  label: string;
  required: boolean;
  /** Header spellings, compared after normalizeHeader (case, spaces, punctuation ignored). */
  aliases: readonly string[];
  /** One line on what the field holds, shown beside it in the wizard. */
  help?: string;
}

/** Field key → index of the CSV column that feeds it, or null when not mapped. */
export type ColumnMapping = Record<string, number | null>;

/** "Student_Number", "student number" and "STUDENT-NUMBER" all become "studentnumber". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Maps each field to the first header matching its key or one of its aliases. A header is used
 * once: fields earlier in the spec win, so put the most specific fields first.
 */
export function autoMap(headers: readonly string[], fields: readonly FieldSpec[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of fields) {
    const wanted = [field.key, ...field.aliases].map(normalizeHeader);
    let found: number | null = null;
    for (const name of wanted) {
      const index = normalized.findIndex((h, i) => h === name && !used.has(i));
      if (index !== -1) {
        found = index;
        break;
      }
    }
    if (found !== null) used.add(found);
    mapping[field.key] = found;
  }
  return mapping;
}

/** Required fields with no column: the import cannot start until the user maps them. */
export function missingRequired(mapping: ColumnMapping, fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.filter((f) => f.required && (mapping[f.key] ?? null) === null);
}

/**
 * Identifies "the same export from the same system" so a mapping the user adjusted once is
 * offered again: the kind plus the normalized header row.
 */
export function sourceKey(kind: ImportKind, headers: readonly string[]): string {
  const signature = headers.map(normalizeHeader).join('|');
  return `${kind}:${createHash('sha256').update(signature).digest('hex').slice(0, 16)}`;
}

/** Reads a mapped record: field key → trimmed text ('' when unmapped or absent). */
export function pick(values: readonly string[], mapping: ColumnMapping, key: string): string {
  const index = mapping[key];
  return index === null || index === undefined ? '' : (values[index] ?? '');
}
