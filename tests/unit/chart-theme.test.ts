/**
 * Charts follow the theme (renderer/src/charts/theme.ts): a configuration built in one theme is
 * re-coloured role by role in the other, leaving everything else (labels, data, callbacks) alone.
 * The page's CSS variables are stood in for by a fake document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PALETTES: Record<string, Record<string, string>> = {
  light: {
    '--color-text-muted': '#4a5361',
    '--chart-grid': '#dde2e8',
    '--chart-threshold': '#b3261e',
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`--chart-${i}`, `#00000${i}`])),
  },
  dark: {
    '--color-text-muted': '#aeb8c5',
    '--chart-grid': '#333d4a',
    '--chart-threshold': '#ff8a80',
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`--chart-${i}`, `#ffffe${i}`])),
  },
};

const root = { dataset: { theme: 'light' } };
const g = globalThis as Record<string, unknown>;

beforeAll(() => {
  g.document = { documentElement: root };
  g.getComputedStyle = () => ({
    getPropertyValue: (name: string) => PALETTES[root.dataset.theme]?.[name] ?? '',
  });
});

afterAll(() => {
  delete g.document;
  delete g.getComputedStyle;
});

describe('chart colours', () => {
  it('a chart built in the light theme is redrawn in the dark colours of the same roles', async () => {
    const { chartTheme, currentColor, rethemed, seriesColor } =
      await import('../../renderer/src/charts/theme');
    root.dataset.theme = 'light';
    const light = chartTheme();
    const callback = (v: unknown) => `${String(v)}%`;
    const config = {
      type: 'line',
      data: {
        labels: ['Sep 1', 'Sep 8'],
        datasets: [{ label: 'Attendance', data: [95, 93.5], borderColor: seriesColor(light, 2) }],
      },
      options: {
        scales: { y: { grid: { color: light.grid }, ticks: { color: light.text, callback } } },
      },
    };

    root.dataset.theme = 'dark';
    const dark = rethemed(config);
    expect(dark.data.datasets[0]!.borderColor).toBe('#ffffe3');
    expect(dark.options.scales.y.grid.color).toBe('#333d4a');
    expect(dark.options.scales.y.ticks.color).toBe('#aeb8c5');
    expect(dark.options.scales.y.ticks.callback).toBe(callback);
    expect(dark.data.labels).toEqual(['Sep 1', 'Sep 8']);
    expect(dark.data.datasets[0]!.data).toEqual([95, 93.5]);
    // The page's configuration is left as it was built.
    expect(config.data.datasets[0]!.borderColor).toBe('#000003');
    expect(dark).not.toBe(config);
    // A plugin's colour, looked up when it draws.
    expect(currentColor(light.threshold)).toBe('#ff8a80');

    root.dataset.theme = 'light';
    expect(rethemed(dark).data.datasets[0]!.borderColor).toBe('#000003');
    expect(currentColor('#123456')).toBe('#123456');
  });
});
