import type { PipelineRunView } from '../../api/types';
import {
  PIPELINE_MODE_LABELS,
  PIPELINE_STATUS_LABELS,
  PIPELINE_TRIGGER_LABELS,
} from '../../domain/jobLabels';
import { formatCount, formatDate, formatDateTime, formatDuration } from '../../format/format';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/** Every recent run: when, why, what it did, how long it took, and any error. */
export function RunHistoryTable({ runs, busy }: { runs: PipelineRunView[]; busy: boolean }) {
  return (
    <section className="card" aria-labelledby="pipeline-history-title">
      <h2 id="pipeline-history-title" className="card-title">
        Run history
      </h2>
      {runs.length === 0 ? (
        <EmptyState title="The pipeline has not run yet.">
          <p>
            Use “Run now” above, or import data: the pipeline runs after every import and once a
            day.
          </p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table run-history" aria-busy={busy}>
            <caption className="visually-hidden">Pipeline runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
                <th scope="col">Mode</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Students
                </th>
                <th scope="col" className="num">
                  Weeks
                </th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col" className="num">
                  Anomalies
                </th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <th scope="row">
                    {formatDateTime(run.startedAt)}
                    {run.asOf && (
                      <span className="cell-note">data as of {formatDate(run.asOf)}</span>
                    )}
                  </th>
                  <td>{PIPELINE_TRIGGER_LABELS[run.trigger]}</td>
                  <td>{PIPELINE_MODE_LABELS[run.mode]}</td>
                  <td>
                    <span className={`status-badge status-${run.status}`}>
                      {PIPELINE_STATUS_LABELS[run.status]}
                    </span>
                  </td>
                  <td className="num">{formatCount(run.students)}</td>
                  <td className="num">{formatCount(run.weeks)}</td>
                  <td className="num">{formatCount(run.rowsWritten)}</td>
                  <td className="num">{formatCount(run.anomalies)}</td>
                  <td className="num">
                    <Value
                      text={
                        run.finishedAt === null
                          ? null
                          : formatDuration(run.finishedAt - run.startedAt)
                      }
                    />
                  </td>
                  <td>
                    <Value text={run.error} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
