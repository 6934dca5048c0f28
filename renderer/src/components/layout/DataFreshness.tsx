import { Trans, useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../api/types';
import { formatDate } from '../../format/format';
import { useQuery } from '../../hooks/useQuery';
import { dataOf } from '../../stores/asyncState';
import { systemInfo } from '../../stores/systemInfoStore';

/** How the status bar names the protection of student data on this disk. */
const STORAGE_KEYS = {
  'os-keychain': 'statusBar.storage.osKeychain',
  'owner-only-file': 'statusBar.storage.ownerOnlyFile',
  'not-encrypted': 'statusBar.storage.notEncrypted',
} as const satisfies Record<SystemInfo['storage'], string>;

/**
 * The status bar's account of the data: "Data as of Sep 8, 2025", the latest school day the local
 * data describes (a polite live region: it follows imports and pipeline runs, as the data.changed
 * event marks it stale); that it is kept on this computer only, not synced with the district (sync
 * is not built yet: say so rather than imply it); and how it is protected on this computer's disk.
 */
export function DataFreshness() {
  const { t } = useTranslation('layout');
  const info = dataOf(useQuery(systemInfo, null).state);
  const date = info ? formatDate(info.dataAsOf) : null;
  return (
    <div className="status-items">
      <p className="status-item status-freshness" role="status">
        {info &&
          (date ? (
            <Trans
              t={t}
              i18nKey="statusBar.dataAsOf"
              values={{ date }}
              components={{ time: <time dateTime={info.dataAsOf ?? undefined} /> }}
            />
          ) : (
            t('statusBar.noData')
          ))}
      </p>
      <p className="status-item status-sync">{t('statusBar.sync')}</p>
      {info && <p className="status-item status-storage">{t(STORAGE_KEYS[info.storage])}</p>}
    </div>
  );
}
