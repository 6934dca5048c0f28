/**
 * The light and dark themes (renderer/src/styles/theme.css) meet WCAG 2.1 AA for every colour
 * pair the stylesheets put together: text 4.5:1 on each background it sits on, and 3:1 for what
 * must be seen but is not text (control borders, the focus ring, chip borders, tier bars, chart
 * series). Both themes define the same variables, and chart colours can be told apart by theme
 * (charts/theme.ts re-colours a drawn chart by role when the theme changes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.resolve('renderer/src/styles/theme.css'), 'utf8');

/** The `--name: #rrggbb` colours of one rule block. */
function palette(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in theme.css`);
  const body = css.slice(start, css.indexOf('}', start));
  const colours: Record<string, string> = {};
  for (const m of body.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)) colours[m[1]!] = m[2]!;
  return colours;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT = 4.5;
const UI = 3;

const BACKGROUNDS = ['--color-bg', '--color-surface', '--color-surface-muted'];
const TINTED = ['--color-danger-bg', '--color-notice-bg', '--color-success-bg', '--flag-bg'];
const CAL_FILLS = [
  '--cal-present',
  '--cal-tardy',
  '--cal-early-departure',
  '--cal-excused-absence',
  '--cal-unexcused-absence',
  '--cal-not-enrolled',
  '--cal-none',
];
const TIERS = [
  '--tier-on-track',
  '--tier-on-track-graduation',
  '--tier-at-risk',
  '--tier-critical',
];
const CHARTS = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `--chart-${i}`);

/** [foreground, background, minimum ratio, where it is used]. */
const PAIRS: [string, string, number, string][] = [
  // Body text, muted text and links on every background they appear on.
  ...[...BACKGROUNDS, ...TINTED].flatMap((bg): [string, string, number, string][] => [
    ['--color-text', bg, TEXT, 'text'],
    ['--color-text-muted', bg, TEXT, 'muted text'],
    ['--color-link', bg, TEXT, 'links'],
    ['--color-focus', bg, UI, 'focus ring'],
  ]),
  ['--color-accent-hover', '--color-surface', TEXT, 'hovered link'],
  ['--color-accent-hover', '--color-bg', TEXT, 'hovered link'],
  // Buttons: filled, secondary and status badges drawn in the accent.
  ['--color-on-accent', '--color-accent', TEXT, 'button text'],
  ['--color-on-accent', '--color-accent-hover', TEXT, 'hovered button text'],
  ['--color-accent', '--color-surface', TEXT, 'secondary button, running badge'],
  ['--color-accent', '--color-surface-muted', TEXT, 'hovered secondary button'],
  ['--color-accent', '--color-bg', UI, 'button edge'],
  ['--color-accent', '--color-surface-muted', UI, 'progress fill, attention bar'],
  ['--color-border-strong', '--color-surface', UI, 'control borders'],
  ['--color-border-strong', '--color-bg', UI, 'control borders'],
  ['--color-border-strong', '--color-surface-muted', UI, 'control borders'],
  // States.
  ['--color-danger-text', '--color-surface', TEXT, 'errors'],
  ['--color-danger-text', '--color-surface-muted', TEXT, 'errors'],
  ['--color-danger-text', '--color-bg', TEXT, 'errors'],
  ['--color-danger-text', '--color-danger-bg', TEXT, 'error panel title'],
  ['--color-danger-border', '--color-surface', UI, 'invalid field, unexcused day'],
  ['--color-danger-border', '--color-danger-bg', UI, 'error panel edge'],
  ['--color-success-text', '--color-surface', TEXT, 'saved, improving'],
  ['--color-success-text', '--color-surface-muted', TEXT, 'saved, improving'],
  ['--color-success-text', '--color-bg', TEXT, 'saved, improving'],
  ['--color-success-text', '--color-success-bg', TEXT, 'committed badge'],
  ['--color-neutral-text', '--color-neutral-bg', TEXT, 'status badge'],
  ['--color-notice-border', '--color-notice-bg', UI, 'notice edge'],
  ['--color-notice-border', '--color-surface', UI, 'notice edge'],
  ['--color-notice-border', '--color-surface-muted', UI, 'needs-attention edge'],
  // Flags and risk tiers.
  ['--flag-text', '--flag-bg', TEXT, 'flag badge'],
  ['--flag-text', '--color-surface', TEXT, 'raised flag state, factor pushing up'],
  ['--flag-border', '--color-surface', UI, 'flag badge edge, concern tile'],
  ['--risk-high-text', '--risk-high-bg', TEXT, 'high risk chip'],
  ['--risk-moderate-text', '--risk-moderate-bg', TEXT, 'moderate risk chip'],
  ['--risk-moderate-text', '--color-notice-bg', TEXT, 'private badge'],
  ['--risk-low-text', '--risk-low-bg', TEXT, 'low risk chip'],
  ['--risk-high-border', '--color-surface', UI, 'high risk chip edge'],
  ['--risk-moderate-border', '--color-surface', UI, 'moderate risk chip edge'],
  ['--risk-low-border', '--color-surface', UI, 'low risk chip edge'],
  // The attendance calendar: each fill under its text; empty days in muted text.
  ...CAL_FILLS.map((fill): [string, string, number, string] => ['--cal-text', fill, TEXT, fill]),
  ['--color-text-muted', '--cal-none', TEXT, 'no school day'],
  // Attendance tier bars in their track, and on the card.
  ...TIERS.flatMap((tier): [string, string, number, string][] => [
    [tier, '--color-surface-muted', UI, 'tier bar'],
    [tier, '--color-surface', UI, 'tier bar'],
  ]),
  // Charts draw on the card's surface.
  ...CHARTS.map((c): [string, string, number, string] => [c, '--color-surface', UI, 'series']),
  ['--chart-threshold', '--color-surface', UI, 'threshold line and label'],
  // The header.
  ['--color-header-text', '--color-header-bg', TEXT, 'header'],
  ['--color-header-muted', '--color-header-bg', TEXT, 'header role line, button edge'],
  ['--color-header-link-current', '--color-header-bg', UI, 'current page, header focus ring'],
];

const THEMES = { light: palette(':root'), dark: palette(":root[data-theme='dark']") };

describe('themes', () => {
  it('dark defines every colour light does, and no other', () => {
    expect(Object.keys(THEMES.dark).sort()).toEqual(Object.keys(THEMES.light).sort());
  });

  for (const [name, colours] of Object.entries(THEMES)) {
    it(`${name}: every colour pair meets WCAG 2.1 AA`, () => {
      const failures = PAIRS.flatMap(([fg, bg, min, use]) => {
        const a = colours[fg];
        const b = colours[bg];
        if (!a || !b) return [`${fg} on ${bg}: not defined`];
        const ratio = contrast(a, b);
        return ratio >= min
          ? []
          : [`${fg} ${a} on ${bg} ${b} (${use}): ${ratio.toFixed(2)} < ${min}`];
      });
      expect(failures).toEqual([]);
    });
  }

  it('chart colours tell the themes apart, and equal colours stay equal in both', () => {
    const roles = ['--color-text-muted', '--chart-grid', '--chart-threshold', ...CHARTS];
    const light = roles.map((r) => THEMES.light[r]!.toLowerCase());
    const dark = roles.map((r) => THEMES.dark[r]!.toLowerCase());
    expect(light.filter((c) => dark.includes(c))).toEqual([]);
    for (let i = 0; i < roles.length; i++) {
      for (let j = i + 1; j < roles.length; j++) {
        expect(light[i] === light[j], `${roles[i]} and ${roles[j]}`).toBe(dark[i] === dark[j]);
      }
    }
  });
});
