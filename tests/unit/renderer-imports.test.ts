/**
 * The import wizard's pure logic: upload chunks and their base64, which files are ready, the
 * `imports.start` input, and reading an import job's `unknown` result safely.
 */
import { describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES, inputs, type ImportPreview } from '../../main/api/contract';
import {
  RENDERER_CHUNK_BYTES,
  bytesToBase64,
  chunkRanges,
  isAcceptedFileName,
} from '../../renderer/src/stores/imports/chunks';
import {
  parseFileReport,
  parseImportJobResult,
  parsePipelineResult,
} from '../../renderer/src/stores/imports/jobResult';
import {
  columnOptions,
  importBlockers,
  listWords,
  sharedColumns,
  startInput,
  withColumn,
  type WizardFile,
} from '../../renderer/src/stores/imports/wizardRules';

/** The browser host refuses request bodies over this many bytes (main/web/server.ts MAX_BODY). */
const WEB_HOST_MAX_BODY = 1_000_000;

describe('upload chunks', () => {
  it('cover the file in order, without gaps or overlaps', () => {
    expect(chunkRanges(0, 4)).toEqual([]);
    expect(chunkRanges(3, 4)).toEqual([[0, 3]]);
    expect(chunkRanges(8, 4)).toEqual([
      [0, 4],
      [4, 8],
    ]);
    expect(chunkRanges(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(() => chunkRanges(10, 0)).toThrow();
  });

  it('fit both the contract’s chunk limit and the browser host’s request limit', () => {
    expect(RENDERER_CHUNK_BYTES).toBeLessThanOrEqual(UPLOAD_CHUNK_BYTES);
    const data = bytesToBase64(new Uint8Array(RENDERER_CHUNK_BYTES).fill(255));
    const body = JSON.stringify({ stagedId: '0'.repeat(36), offset: 8 * 1024 ** 3, data });
    expect(Buffer.byteLength(body)).toBeLessThan(WEB_HOST_MAX_BODY);
    const parsed = inputs['imports.append'].safeParse({ stagedId: 'x', offset: 0, data });
    expect(parsed.success).toBe(true);
  });

  it('encode bytes as standard base64, also across the internal 32 KiB steps', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31 + 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(bytesToBase64(new TextEncoder().encode('Ünïcode,ok\r\n'))).toBe(
      Buffer.from('Ünïcode,ok\r\n').toString('base64'),
    );
  });

  it('accept the export types the drop zone names', () => {
    for (const name of ['a.csv', 'B.CSV', 'x.tsv', 'x.txt', 'statements.jsonl', 'roster.zip']) {
      expect(isAcceptedFileName(name), name).toBe(true);
    }
    for (const name of ['report.pdf', 'photo.png', 'csv', 'data.csv.exe']) {
      expect(isAcceptedFileName(name), name).toBe(false);
    }
  });
});

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    stagedId: 'staged-1',
    fileName: 'attendance.csv',
    bytes: 100,
    format: 'csv',
    kind: 'attendance',
    kindTitle: 'Attendance events',
    candidates: [{ kind: 'attendance', title: 'Attendance events', score: 1 }],
    encoding: 'utf-8',
    delimiter: ',',
    headers: ['Student Number', 'Date', 'Code', ''],
    sample: [{ line: 2, values: ['100234', '2025-09-03', 'A', ''] }],
    fields: [
      { key: 'student', label: 'Student ID', required: true, help: null },
      { key: 'date', label: 'Date', required: true, help: null },
    ],
    mapping: { student: 0, date: 1 },
    mappingSource: 'detected',
    missingRequired: [],
    check: { rows: 1, wouldAdd: 1, wouldUpdate: 0, unchanged: 0, problems: [], skipped: null },
    oneRoster: null,
    dateOrder: 'MDY',
    alreadyImported: null,
    notAllowed: null,
    ...overrides,
  };
}

function file(overrides: Partial<WizardFile> = {}): WizardFile {
  return {
    id: 'file-1',
    name: 'attendance.csv',
    size: 100,
    sent: 100,
    upload: 'uploaded',
    uploadError: null,
    stagedId: 'staged-1',
    preview: { status: 'ready', data: preview() },
    chosenKind: null,
    chosenMapping: null,
    ...overrides,
  };
}

