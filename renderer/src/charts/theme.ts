/**
 * Chart colours come from the CSS variables of the current theme (styles/theme.css), so charts
 * follow a future dark theme without code changes.
 */
function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export interface ChartTheme {
  text: string;
  grid: string;
  threshold: string;
  /** Series colours, each at least 3:1 against the chart background. */
  series: string[];
  font: string;
}

export function chartTheme(): ChartTheme {
  return {
    text: cssVar('--color-text-muted', '#4a5361'),
    grid: cssVar('--chart-grid', '#d5dbe3'),
    threshold: cssVar('--chart-threshold', '#b3261e'),
    series: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => cssVar(`--chart-${i}`, '#0b5cad')),
    font: cssVar('--font-sans', 'system-ui, sans-serif'),
  };
}

export function seriesColor(theme: ChartTheme, index: number): string {
  return theme.series[index % theme.series.length] ?? theme.text;
}
