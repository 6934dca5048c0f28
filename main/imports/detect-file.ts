/**
 * What kind of export a path on disk is, as the CLI and `evaluate` decide it: a folder or a zip
 * is a OneRoster bundle, `.json`/`.jsonl` is xAPI, a OneRoster CSV by its file name, anything
 * else by its file name and CSV headers (kinds/index.ts). Null when nothing fits well enough.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportKind } from '../../db/schema';
import { detectKind, scoreKinds } from './kinds';
import { openCsv } from './read/csv';

export async function detectFileKind(file: string): Promise<ImportKind | null> {
  if (fs.statSync(file).isDirectory() || /\.zip$/i.test(file)) return 'oneroster';
  const name = path.basename(file);
  const special = scoreKinds(name, [])[0]?.kind;
  if (special === 'xapi' || special === 'oneroster') return special;
  return detectKind(name, (await openCsv(file)).headers);
}
