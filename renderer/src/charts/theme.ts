/**
 * Chart colours come from the CSS variables of the theme on screen (styles/theme.css). A chart
 * drawn in one theme is re-coloured by role when the theme changes: ChartCanvas redraws its
 * configuration through `rethemed`, which swaps each colour of the theme it was built in (the
 * grid, a series, the threshold…) for the same role's colour in the current theme. The pages
 * building configurations only call `chartTheme()`; they need not follow the theme themselves.
 * (tests/unit/theme-contrast.test.ts checks the roles' colours differ between themes.)
 */
import type { ResolvedTheme } from '../preferences/theme';

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

function themeOnScreen(): ResolvedTheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Each theme's chart colours, as last read while it was on screen. */
const palettes = new Map<ResolvedTheme, ChartTheme>();

export function chartTheme(): ChartTheme {
  const theme: ChartTheme = {
    text: cssVar('--color-text-muted', '#4a5361'),
    grid: cssVar('--chart-grid', '#d5dbe3'),
    threshold: cssVar('--chart-threshold', '#b3261e'),
    series: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => cssVar(`--chart-${i}`, '#0b5cad')),
    font: cssVar('--font-sans', 'system-ui, sans-serif'),
  };
  palettes.set(themeOnScreen(), theme);
  return theme;
}

export function seriesColor(theme: ChartTheme, index: number): string {
  return theme.series[index % theme.series.length] ?? theme.text;
}

/** A theme's colours in a fixed order of roles. */
function roles(theme: ChartTheme): string[] {
  return [theme.text, theme.grid, theme.threshold, ...theme.series];
}

/**
 * A colour as the theme on screen draws its role: a chart colour of another theme becomes the
 * current theme's colour for the same role; anything else stays as it is.
 */
export function currentColor(color: string, now: ChartTheme = chartTheme()): string {
  const current = roles(now);
  if (current.includes(color)) return color;
  for (const palette of palettes.values()) {
    const role = roles(palette).indexOf(color);
    if (role >= 0) return current[role] ?? color;
  }
  return color;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a chart configuration in the theme on screen (plain objects and arrays copied,
 * functions and everything else shared). Chart.js also gets a fresh object each time it draws,
 * so the configuration a page keeps is never changed by the chart.
 */
export function rethemed<C>(config: C): C {
  const now = chartTheme();
  const copy = (value: unknown): unknown => {
    if (typeof value === 'string') return currentColor(value, now);
    if (Array.isArray(value)) return value.map(copy);
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, copy(v)]));
    }
    return value;
  };
  return copy(config) as C;
}
