import fs from 'node:fs';
import path from 'node:path';
import { seedDemo, isEmpty } from '../main/app/start';
import { openStore } from '../main/store/open';
import { storeKeyPath } from '../main/store/key';
import { databasePath } from '../main/store/paths';

export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Prints one figure with its ratio to the anchor the issue names (< 1 means within target);
 * figures the issue asks for without a target print no ratio.
 */
export function report(name: string, value: number, unit: string, anchor: number | null): string {
  const figure = `${name.padEnd(56)} ${value.toFixed(unit === 'ms' ? 1 : 2).padStart(10)} ${unit.padEnd(3)}`;
  const line =
    anchor === null
      ? `${figure}  (no target set)`
      : `${figure}  anchor ${anchor} ${unit}  ratio ${(value / anchor).toFixed(2)}`;
  console.log(line);
  return line;
}

export function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce(
    (n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0),
    0,
  );
}

/** Copies a database with its key file (an encrypted database is useless without it). */
export function copyDatabase(source: string, target: string): void {
  fs.copyFileSync(source, target);
  fs.copyFileSync(storeKeyPath(source), storeKeyPath(target));
}

/** A demo district of `students` in bench/results/district-<n>, generated once and reused. */
export async function benchDistrict(
  students: number,
): Promise<{ dataDir: string; generatedMs: number | null }> {
  const dataDir = path.join(RESULTS_DIR, `district-${students}`);
  const store = await openStore(databasePath(dataDir));
  let generatedMs: number | null = null;
  if (await isEmpty(store)) {
    const started = performance.now();
    let last = -1;
    await seedDemo(store, students, (fraction, message) => {
      const pct = Math.floor(fraction * 20) * 5;
      if (pct !== last)
        process.stderr.write(`\r  generating ${students} students: ${pct}% ${message.padEnd(40)}`);
      last = pct;
    });
    process.stderr.write('\n');
    generatedMs = performance.now() - started;
  }
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  return { dataDir, generatedMs };
}
