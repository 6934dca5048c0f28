/**
 * "How well would Sightline's risk model do on our district?", answered from a folder of the
 * district's exports before anything is installed for real: every file is imported into a
 * scratch database, the weekly features are computed, end-of-term outcomes are derived from the
 * records (outcomes.ts: exports carry none), the models are trained on the earlier terms and
 * judged on the latest, and the holdout metrics come back next to the transparent rules'. The
 * scratch folder is removed afterwards, whatever happens.
 *
 * What the exports lack is reported as `gaps`, in words, rather than hidden: files nobody
 * recognised, rows quarantined, no school calendar (OneRoster has none and there is no calendar
 * import, so instructional days are inferred from the attendance records: a weekday of the
 * school year on which anyone at the school has an attendance event), terms without final
 * grades, missing equity fields for the fairness audit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { IMPORT_KINDS, type ImportKind, type ModelKind, type OutcomeKind } from '../../db/schema';
import { detectFileKind } from '../imports/detect-file';
import { runImportJob, type ImportFileRequest, type ImportJobResult } from '../imports/job';
import { newId } from '../imports/write/ids';
import { bundleRoot, isOneRosterBundle } from '../imports/oneroster/detect';
import { runPipeline } from '../pipeline';
import { openStore } from '../store/open';
import { deriveOutcomes, type DeriveOutcomesResult } from './outcomes';
import { trainModels, type TrainingSummary } from './train';

export interface MetricsRow {
  model: string;
  auc: number | null;
  prAuc: number | null;
  precisionAtRate: number | null;
  recallAtRate: number | null;
  brier: number | null;
}

export interface EvaluateOptions {
  seed?: number;
  /** Models to train (default: trainModels' default, both). */
  kinds?: readonly ModelKind[];
  onProgress?: (fraction: number, message: string) => void;
  isCancelled?: () => boolean;
  /** Where the scratch folder goes (default: the OS temp folder). */
  tempDir?: string;
}

export interface EvaluatedFile {
  name: string;
  kind: ImportKind | null;
  /** Imported rows; null when the file was not imported. */
  rows: number | null;
  quarantined: number;
  summary: string;
}

export interface EvaluateResult {
  table: MetricsRow[];
  counts: TrainingSummary['counts'];
  gaps: string[];
  files: EvaluatedFile[];
  outcomes: DeriveOutcomesResult;
  /** Student-terms per outcome and value, derived or recorded: the labels' base rates. */
  labels: { outcome: OutcomeKind; value: 0 | 1; n: number }[];
  /** True when instructional days were inferred from the attendance records. */
  calendarInferred: boolean;
  timings: Record<string, number>;
}

/** The files of an exports folder, in the order they can be imported (the roster first). */
export async function planImports(
  dir: string,
): Promise<{ requests: ImportFileRequest[]; unknown: string[] }> {
  const requests: ImportFileRequest[] = [];
  const unknown: string[] = [];
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name.toLowerCase() !== '__macosx')
    .sort((a, b) => a.name.localeCompare(b.name));
  // The folder itself may be the OneRoster bundle, with the other exports beside its CSVs.
  const root = bundleRoot(dir) === dir;
  if (root) requests.push({ path: path.resolve(dir), name: path.basename(dir), kind: 'oneroster' });
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() || /\.zip$/i.test(entry.name)) {
      if (await isOneRosterBundle(file)) {
        requests.push({ path: path.resolve(file), name: entry.name, kind: 'oneroster' });
      } else unknown.push(entry.name);
      continue;
    }
    if (!entry.isFile()) continue;
    const kind = await detectFileKind(file);
    // The bundle's own CSVs are imported with it.
    if (kind === 'oneroster' && (root || entry.name.toLowerCase() === 'manifest.csv')) continue;
    if (kind === 'oneroster' || kind === null) unknown.push(entry.name);
    else requests.push({ path: path.resolve(file), name: entry.name, kind });
  }
  const order = (k: ImportKind) => IMPORT_KINDS.indexOf(k);
  requests.sort((a, b) => order(a.kind) - order(b.kind));
  return { requests, unknown };
}

function hasCalendar(sqlite: SQLite.Database): boolean {
  return (
    sqlite
      .prepare(
        'SELECT 1 FROM calendar_days WHERE deleted_at IS NULL AND is_instructional = 1 LIMIT 1',
      )
      .get() !== undefined
  );
}

