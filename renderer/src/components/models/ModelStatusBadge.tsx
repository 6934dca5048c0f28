import type { ModelStatus } from '../../api/types';
import { MODEL_STATUS_LABELS } from '../../domain/riskLabels';

/** A model version's status in words (the colour only repeats it). */
export function ModelStatusBadge({ status }: { status: ModelStatus }) {
  return (
    <span className={`status-badge model-status-${status}`}>{MODEL_STATUS_LABELS[status]}</span>
  );
}
