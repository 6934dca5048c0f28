import path from 'node:path';

/**
 * Where the local database lives. SIGHTLINE_DATA_DIR keeps every test and benchmark hermetic;
 * the Electron host passes its userData folder; the web host and CLI default to ./.data.
 */
export function dataDir(fallback = path.resolve('.data')): string {
  return process.env.SIGHTLINE_DATA_DIR ? path.resolve(process.env.SIGHTLINE_DATA_DIR) : fallback;
}

export function databasePath(dir = dataDir()): string {
  return path.join(dir, 'sightline.sqlite');
}
