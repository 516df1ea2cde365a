// Every list exports to Excel as filtered: the list route builds its rows with the same `where` and
// hands them here with zh-CN column headers. One sheet, a bold frozen header row, no formulas.
import { loadExcel } from "../../lib/lazyModules.ts";
import { XLSX_TYPE } from "../../contracts/imports.ts";
import type { AppContext } from "../../koa.ts";

/** Exports are capped so one request cannot build an unbounded workbook in memory. */
export const EXPORT_MAX_ROWS = 50_000;

/** An instant as Beijing time "YYYY-MM-DD HH:MM:SS" (China has no daylight saving: always UTC+8). */
export const formatShanghai = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null;
}

export async function sendWorkbook<T>(ctx: AppContext, filename: string, columns: ExportColumn<T>[], rows: T[]): Promise<void> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.created = ctx.services.clock.now();
  const sheet = workbook.addWorksheet(filename);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  const buffer = await workbook.xlsx.writeBuffer();
  ctx.set("Content-Type", XLSX_TYPE);
  ctx.set("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(filename)}.xlsx`);
  ctx.body = Buffer.from(buffer);
}
