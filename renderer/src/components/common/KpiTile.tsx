import type { ReactNode } from 'react';
import { Value } from './Value';

interface KpiTileProps {
  label: string;
  value: string | null;
  /** A line of context under the number, e.g. "12.4% of students". */
  detail?: ReactNode;
  tone?: 'neutral' | 'concern';
}

/** One headline number. Rendered as a description-list pair so label and value stay together. */
export function KpiTile({ label, value, detail, tone = 'neutral' }: KpiTileProps) {
  return (
    <div className={`kpi-tile kpi-${tone}`}>
      <dt className="kpi-label">{label}</dt>
      <dd className="kpi-value">
        <Value text={value} />
      </dd>
      {detail && <dd className="kpi-detail">{detail}</dd>}
    </div>
  );
}

export function KpiGrid({ children }: { children: ReactNode }) {
  return <dl className="kpi-grid">{children}</dl>;
}
