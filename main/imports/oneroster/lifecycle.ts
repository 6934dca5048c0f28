/**
 * What a row asks for, from its file's mode and its `status` / `dateLastModified` columns.
 *
 * Bulk files are the full set and leave both columns blank. Exporters often fill them anyway,
 * so a bulk row with `active` is accepted, and a bulk row marked `tobedeleted` is honoured as a
 * deletion: the binding would have the row left out, which deletes it too, so both readings
 * agree. Delta files must give both: a delta row without them cannot say whether it adds or
 * removes, so it is quarantined rather than guessed.
 */
import type { FileMode } from './manifest';
import { parseDateTime, q } from './values';

export type Lifecycle = { action: 'upsert' | 'delete' } | { reason: string };

export function rowLifecycle(
  mode: Exclude<FileMode, 'absent'>,
  statusText: string,
  modifiedText: string,
): Lifecycle {
  const status = statusText.trim().toLowerCase();
  if (status !== '' && status !== 'active' && status !== 'tobedeleted') {
    return {
      reason: `The status ${q(statusText)} is not a OneRoster status: use active or tobedeleted${mode === 'bulk' ? ', or leave it blank in a bulk file' : ''}.`,
    };
  }
  if (modifiedText.trim() !== '' && parseDateTime(modifiedText) === null) {
    return {
      reason: `dateLastModified ${q(modifiedText)} is not an ISO 8601 date and time (e.g. 2025-10-06T14:02:11.000Z).`,
    };
  }
  if (mode === 'delta') {
    if (status === '') {
      return {
        reason:
          'This delta file row has no status, so Sightline cannot tell whether it adds/changes the record (active) or removes it (tobedeleted). Delta files must fill status and dateLastModified on every row.',
      };
    }
    if (modifiedText.trim() === '') {
      return {
        reason:
          'This delta file row has no dateLastModified. Delta files must fill status and dateLastModified on every row.',
      };
    }
  }
  return { action: status === 'tobedeleted' ? 'delete' : 'upsert' };
}
