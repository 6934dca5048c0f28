import type { CalibrationBand } from '../../api/types';
import { calibrationSummary } from '../../domain/risk';
import { formatCount, formatWholePercent } from '../../format/format';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/** Predicted risk against what happened, band by band of scores. */
export function CalibrationTable({ bands }: { bands: CalibrationBand[] }) {
  return (
    <section className="card" aria-labelledby="calibration-title">
      <h3 id="calibration-title" className="card-title">
        Calibration: do the scores mean what they say?
      </h3>
      {bands.length === 0 ? (
        <EmptyState title="No calibration results were recorded for this version." />
      ) : (
        <>
          <p className="card-note">{calibrationSummary(bands)}</p>
          <DataTable
            caption="Calibration: predicted risk and the share who had the outcome, by score band"
            captionHidden
            head={
              <tr>
                <th scope="col">Scores from</th>
                <th scope="col" className="num">
                  Students
                </th>
                <th scope="col" className="num">
                  Predicted risk (average)
                </th>
                <th scope="col" className="num">
                  Had the outcome
                </th>
              </tr>
            }
          >
            {bands.map((b) => (
              <tr key={`${b.from}-${b.to}`}>
                <th scope="row">
                  {formatWholePercent(b.from)} to {formatWholePercent(b.to)}
                </th>
                <td className="num">{formatCount(b.n)}</td>
                <td className="num">{formatWholePercent(b.predicted)}</td>
                <td className="num">
                  <Value text={formatWholePercent(b.observed)} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
