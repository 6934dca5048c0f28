import type { Plugin } from 'chart.js';
import { currentColor, type ChartTheme } from '../theme';

/**
 * Options every Sightline chart shares: sized by its box, themed, and still (no animation:
 * numbers should be readable the moment they appear, and motion helps nobody here).
 */
export function baseOptions(theme: ChartTheme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: theme.text,
    font: { family: theme.font, size: 13 },
  };
}

export function axis(theme: ChartTheme) {
  return {
    ticks: { color: theme.text, font: { family: theme.font, size: 12 } },
    grid: { color: theme.grid },
    border: { color: theme.text },
  };
}

export function legend(theme: ChartTheme, display = true) {
  return {
    display,
    position: 'top' as const,
    labels: { color: theme.text, font: { family: theme.font, size: 13 }, boxWidth: 14 },
  };
}

/**
 * A dashed horizontal line across the plot at `value` on the y axis, labelled in words. Its
 * colour follows the theme on screen at each draw (the theme may change after it was built).
 */
export function thresholdLine(value: number, label: string, themeColor: string): Plugin {
  return {
    id: `threshold-${value}`,
    afterDatasetsDraw(chart) {
      const y = chart.scales.y?.getPixelForValue(value);
      if (y === undefined) return;
      const { left, right } = chart.chartArea;
      const { ctx } = chart;
      const color = currentColor(themeColor);
      ctx.save();
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(right, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = color;
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.textAlign = 'right';
      ctx.fillText(label, right - 4, y - 6);
      ctx.restore();
    },
  };
}