describe('wizard rules', () => {
  it('offer each column by its header, with an example value, naming blank ones', () => {
    expect(columnOptions(preview())).toEqual([
      { index: 0, label: 'Student Number — e.g. 100234' },
      { index: 1, label: 'Date — e.g. 2025-09-03' },
      { index: 2, label: 'Code — e.g. A' },
      { index: 3, label: 'Column 4' },
    ]);
    const repeated = columnOptions(preview({ headers: ['Date', 'Date'], sample: [] }));
    expect(repeated.map((o) => o.label)).toEqual(['Date (column 1)', 'Date (column 2)']);
  });

  it('change one field’s column and notice columns used twice', () => {
    const mapping = withColumn({ student: 0, date: 1 }, 'date', null);
    expect(mapping).toEqual({ student: 0, date: null });
    expect(sharedColumns({ student: 0, date: 0, code: 2, section: null })).toEqual({
      student: ['date'],
      date: ['student'],
    });
  });

  it('say in words what stops the import, file by file', () => {
    expect(importBlockers([])).toEqual(['Add at least one file.']);
    expect(importBlockers([file()])).toEqual([]);
    expect(
      importBlockers([
        file({ name: 'a.csv', upload: 'uploading', preview: { status: 'idle' } }),
        file({ name: 'b.csv', upload: 'failed', preview: { status: 'idle' } }),
        file({ name: 'c.csv', preview: { status: 'loading', previous: preview() } }),
        file({ name: 'd.csv', preview: { status: 'ready', data: preview({ kind: null }) } }),
        file({
          name: 'e.csv',
          preview: {
            status: 'ready',
            data: preview({ missingRequired: ['Student ID', 'Date'] }),
          },
        }),
        file({
          name: 'f.zip',
          preview: {
            status: 'ready',
            data: preview({
              format: 'oneroster',
              kind: 'oneroster',
              oneRoster: { version: null, files: [], problems: ['This bundle is OneRoster 1.1.'] },
            }),
          },
        }),
      ]),
    ).toEqual([
      'a.csv is still uploading.',
      'b.csv could not be uploaded: remove it or add it again.',
      'Sightline is still checking c.csv.',
      'Choose what kind of file d.csv is.',
      'Choose the column for Student ID and Date in e.csv.',
      'f.zip is not a bundle Sightline can import: remove it to import the others.',
    ]);
  });

  it('start the import with exactly what the preview showed', () => {
    const mapping = { student: 2, date: 1 };
    const ready = file({ preview: { status: 'ready', data: preview({ mapping }) } });
    expect(startInput([ready], false)).toEqual({
      files: [{ stagedId: 'staged-1', kind: 'attendance', mapping }],
      runPipeline: false,
    });
    expect(startInput([ready, file({ upload: 'uploading' })], true)).toBeNull();
  });

  it('list words as a sentence does', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['A'])).toBe('A');
    expect(listWords(['A', 'B'])).toBe('A and B');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('an import job’s result', () => {
  const report = {
    importId: 'imp-1',
    kind: 'attendance',
    fileName: 'attendance.csv',
    status: 'committed',
    rowsTotal: 5,
    added: 3,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    quarantined: 2,
    ignored: 0,
    summary: '3 added, 2 quarantined.',
    error: null,
  };
  const pipeline = {
    runId: 'run-1',
    status: 'succeeded',
    requestedMode: 'incremental',
    mode: 'incremental',
    reason: null,
    asOf: '2026-05-29',
    fromWeek: '2026-05-25',
    students: 3,
    weeks: 1,
    rowsWritten: 3,
    anomalies: 0,
    error: null,
    startedAt: 1,
    finishedAt: 2,
    timings: {},
  };

  it('is read field by field', () => {
    expect(parseImportJobResult({ files: [report], pipeline })).toEqual({
      files: [report],
      pipeline: {
        runId: 'run-1',
        status: 'succeeded',
        mode: 'incremental',
        reason: null,
        asOf: '2026-05-29',
        students: 3,
        weeks: 1,
        rowsWritten: 3,
        anomalies: 0,
        error: null,
      },
    });
    expect(parseImportJobResult({ files: [report], pipeline: null })?.pipeline).toBeNull();
  });

  it('keeps what a OneRoster file adds: its mode and why rows were ignored', () => {
    const reasons = { 'Guardian accounts are not stored.': 1 };
    const oneRoster = { ...report, kind: 'oneroster', mode: 'bulk', ignoredReasons: reasons };
    expect(parseFileReport(oneRoster)).toMatchObject({
      bundleMode: 'bulk',
      ignoredReasons: reasons,
    });
    expect(parseFileReport({ ...oneRoster, mode: 'sideways' })).not.toHaveProperty('bundleMode');
    expect(parseFileReport(report)).not.toHaveProperty('ignoredReasons');
  });

  it('is refused, not trusted, when it is not what the renderer expects', () => {
    expect(parseImportJobResult(null)).toBeNull();
    expect(parseImportJobResult('done')).toBeNull();
    expect(parseImportJobResult({ files: 'x' })).toBeNull();
    expect(parseImportJobResult({ files: [{ ...report, added: '3' }] })).toBeNull();
    expect(parseFileReport({ ...report, kind: 'spreadsheet' })).toBeNull();
    expect(parseFileReport({ ...report, status: 'done' })).toBeNull();
    expect(parsePipelineResult({ ...pipeline, status: 'great' })).toBeNull();
    expect(parsePipelineResult({ ...pipeline, asOf: 'yesterday' })?.asOf).toBeNull();
  });
});
