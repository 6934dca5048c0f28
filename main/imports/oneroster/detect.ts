/**
 * Recognising a OneRoster bundle: a folder, or a zip, with manifest.csv at its top or inside
 * its only folder (zipping an export folder puts everything one level down).
 */
import fs from 'node:fs';
import path from 'node:path';
import { filesByLowerName } from './manifest';
import { zipFileNames } from './zip';

/** macOS's Archive Utility adds this folder of resource forks to every zip it makes. */
const NOISE = '__macosx';

/** The folder that holds manifest.csv: `dir` itself or its only subfolder; null if neither. */
export function bundleRoot(dir: string): string | null {
  if (filesByLowerName(dir).has('manifest.csv')) return dir;
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.toLowerCase() !== NOISE);
  if (folders.length !== 1) return null;
  const inner = path.join(dir, folders[0]!.name);
  return filesByLowerName(inner).has('manifest.csv') ? inner : null;
}

export function isZipPath(file: string): boolean {
  return file.toLowerCase().endsWith('.zip');
}

/** For kind detection in the import wizard: true for a folder or zip holding manifest.csv. */
export async function isOneRosterBundle(bundlePath: string): Promise<boolean> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(bundlePath);
  } catch {
    return false;
  }
  if (stat.isDirectory()) return bundleRoot(bundlePath) !== null;
  if (!stat.isFile() || !isZipPath(bundlePath)) return false;
  try {
    const names = (await zipFileNames(bundlePath)).filter(
      (n) => !n.toLowerCase().startsWith(`${NOISE}/`),
    );
    return names.some((n) => {
      const parts = n.split('/');
      return parts.length <= 2 && parts[parts.length - 1]!.toLowerCase() === 'manifest.csv';
    });
  } catch {
    return false;
  }
}
