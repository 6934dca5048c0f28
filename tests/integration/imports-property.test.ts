/**
 * Property: whatever mess a CSV export holds (stray and unclosed quotes, quoted newlines,
 * three delimiters, CR/LF/CRLF mixes, blank lines, unicode, unknown ids, bad dates, wrong
 * column counts), every data line is accounted for: the reader's records tile the file's
 * non-blank lines with the right line numbers, each record either lands or is quarantined on
 * its own line, the report's counts add up, and the database stays sound.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowImporter } from '../../main/imports/importer';
import { attendanceImporter } from '../../main/imports/kinds/attendance';
import { descriptorValue } from '../../main/imports/kinds/common';
import { incidentsImporter } from '../../main/imports/kinds/incidents';
import { isProblem, openCsv, type CsvProblem, type CsvRecord } from '../../main/imports/read/csv';
import { importCsvFile } from '../../main/imports/run-csv';
import type { Store } from '../../main/store/open';
import { importStore } from '../fixtures/imports/district';
import { quarantineOf, writeFixture } from '../fixtures/imports/helpers';
import { tempDir } from '../helpers';

const t = tempDir('sightline-imports-property-');
let store: Store;
beforeAll(async () => {
  store = await importStore(t.dir);
});
afterAll(async () => {
  await store.close();
  t.cleanup();
});

type Style = 'plain' | 'quoted' | 'newline' | 'unclosed';
interface Cell {
  value: string;
  style: Style;
}
type Entry = { blank: string } | { cells: Cell[]; extra: 'none' | 'drop' | 'add' };

/** Noise without line breaks: those come only from quoted newlines and unclosed quotes. */
const NOISE = ['a', 'Z', '7', ' ', ',', ';', '\t', '"', 'é', 'ñ', '€', '😀', '-', '/', ':'];
const noise = fc.array(fc.constantFrom(...NOISE), { maxLength: 6 }).map((a) => a.join(''));

const cell = (domain: readonly string[]) =>
  fc.record({
    value: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...domain) },
      { weight: 1, arbitrary: noise },
    ),
    style: fc.oneof(
      { weight: 12, arbitrary: fc.constant<Style>('plain') },
      { weight: 3, arbitrary: fc.constant<Style>('quoted') },
      { weight: 1, arbitrary: fc.constant<Style>('newline') },
      { weight: 1, arbitrary: fc.constant<Style>('unclosed') },
    ),
  });

const STUDENTS = ['stu-001', '1002', '001003', 'PEÑA', 'stu-999', ''];
const DATES = [
  '2025-09-03',
  '09/04/2025',
  '2025-09-05T10:00:00Z',
  'Sep 8, 2025',
  '2025-02-30',
  '2023-09-01',
  'nope',
  '',
];

interface Kind {
  importer: RowImporter;
  header: string[];
  table: string;
  /** The marker cell: first on the line, so every record begins with its own line number. */
  marker: (line: number, cell: Cell) => Cell;
  cells: fc.Arbitrary<Cell>[];
  /** What a landed row keeps of its first field, and that kept value read back. */
  key: (first: string) => string;
  landed: () => string[];
}

const KINDS: Record<string, Kind> = {
  attendance: {
    importer: attendanceImporter,
    header: ['id', 'student', 'date', 'code', 'section'],
    table: 'attendance_events',
    marker: (line) => ({ value: `L${line}`, style: 'plain' }),
    cells: [
      cell(STUDENTS),
      cell(DATES),
      cell(['P', 'A', 'T', 'E', 'ED', 'Excused Absence', 'X', '']),
      cell(['', '', 'sec-alg', 'sec-zzz']),
    ],
    key: (first) => first,
    landed: () =>
      store.sqlite
        .prepare("SELECT ifnull(source_id, '') FROM attendance_events")
        .pluck()
        .all() as string[],
  },
  incidents: {
    importer: incidentsImporter,
    header: ['behavior', 'student', 'date', 'action', 'days'],
    table: 'discipline_incidents',
    // Free text: the marker leads a behavior that may itself be quoted or span lines.
    marker: (line, c) => ({
      value: `L${line}:${c.value}`,
      style: c.style === 'unclosed' ? 'quoted' : c.style,
    }),
    cells: [
      cell(STUDENTS),
      cell(DATES),
      cell(['OSS', 'ISS', 'Referral', 'detention', 'none', '', 'Community service']),
      cell(['', '0', '1', '2.5', 'x', '-1']),
    ],
    key: (first) => descriptorValue(first).replace(/\s+/g, ' '),
    landed: () =>
      store.sqlite.prepare('SELECT behavior FROM discipline_incidents').pluck().all() as string[],
  },
};

function render(c: Cell, lineEnd: string): string {
  switch (c.style) {
    case 'plain':
      return c.value;
    case 'quoted':
      return `"${c.value.replace(/"/g, '""')}"`;
    case 'newline':
      return `"${c.value.replace(/"/g, '""')}${lineEnd}${c.value.replace(/"/g, '""')}"`;
    case 'unclosed':
      return `"${c.value}`;
  }
}

