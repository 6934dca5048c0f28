import type { Input } from '../../api/types';
import { request } from '../request';
import { saveFile } from '../saveFile';

/**
 * Asks the core for an import's quarantined rows or per-file report as CSV (the core logs the
 * export) and hands it to the browser as a download. Returns the file name.
 */
export async function downloadImportCsv(input: Input<'imports.exportCsv'>): Promise<string> {
  const { fileName, csv } = await request('imports.exportCsv', input);
  saveFile(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  return fileName;
}
