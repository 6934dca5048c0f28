import type { Input } from '../../api/types';
import { request } from '../request';

/**
 * Asks the core for an import's quarantined rows or per-file report as CSV (the core logs the
 * export) and hands it to the browser as a download. Returns the file name.
 */
export async function downloadImportCsv(input: Input<'imports.exportCsv'>): Promise<string> {
  const { fileName, csv } = await request('imports.exportCsv', input);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has its own copy once it started; give slow machines a moment first.
    window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
  return fileName;
}
