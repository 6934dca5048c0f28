import { useTranslation } from 'react-i18next';
import {
  IMPORT_KIND_LABELS,
  IMPORT_STATUS_LABELS,
  ONEROSTER_MODE_LABELS,
} from '../../domain/jobLabels';
import { formatCount } from '../../format/format';
import type { FileReportView } from '../../stores/imports/jobResult';
import { QuarantineTable } from './QuarantineTable';
import { importOutcomeText } from '../../stores/imports/importWords';

const COUNTS = ['added', 'updated', 'unchanged', 'deleted', 'ignored', 'quarantined'] as const;

/** One file's outcome: its summary sentence, every row counted, and its quarantined rows. */
export function FileReportCard({ file }: { file: FileReportView }) {
  const { t } = useTranslation('imports');
  const headingId = `report-${file.importId}`;
  const ignored = Object.entries(file.ignoredReasons ?? {});
  const meta = {
    count: file.rowsTotal,
    n: formatCount(file.rowsTotal),
    kind: IMPORT_KIND_LABELS[file.kind],
    status: IMPORT_STATUS_LABELS[file.status],
  };
  return (
    <section className="card report-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title" translate="no">
        {file.fileName}
      </h3>
      <p className="muted">
        {file.bundleMode
          ? t('report.metaBundle', { ...meta, mode: ONEROSTER_MODE_LABELS[file.bundleMode] })
          : t('report.meta', meta)}
      </p>
      <p className="report-summary">{importOutcomeText(file)}</p>
      {file.error && <p className="field-error">{file.error}</p>}
      <dl className="report-counts">
        {COUNTS.map((key) => (
          <div
            key={key}
            className={key === 'quarantined' && file.quarantined > 0 ? 'count-concern' : undefined}
          >
            <dt>{t(`outcome.${key}`)}</dt>
            <dd>{formatCount(file[key])}</dd>
          </div>
        ))}
      </dl>
      {ignored.length > 0 && (
        <ul
          className="ignored-reasons"
          aria-label={t('report.ignoredLabel', { file: file.fileName })}
        >
          {ignored.map(([reason, rows]) => (
            <li key={reason}>
              <span className="ignored-count">
                {t('report.ignored', { count: rows, n: formatCount(rows) })}
              </span>{' '}
              {reason}
            </li>
          ))}
        </ul>
      )}
      {file.quarantined > 0 && (
        <QuarantineTable importId={file.importId} fileName={file.fileName} />
      )}
    </section>
  );
}
