import { Trans, useTranslation } from 'react-i18next';
import type { ModelVersionDetail, ModelVersionView } from '../../api/types';
import { MODEL_KIND_LABELS, MODEL_ORIGIN_LABELS } from '../../domain/riskLabels';
import {
  formatAuc,
  formatCount,
  formatDateTime,
  formatDecimal3,
  formatWholePercent,
} from '../../format/format';
import { useFocusOnChange } from '../../hooks/useFocusOnChange';
import { useQuery } from '../../hooks/useQuery';
import { modelDetail } from '../../stores/models/modelsStore';
import { KpiGrid, KpiTile } from '../common/KpiTile';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { LoadingState } from '../feedback/LoadingState';
import { BaselinesTable } from './BaselinesTable';
import { CalibrationTable } from './CalibrationTable';
import { FeaturesList } from './FeaturesList';
import { ModelActions } from './ModelActions';
import { ModelStatusBadge } from './ModelStatusBadge';
import { SubgroupTable } from './SubgroupTable';
import { wordMessage } from '../../i18n/messages';

interface ModelDetailProps {
  /** The version as the list shows it (drawn at once; the full detail loads beneath). */
  model: ModelVersionView;
  activeName: string | null;
  /** A retired version exists, so there is something to roll back to. */
  canRollBack: boolean;
  canManage: boolean;
}

/**
 * One version in detail: what it is, its headline numbers against the active model, what can be
 * done with it, then the baselines, subgroup, calibration and feature tables.
 */
export function ModelDetail({ model, activeName, canRollBack, canManage }: ModelDetailProps) {
  const { t } = useTranslation('models');
  const { state, reload } = useQuery(modelDetail, model.id);
  const heading = useFocusOnChange<HTMLHeadingElement>(model.id);
  const rate = formatWholePercent(model.metrics.flagRate) ?? '10%';
  const m = model.metrics;
  const facts = [
    MODEL_KIND_LABELS[model.kind],
    MODEL_ORIGIN_LABELS[model.origin],
    t('detail.created', { date: formatDateTime(model.createdAt) }),
    model.activatedAt ? t('detail.activated', { date: formatDateTime(model.activatedAt) }) : null,
    model.retiredAt ? t('detail.retired', { date: formatDateTime(model.retiredAt) }) : null,
  ];
  return (
    <>
      <section className="card model-detail" aria-labelledby="model-detail-title">
        <div className="card-head">
          <h2
            id="model-detail-title"
            ref={heading}
            tabIndex={-1}
            className="card-title"
            translate="no"
          >
            {model.name}
          </h2>
          <ModelStatusBadge status={model.status} />
        </div>
        <p className="card-note">{facts.filter((f) => f !== null).join(' · ')}</p>
        {model.statusNote && (
          <p
            className="notice"
            translate={model.statusNote.key === 'modelNotes.typed' ? 'no' : undefined}
          >
            {wordMessage(model.statusNote)}
          </p>
        )}
        <KpiGrid>
          <KpiTile
            label={t('detail.precision', { rate })}
            value={formatWholePercent(m.precisionAtRate)}
            detail={t('detail.precisionDetail')}
          />
          <KpiTile
            label={t('detail.recall', { rate })}
            value={formatWholePercent(m.recallAtRate)}
            detail={t('detail.recallDetail')}
          />
          <KpiTile label={t('detail.auc')} value={formatAuc(m.auc)} detail={t('detail.aucDetail')} />
          <KpiTile
            label={t('detail.prAuc')}
            value={formatAuc(m.prAuc)}
            detail={t('detail.prAucDetail')}
          />
          <KpiTile
            label={t('detail.brier')}
            value={formatDecimal3(m.brier)}
            detail={t('detail.brierDetail')}
          />
          <KpiTile
            label={t('detail.holdout')}
            value={formatCount(m.holdoutExamples)}
            detail={t('detail.holdoutDetail')}
          />
        </KpiGrid>
        <Comparison model={model} activeName={activeName} rate={rate} />
        <ModelActions
          key={model.id}
          model={model}
          canManage={canManage}
          canRollBack={canRollBack}
        />
      </section>
      {state.status === 'error' ? (
        <ErrorPanel error={state.error} action={t('detail.errorAction')} onRetry={reload} />
      ) : state.status === 'ready' ? (
        <DetailTables detail={state.data} rate={rate} />
      ) : (
        <LoadingState what={t('detail.loading')} lines={6} />
      )}
    </>
  );
}

function Comparison({
  model,
  activeName,
  rate,
}: {
  model: ModelVersionView;
  activeName: string | null;
  rate: string;
}) {
  const { t } = useTranslation('models');
  if (model.status === 'active') {
    return <p className="model-comparison">{t('detail.isActive')}</p>;
  }
  const c = model.comparison;
  if (!c) {
    return <p className="model-comparison">{t('detail.noActive')}</p>;
  }
  const unknown = t('detail.unknown');
  const key = c.beatsActive
    ? activeName
      ? 'detail.beats'
      : 'detail.beatsUnnamed'
    : activeName
      ? 'detail.doesNotBeat'
      : 'detail.doesNotBeatUnnamed';
  return (
    <p className="model-comparison">
      <Trans
        t={t}
        i18nKey={key}
        values={{
          active: activeName,
          rate,
          precision: formatWholePercent(model.metrics.precisionAtRate) ?? unknown,
          activePrecision: formatWholePercent(c.activePrecisionAtRate) ?? unknown,
          auc: formatAuc(model.metrics.auc) ?? unknown,
          activeAuc: formatAuc(c.activeAuc) ?? unknown,
        }}
        components={{ strong: <strong />, name: <span translate="no" /> }}
      />
    </p>
  );
}

function DetailTables({ detail, rate }: { detail: ModelVersionDetail; rate: string }) {
  return (
    <>
      <BaselinesTable baselines={detail.baselines} rate={rate} kind={detail.kind} />
      <SubgroupTable subgroups={detail.subgroups} rate={rate} />
      <CalibrationTable bands={detail.calibration} />
      <FeaturesList features={detail.features} />
    </>
  );
}
