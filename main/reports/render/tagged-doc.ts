/**
 * A tagged PDF document (PDF/UA-style structure) with the few building blocks the reports need:
 * headings, paragraphs, lists, tables with header cells, figures with alt text, and a header and
 * footer on every page marked as artifacts so screen readers skip them. Everything printed goes
 * through `printable` (Helvetica covers Windows-1252 only); where that changed the text (a name
 * such as "Nguyễn"), the element's ActualText keeps the original for screen readers and copying.
 */
import PDFDocument from 'pdfkit';
import { printable } from './text';

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;
/** pdfkit reads these options; its type declarations do not list them. */
type ElementOptions = PDFKit.Mixins.StructureElementOptions & {
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
  scope?: 'Row' | 'Column' | 'Both';
};

/** Colours with at least 4.5:1 contrast on white (WCAG 2.1 AA for text). */
export const INK = '#1a1a1a';
export const MUTED = '#4d4d4d';
export const ACCENT = '#1f4e79';
const RULE = '#9a9a9a';
const HEADER_FILL = '#e8eef5';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface PageFurniture {
  /** Top of every page, e.g. "Student report · Ana García · Confidential". */
  header: string;
  /** Bottom of every page, before the page number, e.g. the data date and model version. */
  footer: string;
}

const HEADING_SIZES = { 1: 18, 2: 13.5, 3: 11.5 } as const;
const BODY_SIZE = 10;

/** The original text as ActualText, when what Helvetica could print differs from it. */
function actualText(original: string, shown: string): ElementOptions {
  return original === shown ? {} : { actual: original };
}

export class TaggedReport {
  readonly doc: Doc;
  readonly #root: Element;
  readonly #done: Promise<Buffer>;
  readonly #furniture: PageFurniture;

  constructor(meta: { title: string; landscape?: boolean } & PageFurniture) {
    this.doc = new PDFDocument({
      size: 'LETTER',
      layout: meta.landscape ? 'landscape' : 'portrait',
      margins: { top: 56, bottom: 60, left: 54, right: 54 },
      tagged: true,
      lang: 'en-US',
      displayTitle: true,
      // Kept open so "Page 2 of 5" can be written once the page count is known.
      bufferPages: true,
      // Document info strings are Unicode: the title keeps every letter of the student's name.
      info: { Title: meta.title, Author: 'Sightline' },
      pdfVersion: '1.7',
    });
    this.#furniture = { header: meta.header, footer: meta.footer };
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.#done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.#root = this.doc.struct('Document');
    this.doc.addStructure(this.#root);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    const { margins, width } = this.doc.page;
    return width - margins.left - margins.right;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  keepSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  /** `keepWith`: room the content after it needs (a chart), so the two start on one page. */
  heading(level: 1 | 2 | 3, text: string, keepWith = BODY_SIZE * 4): void {
    const size = HEADING_SIZES[level];
    // A heading never sits alone at the foot of a page.
    this.keepSpace(size * 1.4 + keepWith);
    if (level > 1 && this.doc.y > this.doc.page.margins.top + 1) this.gap(level === 2 ? 10 : 6);
    this.#leaf(`H${level}`, text, (shown) => {
      this.doc
        .font('Helvetica-Bold')
        .fontSize(size)
        .fillColor(level === 1 ? INK : ACCENT)
        .text(shown, this.left, this.doc.y, { width: this.width });
    });
    this.gap(3);
  }

  paragraph(text: string, style: { bold?: boolean; size?: number; color?: string } = {}): void {
    this.#leaf('P', text, (shown) => {
      this.doc
        .font(style.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(style.size ?? BODY_SIZE)
        .fillColor(style.color ?? INK)
        .text(shown, this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    });
    this.gap(4);
  }

  /** A bulleted list (L › LI › Lbl + LBody). */
  bullets(items: string[]): void {
    if (items.length === 0) return;
    const { doc } = this;
    const list = doc.struct('L');
    this.#root.add(list);
    for (const item of items) {
      const text = printable(item);
      doc.font('Helvetica').fontSize(BODY_SIZE);
      this.keepSpace(doc.heightOfString(text, { width: this.width - 14 }) + 2);
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      li.add(
        doc.struct('Lbl', {}, () => {
          doc.fillColor(INK).text('•', this.left + 2, y, { lineBreak: false });
        }),
      );
      li.add(
        doc.struct('LBody', actualText(item, text), () => {
          doc
            .fillColor(INK)
            .text(text, this.left + 14, y, { width: this.width - 14, lineGap: 1.5 });
        }),
      );
      li.end();
      doc.y += 3;
    }
    list.end();
    doc.x = this.left;
    this.gap(2);
  }

