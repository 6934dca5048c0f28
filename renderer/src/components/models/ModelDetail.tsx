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
  const { state, reload } = useQuery(modelDetail, model.id);
  const heading = useFocusOnChange<HTMLHeadingElement>(model.id);
  const rate = formatWholePercent(model.metrics.flagRate) ?? '10%';
  const m = model.metrics;
  return (
    <>
      <section className="card model-detail" aria-labelledby="model-detail-title">
        <div className="card-head">
          <h2 id="model-detail-title" ref={heading} tabIndex={-1} className="card-title">
            {model.name}
          </h2>
          <ModelStatusBadge status={model.status} />
        </div>
        <p className="card-note">
          {MODEL_KIND_LABELS[model.kind]} · {MODEL_ORIGIN_LABELS[model.origin]} · created{' '}
          {formatDateTime(model.createdAt)}
          {model.activatedAt ? ` · activated ${formatDateTime(model.activatedAt)}` : ''}
          {model.retiredAt ? ` · retired ${formatDateTime(model.retiredAt)}` : ''}
        </p>
        {model.statusNote && <p className="notice">{model.statusNote}</p>}
        <KpiGrid>
          <KpiTile
            label={`Precision at ${rate}`}
            value={formatWholePercent(m.precisionAtRate)}
            detail="Of the students flagged, how many had the outcome"
          />
          <KpiTile
            label={`Recall at ${rate}`}
            value={formatWholePercent(m.recallAtRate)}
            detail="Of the students with the outcome, how many were flagged"
          />
          <KpiTile label="AUC" value={formatAuc(m.auc)} detail="0.5 is a coin toss, 1.0 perfect" />
          <KpiTile
            label="Precision-recall AUC"
            value={formatAuc(m.prAuc)}
            detail="Precision averaged over every flag rate"
          />
          <KpiTile
            label="Brier score"
            value={formatDecimal3(m.brier)}
            detail="Squared error of the scores as chances; lower is better"
          />
          <KpiTile
            label="Held-out examples"
            value={formatCount(m.holdoutExamples)}
            detail="Measured on these, never trained on"
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
        <ErrorPanel error={state.error} action="load this version’s details" onRetry={reload} />
      ) : state.status === 'ready' ? (
        <DetailTables detail={state.data} rate={rate} />
      ) : (
        <LoadingState what="this version’s details" lines={6} />
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
  if (model.status === 'active') {
    return (
      <p className="model-comparison">
        This is the active model: every risk score staff see comes from it.
      </p>
    );
  }
  const c = model.comparison;
  if (!c) {
    return (
      <p className="model-comparison">
        There was no active model to compare with on the same held-out students.
      </p>
    );
  }
  return (
    <p className="model-comparison">
      <strong>{c.beatsActive ? 'Beats the active model' : 'Does not beat the active model'}</strong>{' '}
      {activeName ? `(${activeName}) ` : ''}on the same held-out students: precision at {rate}{' '}
      {formatWholePercent(model.metrics.precisionAtRate) ?? 'unknown'} against{' '}
      {formatWholePercent(c.activePrecisionAtRate) ?? 'unknown'}, AUC{' '}
      {formatAuc(model.metrics.auc) ?? 'unknown'} against {formatAuc(c.activeAuc) ?? 'unknown'}.
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
