import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartFigureProps {
  title: string;
  /** The chart's message in one or two sentences; also the canvas's description. */
  summary: string;
  /** Renders the chart; given the id of the summary to describe itself with. */
  chart: (summaryId: string) => ReactNode;
  /** The same data as a table (with a caption). */
  table: ReactNode;
  headingLevel?: 2 | 3;
  /** Extra controls beside the title (e.g. a legend). */
  children?: ReactNode;
}

/**
 * A chart with its text alternatives: a heading, a one-sentence summary, and a "Show as table"
 * button that reveals the same numbers as a table under the chart.
 */
export function ChartFigure({
  title,
  summary,
  chart,
  table,
  headingLevel = 2,
  children,
}: ChartFigureProps) {
  const { t } = useTranslation('common');
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const summaryId = useId();
  const tableId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card chart-figure" aria-labelledby={headingId}>
      <div className="card-head">
        <Heading id={headingId} className="card-title">
          {title}
        </Heading>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((s) => !s)}
        >
          {showTable ? t('chart.hideTable') : t('chart.showTable')}
        </button>
      </div>
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
      {children}
      {chart(summaryId)}
      <div id={tableId} className="chart-table" hidden={!showTable}>
        {showTable && table}
      </div>
    </section>
  );
}
