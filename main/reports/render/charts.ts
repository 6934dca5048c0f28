/**
 * Charts drawn as PDF vector paths (sharp at any zoom, text stays text). Each draws into a box
 * inside a tagged Figure; the figure's alt text and the table after it carry the same numbers,
 * and nothing is told by colour alone (a reference line has a label, bars have values).
 */
import { ACCENT, INK, MUTED, type Box } from './tagged-doc';
import { printable } from './text';

type Doc = PDFKit.PDFDocument;

export interface ChartPoint {
  /** The x-axis label, e.g. "Sep 8". */
  label: string;
  /** Null: no value that week (nothing is drawn, the gap shows). */
  value: number | null;
}

export interface Axis {
  max: number;
  ticks: number[];
  format: (value: number) => string;
}

const GRID = '#cfcfcf';
const REFERENCE = '#a4262c';
const LABEL_SIZE = 7.5;

interface Plot {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Horizontal centre of the i-th of n slots. */
  slot: (i: number) => number;
  slotWidth: number;
  yOf: (value: number) => number;
}

/** Gridlines and y labels, x labels under the slots (thinned so they never overlap). */
function frame(doc: Doc, box: Box, axis: Axis, labels: string[], legend = false): Plot {
  const left = 40;
  const bottom = legend ? 30 : 16;
  const top = 8;
  const plot = {
    x: box.x + left,
    y: box.y + top,
    width: box.width - left - 8,
    height: box.height - top - bottom,
  };
  const slotWidth = plot.width / Math.max(1, labels.length);
  const yOf = (value: number) =>
    plot.y + plot.height * (1 - Math.min(Math.max(value, 0), axis.max) / axis.max);
  doc.font('Helvetica').fontSize(LABEL_SIZE);
  for (const tick of axis.ticks) {
    const y = yOf(tick);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    doc.fillColor(MUTED).text(printable(axis.format(tick)), box.x, y - 3, {
      width: left - 5,
      align: 'right',
      lineBreak: false,
    });
  }
  doc
    .moveTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke();
  const widest = Math.max(1, ...labels.map((l) => doc.widthOfString(printable(l))));
  const every = Math.max(1, Math.ceil((widest + 6) / slotWidth));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    const cx = plot.x + (i + 0.5) * slotWidth;
    doc.fillColor(MUTED).text(printable(label), cx - 30, plot.y + plot.height + 4, {
      width: 60,
      align: 'center',
      lineBreak: false,
    });
  });
  return { ...plot, slotWidth, slot: (i) => plot.x + (i + 0.5) * slotWidth, yOf };
}

/** A dashed line across the plot (e.g. the chronic-absence line), named in a key below it. */
function referenceLine(doc: Doc, plot: Plot, value: number, label: string): void {
  const dashed = (x1: number, x2: number, y: number) =>
    doc
      .moveTo(x1, y)
      .lineTo(x2, y)
      .lineWidth(1.2)
      .dash(4, { space: 3 })
      .strokeColor(REFERENCE)
      .stroke()
      .undash();
  dashed(plot.x, plot.x + plot.width, plot.yOf(value));
  const keyY = plot.y + plot.height + 20;
  dashed(plot.x, plot.x + 24, keyY + 3);
  doc
    .font('Helvetica')
    .fontSize(LABEL_SIZE)
    .fillColor(INK)
    .text(printable(label), plot.x + 30, keyY, { lineBreak: false });
}

/** A line with a dot per point; a missing week breaks the line. */
export function lineChart(doc: Doc, box: Box, points: ChartPoint[], axis: Axis): void {
  const plot = frame(
    doc,
    box,
    axis,
    points.map((p) => p.label),
  );
  doc.lineWidth(1.6).strokeColor(ACCENT);
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    const [x, y] = [plot.slot(i), plot.yOf(p.value)];
    if (drawing) doc.lineTo(x, y);
    else doc.moveTo(x, y);
    drawing = true;
  });
  doc.stroke();
  points.forEach((p, i) => {
    if (p.value !== null) doc.circle(plot.slot(i), plot.yOf(p.value), 1.9).fill(ACCENT);
  });
}

/** Bars from zero; `valueLabels` prints each bar's value above it. */
export function barChart(
  doc: Doc,
  box: Box,
  bars: ChartPoint[],
  axis: Axis,
  options: { reference?: { value: number; label: string }; valueLabels?: boolean } = {},
): void {
  const plot = frame(
    doc,
    box,
    axis,
    bars.map((b) => b.label),
    options.reference !== undefined,
  );
  const barWidth = Math.min(plot.slotWidth * 0.72, 60);
  bars.forEach((bar, i) => {
    if (bar.value === null) return;
    const top = plot.yOf(bar.value);
    const bottom = plot.y + plot.height;
    doc.rect(plot.slot(i) - barWidth / 2, top, barWidth, Math.max(bottom - top, 0.5)).fill(ACCENT);
    if (options.valueLabels) {
      doc
        .font('Helvetica-Bold')
        .fontSize(LABEL_SIZE + 1)
        .fillColor(INK)
        .text(printable(axis.format(bar.value)), plot.slot(i) - 30, top - LABEL_SIZE - 4, {
          width: 60,
          align: 'center',
          lineBreak: false,
        });
    }
  });
  if (options.reference) referenceLine(doc, plot, options.reference.value, options.reference.label);
}
