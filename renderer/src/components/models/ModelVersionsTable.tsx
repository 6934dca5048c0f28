import { useTranslation } from 'react-i18next';
import type { ModelVersionView } from '../../api/types';
import { comparisonText } from '../../domain/risk';
import { MODEL_KIND_LABELS, MODEL_ORIGIN_LABELS } from '../../domain/riskLabels';
import { formatAuc, formatDateTime, formatWholePercent } from '../../format/format';
import { navigate } from '../../stores/routeStore';
import { hrefFor } from '../../stores/routes';
import { Value } from '../common/Value';
import { ModelStatusBadge } from './ModelStatusBadge';

/** The flag rate every version was measured at, or null when they differ. */
function sharedFlagRate(models: readonly ModelVersionView[]): number | null {
  const rates = new Set(models.map((m) => m.metrics.flagRate));
  return rates.size === 1 ? [...rates][0]! : null;
}

/** Every model version, with its headline numbers; choosing one shows it in detail below. */
export function ModelVersionsTable({
  models,
  activeId,
  selectedId,
  busy,
}: {
  models: ModelVersionView[];
  activeId: string | null;
  selectedId: string | null;
  busy: boolean;
}) {
  const { t } = useTranslation('models');
  const rate = sharedFlagRate(models);
  const shown = rate === null ? null : formatWholePercent(rate);
  const rateNote = (m: ModelVersionView) =>
    rate === null ? (
      <span className="cell-note">
        {t('versions.top', { rate: formatWholePercent(m.metrics.flagRate) })}
      </span>
    ) : null;
  return (
    <section className="card" aria-labelledby="model-versions-title">
      <h2 id="model-versions-title" className="card-title">
        {t('versions.title')}
      </h2>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('versions.region')}
      >
        <table className="data-table model-versions" aria-busy={busy}>
          <caption className="visually-hidden">{t('versions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('versions.version')}</th>
              <th scope="col">{t('versions.kind')}</th>
              <th scope="col">{t('versions.status')}</th>
              <th scope="col">{t('versions.origin')}</th>
              <th scope="col">{t('versions.created')}</th>
              <th scope="col" className="num">
                {t('versions.auc')}
              </th>
              <th scope="col" className="num">
                {shown === null
                  ? t('versions.precisionAtFlagRate')
                  : t('versions.precisionAt', { rate: shown })}
              </th>
              <th scope="col" className="num">
                {shown === null
                  ? t('versions.recallAtFlagRate')
                  : t('versions.recallAt', { rate: shown })}
              </th>
              <th scope="col">{t('versions.beatsActive')}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => {
              const selected = m.id === selectedId;
              const route = { name: 'models', modelId: m.id } as const;
              return (
                <tr key={m.id} className={selected ? 'is-selected' : undefined}>
                  <th scope="row">
                    <a
                      translate="no"
                      href={hrefFor(route)}
                      aria-current={selected ? 'true' : undefined}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(route, { replace: true });
                      }}
                    >
                      {m.name}
                    </a>
                    {selected && <span className="cell-note">{t('versions.shownBelow')}</span>}
                  </th>
                  <td>{MODEL_KIND_LABELS[m.kind]}</td>
                  <td>
                    <ModelStatusBadge status={m.status} />
                  </td>
                  <td>{MODEL_ORIGIN_LABELS[m.origin]}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td className="num">
                    <Value text={formatAuc(m.metrics.auc)} />
                  </td>
                  <td className="num">
                    <Value text={formatWholePercent(m.metrics.precisionAtRate)} />
                    {rateNote(m)}
                  </td>
                  <td className="num">
                    <Value text={formatWholePercent(m.metrics.recallAtRate)} />
                    {rateNote(m)}
                  </td>
                  <td>{comparisonText(m, activeId)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
