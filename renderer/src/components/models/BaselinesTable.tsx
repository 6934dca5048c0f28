import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ModelBaseline, ModelKind } from '../../api/types';
import { baselineLabel } from '../../domain/riskLabels';
import { formatAuc, formatWholePercent } from '../../format/format';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/** The best precision among the approaches, in a sentence. */
function baselinesSummary(
  t: TFunction<'models'>,
  baselines: readonly ModelBaseline[],
  rate: string,
): string {
  const judged = baselines.filter(
    (b): b is ModelBaseline & { precisionAtRate: number } => b.precisionAtRate !== null,
  );
  const best = judged.reduce<(typeof judged)[number] | null>(
    (top, b) => (top === null || b.precisionAtRate > top.precisionAtRate ? b : top),
    null,
  );
  if (!best) return t('baselines.summary');
  return t('baselines.summaryBest', {
    rate,
    approach: baselineLabel(best.name),
    precision: formatWholePercent(best.precisionAtRate),
  });
}

/** Transparent rules vs logistic regression vs GRU: a model earns its place by beating the rules. */
export function BaselinesTable({
  baselines,
  rate,
  kind,
}: {
  baselines: ModelBaseline[];
  rate: string;
  kind: ModelKind;
}) {
  const { t } = useTranslation('models');
  return (
    <section className="card" aria-labelledby="baselines-title">
      <h3 id="baselines-title" className="card-title">
        {t('baselines.title')}
      </h3>
      {baselines.length === 0 ? (
        <EmptyState title={t('baselines.empty')} />
      ) : (
        <>
          <p className="card-note">{baselinesSummary(t, baselines, rate)}</p>
          <DataTable
            caption={t('baselines.caption')}
            captionHidden
            head={
              <tr>
                <th scope="col">{t('baselines.approach')}</th>
                <th scope="col" className="num">
                  {t('baselines.auc')}
                </th>
                <th scope="col" className="num">
                  {t('baselines.precisionAt', { rate })}
                </th>
                <th scope="col" className="num">
                  {t('baselines.recallAt', { rate })}
                </th>
              </tr>
            }
          >
            {baselines.map((b) => (
              <tr key={b.name}>
                <th scope="row">
                  {baselineLabel(b.name)}
                  {b.name === kind && <span className="cell-note">{t('baselines.thisKind')}</span>}
                </th>
                <td className="num">
                  <Value text={formatAuc(b.auc)} />
                </td>
                <td className="num">
                  <Value text={formatWholePercent(b.precisionAtRate)} />
                </td>
                <td className="num">
                  <Value text={formatWholePercent(b.recallAtRate)} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
