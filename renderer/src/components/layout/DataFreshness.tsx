import { formatDate } from '../../format/format';
import { useQuery } from '../../hooks/useQuery';
import { dataOf } from '../../stores/asyncState';
import { systemInfo } from '../../stores/systemInfoStore';

/**
 * "Data as of Sep 8, 2025" in the header: the latest school day the local data describes. It
 * follows imports and pipeline runs (the data.changed event marks it stale).
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
    </p>
  );
}
