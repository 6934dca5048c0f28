import type { SystemInfo } from '../../api/types';
import { formatDate } from '../../format/format';
import { useQuery } from '../../hooks/useQuery';
import { dataOf } from '../../stores/asyncState';
import { systemInfo } from '../../stores/systemInfoStore';

/** How the header names the protection of student data on this disk. */
const STORAGE_LABELS: Record<SystemInfo['storage'], string> = {
  'os-keychain': 'Encrypted on this computer (key in its keychain)',
  'owner-only-file': 'Encrypted on this computer (key file)',
  'not-encrypted': 'Not encrypted on this computer',
};

/**
 * "Data as of Sep 8, 2025" in the header: the latest school day the local data describes. It
 * follows imports and pipeline runs (the data.changed event marks it stale). Beside it, how the
 * data is kept on this computer's disk, and that it is not synced with the district yet.
 */
export function DataFreshness() {
  const info = dataOf(useQuery(systemInfo, null).state);
  if (!info) return null;
  const date = formatDate(info.dataAsOf);
  return (
    <p className="header-status">
      {date ? (
        <>
          Data as of <time dateTime={info.dataAsOf ?? undefined}>{date}</time>
        </>
      ) : (
        'No attendance or activity data yet'
      )}
      {/* Sync with the district is not built yet: say so rather than imply it. */}
      <span className="header-status-sync"> · Local only, not synced</span>
      <span className="header-status-storage"> · {STORAGE_LABELS[info.storage]}</span>
    </p>
  );
}
