import {
  IMPORT_KIND_LABELS,
  IMPORT_STATUS_LABELS,
  ONEROSTER_MODE_LABELS,
} from '../../domain/jobLabels';
import { formatCount, plural } from '../../format/format';
import type { FileReportView } from '../../stores/imports/jobResult';
import { QuarantineTable } from './QuarantineTable';

const COUNTS: { key: keyof FileReportView & string; label: string }[] = [
  { key: 'added', label: 'Added' },
  { key: 'updated', label: 'Updated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'deleted', label: 'Deleted' },
  { key: 'ignored', label: 'Ignored' },
  { key: 'quarantined', label: 'Quarantined' },
];

/** One file's outcome: its summary sentence, every row counted, and its quarantined rows. */
export function FileReportCard({ file }: { file: FileReportView }) {
  const headingId = `report-${file.importId}`;
  const ignored = Object.entries(file.ignoredReasons ?? {});
  return (
    <section className="card report-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {file.fileName}
      </h3>
      <p className="muted">
        {IMPORT_KIND_LABELS[file.kind]} ·{' '}
        {file.bundleMode ? `${ONEROSTER_MODE_LABELS[file.bundleMode]} · ` : ''}
        {IMPORT_STATUS_LABELS[file.status]} · {plural(file.rowsTotal, 'row')} read
      </p>
      <p className="report-summary">{file.summary}</p>
      {file.error && <p className="field-error">{file.error}</p>}
      <dl className="report-counts">
        {COUNTS.map(({ key, label }) => (
          <div
            key={key}
            className={key === 'quarantined' && file.quarantined > 0 ? 'count-concern' : undefined}
          >
            <dt>{label}</dt>
            <dd>{formatCount(file[key] as number)}</dd>
          </div>
        ))}
      </dl>
      {ignored.length > 0 && (
        <ul className="ignored-reasons" aria-label={`Why rows of ${file.fileName} were ignored`}>
          {ignored.map(([reason, rows]) => (
            <li key={reason}>
              <span className="ignored-count">Ignored {plural(rows, 'row')}:</span> {reason}
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
