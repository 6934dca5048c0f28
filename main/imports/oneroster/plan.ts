/**
 * Which files of a bundle folder get imported, in what order and mode, from the manifest and
 * what is actually in the folder; every disagreement between the two is reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATA_FILES, filesByLowerName, type DataFile, type Manifest } from './manifest';
import type { BundleProblem } from './report';

export interface Step {
  file: DataFile;
  mode: 'bulk' | 'delta';
  path: string;
  bytes: number;
}

export function planFiles(
  root: string,
  manifest: Manifest,
): { steps: Step[]; problems: BundleProblem[] } {
  const present = filesByLowerName(root);
  const steps: Step[] = [];
  const problems: BundleProblem[] = [];
  const known = new Set(['manifest.csv']);
  for (const file of DATA_FILES) {
    const name = `${file}.csv`;
    known.add(name.toLowerCase());
    const mode = manifest.files[file];
    const actual = present.get(name.toLowerCase());
    if (mode && !actual) {
      problems.push({
        code: 'missing_file',
        file: name,
        message: `manifest.csv lists ${name} (${mode}) but the bundle has no such file; rows that refer to it will be quarantined. Export the bundle again with ${name}.`,
      });
    } else if (mode && actual) {
      const full = path.join(root, actual);
      steps.push({ file, mode, path: full, bytes: fs.statSync(full).size });
    } else if (actual) {
      problems.push({
        code: 'unexpected_file',
        file: actual,
        message: `${actual} is in the bundle but manifest.csv does not list it as bulk or delta, so it was not imported.`,
      });
    }
  }
  for (const [lower, actual] of present) {
    if (!known.has(lower)) {
      problems.push({
        code: 'unexpected_file',
        file: actual,
        message: `${actual} is not a OneRoster file; it was not imported.`,
      });
    }
  }
  return { steps, problems };
}

export function notImported(steps: readonly Step[], why: string): BundleProblem[] {
  return steps.map((s) => ({
    code: 'not_imported' as const,
    file: `${s.file}.csv`,
    message: `${s.file}.csv was not imported because ${why}.`,
  }));
}
