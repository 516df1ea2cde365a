// A plain ruled table for pdfkit: cells wrap, each row is as tall as its tallest cell, and a row that
// does not fit on the page moves to the next one with the header repeated, so no row is ever cut.
export interface Column<T> {
  title: string;
  /** Points; 0 = share the width left over by the fixed columns */
  width: number;
  align?: "left" | "right" | "center";
  value: (row: T) => string;
}

export interface TableSpec<T> {
  x: number;
  width: number;
  columns: Column<T>[];
  rows: readonly T[];
  font: string;
  boldFont: string;
  fontSize?: number;
  /** y below which nothing is drawn (the page's bottom margin) */
  bottom: number;
  /** y where a continued table starts on a new page */
  topOfPage: number;
}

const PAD_X = 3;
const PAD_Y = 3;
/** A cell longer than this is cut with an ellipsis, so one row can never outgrow a page */
export const MAX_CELL_CHARS = 300;

const clip = (text: string) => (text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text);

export function drawTable<T>(doc: PDFKit.PDFDocument, spec: TableSpec<T>): void {
  const size = spec.fontSize ?? 8;
  const fixed = spec.columns.reduce((s, c) => s + c.width, 0);
  const flexible = spec.columns.filter((c) => c.width === 0).length;
  const flexWidth = flexible > 0 ? Math.max(30, (spec.width - fixed) / flexible) : 0;
  const widths = spec.columns.map((c) => (c.width === 0 ? flexWidth : c.width));
  // Without a flexible column, the fixed ones are scaled to the table's width
  const scale = flexible === 0 && fixed > 0 ? spec.width / fixed : 1;
  const colWidths = widths.map((w) => w * scale);

  const measure = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || " ", { width: colWidths[i]! - 2 * PAD_X, lineGap: 1 }))) + 2 * PAD_Y;
  };
  const drawRow = (cells: string[], y: number, height: number, font: string, fill: string | null) => {
    let x = spec.x;
    if (fill) doc.rect(spec.x, y, spec.width, height).fill(fill);
    doc.lineWidth(0.4).strokeColor("#bfbfbf");
    doc.rect(spec.x, y, spec.width, height).stroke();
    doc.font(font).fontSize(size).fillColor("black");
    cells.forEach((text, i) => {
      const w = colWidths[i]!;
      if (i > 0) doc.moveTo(x, y).lineTo(x, y + height).stroke();
      doc.text(text, x + PAD_X, y + PAD_Y, { width: w - 2 * PAD_X, align: spec.columns[i]!.align ?? "left", lineGap: 1 });
      x += w;
    });
  };

  const header = spec.columns.map((c) => c.title);
  const headerHeight = measure(header, spec.boldFont);
  let y = doc.y;
  const startPage = () => {
    drawRow(header, y, headerHeight, spec.boldFont, "#f2f2f2");
    y += headerHeight;
  };
  if (y + headerHeight * 2 > spec.bottom) {
    doc.addPage();
    y = spec.topOfPage;
  }
  startPage();
  spec.rows.forEach((row, index) => {
    const cells = spec.columns.map((c) => clip(c.value(row)));
    const height = measure(cells, spec.font);
    // A row that does not fit goes to the next page, unless the page holds nothing but the header yet
    if (y + height > spec.bottom && y > spec.topOfPage + headerHeight) {
      doc.addPage();
      y = spec.topOfPage;
      startPage();
    }
    drawRow(cells, y, height, spec.font, index % 2 === 1 ? "#fbfbfb" : null);
    y += height;
  });
  doc.x = spec.x;
  doc.y = y;
}
