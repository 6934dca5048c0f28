import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWholePercent, percentOf } from '../../format/format';

interface ProgressBarProps {
  /** What is progressing, e.g. "Uploading attendance.csv"; the bar's accessible name. */
  label: string;
  /** 0–1. */
  value: number;
  /** The latest step in words, e.g. "attendance.csv: 12,000 rows read". */
  detail?: string | null;
  /** Show the label above the bar (otherwise it is for screen readers only). */
  showLabel?: boolean;
}

/** A labelled progress bar with its percentage and, under it, what is happening in words. */
export function ProgressBar({ label, value, detail, showLabel = true }: ProgressBarProps) {
  const { t } = useTranslation('common');
  const labelId = useId();
  const pct = percentOf(value);
  const percent = formatWholePercent(pct / 100) ?? '';
  return (
    <div className="progress">
      <div className="progress-head">
        <span id={labelId} className={showLabel ? 'progress-label' : 'visually-hidden'}>
          {label}
        </span>
        <span className="progress-value" aria-hidden="true">
          {percent}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={detail ? t('progress.valueText', { percent, detail }) : percent}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {detail && <p className="progress-detail">{detail}</p>}
    </div>
  );
}
