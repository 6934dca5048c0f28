import type { ReportStamp } from '../report-data';
import { longDate } from './text';

/** "Data as of May 29, 2026 · Risk model: …": printed at the foot of every page. */
export function stampLine(stamp: ReportStamp): string {
  const data = stamp.dataAsOf ? `Data as of ${longDate(stamp.dataAsOf)}` : 'No data imported yet';
  const model = stamp.model ? `Risk model: ${stamp.model.name}` : 'No risk model active';
  return `${data} · ${model} · Printed ${longDate(stamp.printedOn)} for ${stamp.preparedFor}`;
}

export const CONFIDENTIAL =
  'Confidential student record. Share it only with staff who work with this student, and store or dispose of printed copies securely. Sightline logged this export.';