/** Equity fields the fairness audit reads that no imported student has. */
function missingEquityFields(sqlite: SQLite.Database): string[] {
  const fields = {
    free_reduced_lunch: 'free or reduced-price lunch',
    disability: 'disability (IDEA)',
    section_504: 'Section 504',
    english_learner: 'English learner',
    race_ethnicity: 'race/ethnicity',
  } as const;
  const counts = sqlite
    .prepare(
      `SELECT count(*) students, ${Object.keys(fields)
        .map((f) => `count(${f}) ${f}`)
        .join(', ')} FROM demographics WHERE deleted_at IS NULL`,
    )
    .get() as Record<string, number>;
  return Object.entries(fields)
    .filter(([f]) => (counts[f] ?? 0) === 0)
    .map(([, label]) => label);
}

const percent = (n: number, of: number) => `${Math.round((100 * n) / Math.max(1, of))}%`;

/**
 * Imports the exports in `dir` into a scratch database, derives outcomes, trains and returns
 * the holdout metrics of the trained models next to the transparent rules. Throws when the
 * exports cannot be imported (a broken roster) or are not enough to train on
 * (NotEnoughTrainingData, with the reason in the district's words).
 */
export async function evaluateExports(
  dir: string,
  options: EvaluateOptions = {},
): Promise<EvaluateResult> {
  const progress = options.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  const gaps: string[] = [];
  if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder of exports.`);
  const { requests, unknown } = await planImports(dir);
  if (!requests.some((r) => r.kind === 'oneroster')) {
    throw new Error(
      `${dir} holds no OneRoster roster (a folder or zip with manifest.csv): students, ` +
        'sections and terms come from it, so nothing else can be imported without it.',
    );
  }
  if (unknown.length > 0) {
    gaps.push(`Not imported (kind not recognised): ${unknown.join(', ')}.`);
  }

  const scratch = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'sightline-evaluate-'));
  try {
    const store = await openStore(path.join(scratch, 'evaluate.sqlite'));
    try {
      let t = performance.now();
      const jobId = newId();
      store.sqlite
        .prepare(
          `INSERT INTO jobs (id, kind, status, progress, created_at, started_at)
           VALUES (?, 'import', 'running', 0, ?, ?)`,
        )
        .run(jobId, Date.now(), Date.now());
      const imported: ImportJobResult = await runImportJob({
        store,
        jobId,
        input: { files: requests, runPipeline: false },
        progress: (fraction, message) => progress(0.35 * fraction, message),
        isCancelled: options.isCancelled ?? (() => false),
      });
      store.sqlite
        .prepare(`UPDATE jobs SET status = 'succeeded', progress = 1, finished_at = ? WHERE id = ?`)
        .run(Date.now(), jobId);
      timings.importMs = performance.now() - t;

      const files: EvaluatedFile[] = imported.files.map((f) => ({
        name: f.fileName,
        kind: f.kind,
        rows: f.status === 'committed' ? f.rowsTotal : null,
        quarantined: f.quarantined,
        summary: f.summary,
      }));
      for (const f of imported.files) {
        if (f.status !== 'committed') gaps.push(`${f.fileName}: ${f.summary}`);
        else if (f.quarantined > 0) {
          gaps.push(
            `${f.fileName}: ${f.quarantined.toLocaleString('en-US')} of ` +
              `${f.rowsTotal.toLocaleString('en-US')} rows quarantined ` +
              `(${percent(f.quarantined, f.rowsTotal)}).`,
          );
        }
      }
      // A bundle folder that also holds the other exports calls them unexpected: not a gap.
      const separate = new Set(requests.map((r) => r.name.toLowerCase()));
      for (const b of imported.bundles) {
        for (const p of b.problems) {
          if (p.code === 'unexpected_file' && separate.has((p.file ?? '').toLowerCase())) continue;
          gaps.push(`OneRoster: ${p.message}`);
        }
      }
      for (const f of unknown)
        files.push({ name: f, kind: null, rows: null, quarantined: 0, summary: 'Not recognised.' });
      const present = new Set(requests.map((r) => r.kind));
      for (const [kind, words] of [
        [
          'attendance',
          'No attendance export: attendance features and chronic absence are missing.',
        ],
        [
          'grades',
          'No grades export: course failures cannot be derived, grade features are missing.',
        ],
      ] as const) {
        if (!present.has(kind)) gaps.push(words);
      }

      // The import inferred school days for schools the exports gave no calendar for.
      const inferredDays = store.sqlite
        .prepare("SELECT count(*) FROM calendar_days WHERE source_system = 'derived'")
        .pluck()
        .get() as number;
      const calendarInferred = inferredDays > 0;
      if (calendarInferred) {
        gaps.push(
          `No school calendar in the exports: ${inferredDays.toLocaleString('en-US')} school days ` +
            '(per school) were inferred from the attendance records.',
        );
      } else if (!hasCalendar(store.sqlite)) {
        gaps.push(
          'No school calendar in the exports, and no attendance to infer one from: ' +
            'attendance features and chronic absence cannot be computed.',
        );
      }

      if (options.isCancelled?.()) throw new Error('Cancelled.');
      t = performance.now();
      const pipeline = await runPipeline(store, {
        mode: 'backfill',
        trigger: 'cli',
        onProgress: (fraction, message) => progress(0.35 + 0.2 * fraction, message),
        ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      });
      timings.pipelineMs = performance.now() - t;
      if (pipeline.status !== 'succeeded') {
        throw new Error(
          `Computing the weekly features ${pipeline.status}: ${pipeline.error ?? ''}`,
        );
      }

      progress(0.56, 'Deriving end-of-term outcomes…');
      t = performance.now();
      const outcomes = deriveOutcomes(store.sqlite);
      timings.outcomesMs = performance.now() - t;
      if (outcomes.kept > 0) {
        gaps.push(
          `${outcomes.kept.toLocaleString('en-US')} outcomes were recorded by the district and ` +
            'used as they are instead of derived ones.',
        );
      }
      if (outcomes.withoutFinals.length > 0) {
        gaps.push(
          `${outcomes.withoutFinals.length} ended term(s) per school have no final grades: ` +
            'course failure is not part of those terms\u2019 labels.',
        );
      }
      const withdrawals = store.sqlite
        .prepare(
          `SELECT count(*) FROM student_outcomes WHERE deleted_at IS NULL
           AND outcome = 'withdrawal' AND value = 1 AND detail = 'withdrawn'`,
        )
        .pluck()
        .get() as number;
      if (withdrawals > 0) {
        gaps.push(
          `${withdrawals} withdrawal(s) with no recorded reason (exports do not say whether a ` +
            'student dropped out or transferred) are left out of their term, not counted as dropouts.',
        );
      }
      const labels = store.sqlite
        .prepare(
          `SELECT outcome, value, count(*) n FROM student_outcomes WHERE deleted_at IS NULL
           GROUP BY outcome, value ORDER BY outcome, value`,
        )
        .all() as EvaluateResult['labels'];
      const equity = missingEquityFields(store.sqlite);
      if (equity.length > 0) {
        gaps.push(`Not in the exports, so not audited for fairness: ${equity.join(', ')}.`);
      }

      t = performance.now();
      const summary = await trainModels(store, {
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.kinds ? { kinds: options.kinds } : {}),
        onProgress: (fraction, message) => progress(0.6 + 0.4 * fraction, message),
        ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      });
      timings.trainMs = performance.now() - t;
      progress(1, 'Evaluation finished.');
      return {
        table: summary.baselines.map((b) => ({
          model: b.name,
          auc: b.auc,
          prAuc: b.prAuc,
          precisionAtRate: b.precisionAtRate,
          recallAtRate: b.recallAtRate,
          brier: b.brier,
        })),
        counts: summary.counts,
        gaps,
        files,
        outcomes,
        labels,
        calendarInferred,
        timings,
      };
    } finally {
      await store.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const COLUMNS: { title: string; value: (r: MetricsRow) => number | null }[] = [
  { title: 'AUC', value: (r) => r.auc },
  { title: 'PR-AUC', value: (r) => r.prAuc },
  { title: 'Precision@rate', value: (r) => r.precisionAtRate },
  { title: 'Recall@rate', value: (r) => r.recallAtRate },
  { title: 'Brier', value: (r) => r.brier },
];

/**
 * The metrics as an aligned plain-text table: model names left-aligned, numbers to three
 * decimals right-aligned, "—" where a metric does not apply (the rules' count has no Brier).
 */
export function formatMetricsTable(rows: readonly MetricsRow[]): string {
  const header = ['Model', ...COLUMNS.map((c) => c.title)];
  const body = rows.map((r) => [
    r.model,
    ...COLUMNS.map((c) => {
      const v = c.value(r);
      return v === null || !Number.isFinite(v) ? '—' : v.toFixed(3);
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