  /**
   * A table with a header row (TH, column scope) repeated on each page it runs onto; with
   * `rowHeaders` the first cell of each row is a row header (a student's name, a field name).
   */
  table(
    columns: Column[],
    rows: string[][],
    options: { fontSize?: number; rowHeaders?: boolean; headerRow?: boolean } = {},
  ): void {
    const { doc } = this;
    const size = options.fontSize ?? 9;
    const pad = 3.5;
    const widths = columns.map((c) => c.width * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const headerRow = options.headerRow ?? true;
    const font = (bold: boolean) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const source = rows.map((row) => row.map((cell) => (cell === '' ? '—' : cell)));
    const cellText = source.map((row) => row.map((cell) => printable(cell)));
    const headers = columns.map((c) => printable(c.header));
    const heightOf = (texts: string[], bold: (i: number) => boolean) =>
      Math.max(
        ...texts.map(
          (t, i) => font(bold(i)).heightOfString(t, { width: widths[i]! - 2 * pad }) + 2 * pad,
        ),
      );
    const isRowHeader = (i: number) => options.rowHeaders === true && i === 0;
    const headerHeight = headerRow ? heightOf(headers, () => true) : 0;

    const table = doc.struct('Table');
    this.#root.add(table);
    const drawHeader = (tagged: boolean) => {
      const y = doc.y;
      this.artifact(() => {
        doc.rect(this.left, y, this.width, headerHeight).fill(HEADER_FILL);
      });
      const cell = (i: number) => () => {
        font(true)
          .fillColor(INK)
          .text(headers[i]!, xs[i]! + pad, y + pad, {
            width: widths[i]! - 2 * pad,
            align: columns[i]!.align ?? 'left',
          });
      };
      if (tagged) {
        const tr = doc.struct('TR');
        table.add(tr);
        headers.forEach((_, i) =>
          tr.add(doc.struct('TH', { scope: 'Column' } as ElementOptions, cell(i))),
        );
        tr.end();
      } else {
        // The repeat on a continuation page is for the eye; the structure has the one header row.
        this.artifact(() => headers.forEach((_, i) => cell(i)()));
      }
      this.artifact(() => this.#rule(y + headerHeight, 0.8));
      doc.y = y + headerHeight;
    };

    this.keepSpace(headerHeight + (cellText[0] ? heightOf(cellText[0], isRowHeader) : 0));
    if (headerRow) drawHeader(true);
    for (const [r, row] of cellText.entries()) {
      const height = heightOf(row, isRowHeader);
      if (doc.y + height > doc.page.maxY()) {
        doc.addPage();
        if (headerRow) drawHeader(false);
      }
      const y = doc.y;
      const tr = doc.struct('TR');
      table.add(tr);
      row.forEach((text, i) => {
        const header = isRowHeader(i);
        tr.add(
          doc.struct(
            header ? 'TH' : 'TD',
            { ...(header ? { scope: 'Row' } : {}), ...actualText(source[r]![i]!, text) },
            () => {
              font(header)
                .fillColor(INK)
                .text(text, xs[i]! + pad, y + pad, {
                  width: widths[i]! - 2 * pad,
                  align: columns[i]!.align ?? 'left',
                });
            },
          ),
        );
      });
      tr.end();
      this.artifact(() => this.#rule(y + height, 0.4));
      doc.y = y + height;
    }
    table.end();
    doc.x = this.left;
    this.gap(8);
  }

  /**
   * A chart drawn with vector paths, tagged as one Figure whose alt text says what it shows;
   * callers follow it with a table of the same numbers.
   */
  figure(alt: string, height: number, draw: (box: Box) => void): void {
    const { doc } = this;
    this.keepSpace(TaggedReport.figureSpace(height));
    const box: Box = { x: this.left, y: doc.y, width: this.width, height };
    const options: ElementOptions = {
      alt,
      bbox: [box.x, box.y, box.x + box.width, box.y + box.height],
      placement: 'Block',
    };
    this.#root.add(doc.struct('Figure', options, () => draw(box)));
    doc.x = this.left;
    doc.y = box.y + height + 6;
  }

  /** A figure's height plus the start of the table after it, which should stay together. */
  static figureSpace(height: number): number {
    return height + 70;
  }

  /** Decoration a screen reader should skip (rules, signature lines). */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  /** Writes the header and footer on every page, closes the structure and returns the bytes. */
  finish(): Promise<Buffer> {
    const { doc } = this;
    this.#root.end();
    const { start, count } = doc.bufferedPageRange();
    for (let i = 0; i < count; i++) {
      doc.switchToPage(start + i);
      const { margins, height } = doc.page;
      const bottom = margins.bottom;
      // Writing below the bottom margin would otherwise start a new page.
      margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('Helvetica').fontSize(8).fillColor(MUTED);
      doc.text(printable(this.#furniture.header), this.left, 30, {
        width: this.width,
        lineBreak: false,
      });
      doc.text(printable(this.#furniture.footer), this.left, height - 44, {
        width: this.width - 70,
      });
      doc.text(`Page ${i + 1} of ${count}`, this.left + this.width - 70, height - 44, {
        width: 70,
        align: 'right',
        lineBreak: false,
      });
      doc.endMarkedContent();
      margins.bottom = bottom;
    }
    doc.end();
    return this.#done;
  }

  /** One structure element whose content `draw` writes, added to the document in order. */
  #leaf(type: string, text: string, draw: (shown: string) => void): void {
    const shown = printable(text);
    this.#root.add(this.doc.struct(type, actualText(text, shown), () => draw(shown)));
    this.doc.x = this.left;
  }

  #rule(y: number, width: number): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(width)
      .strokeColor(RULE)
      .stroke();
  }
}
