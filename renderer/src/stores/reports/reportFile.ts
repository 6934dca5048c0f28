/** A generated report's bytes, from a `reports.*` answer. Pure (no API, no DOM). */
import type { ReportFile } from '../../api/types';
import { base64ToBytes } from '../models/cardFile';

/** The downloadable PDF for a report the core drew (base64 in JSON, so every host can carry it). */
export function reportBlob(file: ReportFile): Blob {
  return new Blob([base64ToBytes(file.base64)], { type: file.mimeType || 'application/pdf' });
}
