import { stringify } from 'csv-stringify/sync';

/**
 * A cell that starts like a formula (=, +, -, @, tab, CR) would run as one when a person opens
 * the export in a spreadsheet; quarantined rows are raw outside data, so neutralise it.
 */
function defuse(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV with a header row, UTF-8 with a BOM so Excel reads accents correctly. */
export function toCsv(columns: readonly string[], rows: readonly unknown[][]): string {
  return `\uFEFF${stringify([columns, ...rows.map((r) => r.map(defuse))], { record_delimiter: 'windows' })}`;
}
