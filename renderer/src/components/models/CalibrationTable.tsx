import { useTranslation } from 'react-i18next';
import type { CalibrationBand } from '../../api/types';
import { calibrationSummary } from '../../domain/risk';
import { formatCount, formatWholePercent } from '../../format/format';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/** Predicted risk against what happened, band by band of scores. */
export function CalibrationTable({ bands }: { bands: CalibrationBand[] }) {
  const { t } = useTranslation('models');
  return (
    <section className="card" aria-labelledby="calibration-title">
      <h3 id="calibration-title" className="card-title">
        {t('calibration.title')}
      </h3>
      {bands.length === 0 ? (
        <EmptyState title={t('calibration.empty')} />
      ) : (
        <>
          <p className="card-note">{calibrationSummary(bands)}</p>
          <DataTable
            caption={t('calibration.caption')}
            captionHidden
            head={
              <tr>
                <th scope="col">{t('calibration.scoresFrom')}</th>
                <th scope="col" className="num">
                  {t('calibration.students')}
                </th>
                <th scope="col" className="num">
                  {t('calibration.predicted')}
                </th>
                <th scope="col" className="num">
                  {t('calibration.hadOutcome')}
                </th>
              </tr>
            }
          >
            {bands.map((b) => (
              <tr key={`${b.from}-${b.to}`}>
                <th scope="row">
                  {t('calibration.band', {
                    from: formatWholePercent(b.from),
                    to: formatWholePercent(b.to),
                  })}
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