const BREAK = /\r\n|\r|\n/g;

/** Builds the file, numbering lines as it goes so each row's marker is its own line number. */
function build(
  kind: Kind,
  delimiter: string,
  entries: { entry: Entry; end: string }[],
  bom: boolean,
  markerCell: Cell,
) {
  let text = kind.header.join(delimiter) + '\n';
  let line = 2;
  for (const { entry, end } of entries) {
    if ('blank' in entry) {
      text += entry.blank + end;
    } else {
      const cells = [kind.marker(line, markerCell), ...entry.cells];
      if (entry.extra === 'drop') cells.pop();
      if (entry.extra === 'add') cells.push({ value: 'extra', style: 'plain' });
      text += cells.map((c) => render(c, end)).join(delimiter) + end;
    }
    line = (text.match(BREAK)?.length ?? 0) + 1;
  }
  return bom ? `\uFEFF${text}` : text;
}

const fileArbitrary = (kind: Kind) =>
  fc.record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    bom: fc.boolean(),
    marker: cell(['fight', 'talking back']),
    entries: fc.array(
      fc.record({
        entry: fc.oneof(
          { weight: 1, arbitrary: fc.record({ blank: fc.constantFrom('', '   ', ' \t ') }) },
          {
            weight: 8,
            arbitrary: fc.record({
              cells: fc.tuple(...kind.cells),
              extra: fc.constantFrom<'none' | 'drop' | 'add'>(
                'none',
                'none',
                'none',
                'drop',
                'add',
              ),
            }),
          },
        ),
        end: fc.constantFrom('\n', '\r\n', '\r'),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  });

/** The file's physical lines with the break that ends each (CRLF, LF or CR). */
function physicalLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(BREAK);
}

function span(r: CsvRecord | CsvProblem): number {
  return (r.raw.replace(/(\r\n|\r|\n)$/, '').match(BREAK) ?? []).length;
}

let fileCounter = 0;

async function check(kind: Kind, text: string) {
  const file = writeFixture(t.dir, `p${++fileCounter}.csv`, text);
  store.sqlite.exec(
    `DELETE FROM ${kind.table}; DELETE FROM quarantine; DELETE FROM imports; DELETE FROM feature_dirty;`,
  );

  // The reader: records tile the non-blank lines, in order, and begin with their own marker.
  const reader = await openCsv(file);
  const records: (CsvRecord | CsvProblem)[] = [];
  for await (const batch of reader.batches()) records.push(...batch);
  const lines = physicalLines(text);
  const covered = new Set<number>();
  let last = 1;
  for (const r of records) {
    const end = r.line + span(r);
    expect(r.line).toBeGreaterThan(last);
    for (let l = r.line; l <= end; l++) covered.add(l);
    last = end;
    const own = lines.slice(r.line - 1, end).join('\n');
    const raw = r.raw.replace(/(\r\n|\r|\n)$/, '').replace(BREAK, '\n');
    expect(raw).toBe(own);
    // A record that starts where a row was written starts with that row's marker. (A closing
    // quote can also end a record in the middle of a written row; the rest starts a new one.)
    const marker = new RegExp(`^"?L${r.line}\\b`);
    if (marker.test(lines[r.line - 1]!) && !isProblem(r)) expect(r.values[0]).toMatch(marker);
  }
  lines.forEach((content, i) => {
    if (i > 0 && content.trim() !== '')
      expect(covered.has(i + 1), `line ${i + 1} ${JSON.stringify(content)}`).toBe(true);
  });

  // The import: every record lands or is quarantined on its line; the counts add up.
  const report = await importCsvFile(store.sqlite, { path: file, importer: kind.importer });
  const { rowsTotal, added, updated, unchanged, deleted, quarantined, ignored } = report;
  expect(rowsTotal).toBe(records.length);
  expect(added + updated + unchanged + deleted + quarantined + ignored).toBe(rowsTotal);
  const quarantineLines = quarantineOf(store.sqlite, report.importId).map((q) => q.line_number!);
  expect(quarantineLines).toHaveLength(quarantined);
  expect(new Set(quarantineLines).size).toBe(quarantined);
  const recordLines = new Set(records.map((r) => r.line));
  expect(quarantineLines.every((l) => recordLines.has(l))).toBe(true);
  // The records not quarantined are exactly the rows that landed (matched by their first field).
  const quarantinedSet = new Set(quarantineLines);
  const expectedLanded = records
    .filter((r) => !quarantinedSet.has(r.line))
    .map((r) => kind.key((r as CsvRecord).values[0]!))
    .sort();
  expect(kind.landed().sort()).toEqual(expectedLanded);
  expect(added).toBe(expectedLanded.length);
  expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
}

describe('every line of a malformed CSV is accounted for', () => {
  for (const [name, kind] of Object.entries(KINDS)) {
    it(`${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(fileArbitrary(kind), async ({ delimiter, bom, marker, entries }) => {
          await check(kind, build(kind, delimiter, entries, bom, marker));
        }),
        { numRuns: Number(process.env.SIGHTLINE_PROPERTY_RUNS ?? 50) },
      );
    });
  }
});
