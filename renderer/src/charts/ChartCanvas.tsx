import { useEffect, useRef } from 'react';
import type { ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';
import { useResolvedTheme } from '../preferences/theme';
import { Chart } from './register';
import { rethemed } from './theme';

interface ChartCanvasProps<T extends ChartType, D, L> {
  /** Build the chart's configuration; called again when `deps` change. */
  config: ChartConfiguration<T, D, L>;
  /** The chart in one phrase, e.g. "Line chart of weekly attendance rate". */
  label: string;
  /** Id of the element with the chart's summary in words. */
  describedBy?: string;
  height?: number;
}

/**
 * A Chart.js canvas that lives exactly as long as the component: created on mount, rebuilt when
 * its configuration or the theme changes (in the theme's colours: charts/theme.ts), destroyed on
 * unmount. Exposed to assistive tech as one image with a label and a description; the data
 * itself is offered as a table beside it.
 */
export function ChartCanvas<T extends ChartType, D = DefaultDataPoint<T>, L = unknown>({
  config,
  label,
  describedBy,
  height = 280,
}: ChartCanvasProps<T, D, L>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useResolvedTheme();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, rethemed(config));
    canvas.dataset.theme = theme;
    return () => chart.destroy();
  }, [config, theme]);
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={canvasRef} role="img" aria-label={label} aria-describedby={describedBy}>
        {label}
      </canvas>
    </div>
  );
}
