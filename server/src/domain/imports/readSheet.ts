// Reads the first worksheet of an .xlsx upload into rows of trimmed text, refusing what an import
// cannot trust: files that are not spreadsheets, too many rows, wrong headers, merged cells and
// formulas (a formula's cached result may be stale or absent). Nothing here touches the database.
import { Readable } from "node:stream";
import type { CellValue } from "exceljs";
import { loadExcel } from "../../lib/lazyModules.ts";
import type { ErrorIssue } from "../../contracts/errors.ts";
import { IMPORT_MAX_ROWS } from "../../contracts/imports.ts";
import { AppError } from "../../errors.ts";

export interface SheetRow {
  /** 1-based row number as Excel shows it */
  row: number;
  cells: string[];
}

export const cellIssue = (row: number, column: string, zh: string, en: string): ErrorIssue => ({
  path: `${row}.${column}`,
  code: "import_cell",
  message: `第 ${row} 行「${column}」：${zh}`,
  messageEn: `Row ${row}, ${column}: ${en}`,
});

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("").trim();
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text.trim();
  return "";
}

/**
 * Counts the first sheet's rows with exceljs' streaming reader, stopping at limit + 1: a 50,000-row
 * file is refused after reading a tenth of it instead of building the whole workbook in memory.
 */
async function firstSheetRowsUpTo(buffer: Buffer, limit: number): Promise<number> {
  const ExcelJS = await loadExcel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), { worksheets: "emit", sharedStrings: "ignore", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _row of sheet) {
      if (++rows > limit) break;
    }
    break;
  }
  return rows;
}

const tooMany = (maxRows: number) =>
  new AppError("TOO_MANY_ROWS", {
    message: `表格数据超过上限 ${maxRows} 行，请拆分后分批导入，未导入任何数据`,
    messageEn: `More than ${maxRows} data rows; split the file. Nothing was imported`,
  });

/** Loads and checks the sheet; throws NOT_A_SPREADSHEET, TOO_MANY_ROWS or IMPORT_REJECTED. */
export async function readSheet(buffer: Buffer, headers: readonly string[], maxRows = IMPORT_MAX_ROWS): Promise<SheetRow[]> {
  if (buffer.length < 4 || ZIP_MAGIC.some((b, i) => buffer[i] !== b)) throw new AppError("NOT_A_SPREADSHEET");
  let counted: number;
  try {
    counted = await firstSheetRowsUpTo(buffer, maxRows + 1);
  } catch (cause) {
    throw new AppError("NOT_A_SPREADSHEET", { cause });
  }
  // +1: the header row
  if (counted > maxRows + 1) throw tooMany(maxRows);
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a plain ArrayBuffer copy satisfies it and JSZip reads it
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch (cause) {
    throw new AppError("NOT_A_SPREADSHEET", { cause });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("NOT_A_SPREADSHEET");
  if (sheet.actualRowCount - 1 > maxRows) throw tooMany(maxRows);

  const issues: ErrorIssue[] = [];
  const header = sheet.getRow(1);
  const found = headers.map((_, i) => cellText(header.getCell(i + 1).value));
  headers.forEach((expected, i) => {
    if (found[i] !== expected) {
      const column = String.fromCharCode(65 + i);
      issues.push(cellIssue(1, `${column}列`, `表头应为「${expected}」，实际为「${found[i] || "空"}」`, `header should be "${expected}", found "${found[i] ?? ""}"`));
    }
  });
  if (issues.length > 0) throw new AppError("IMPORT_REJECTED", { message: "表头与模板不一致，请下载最新模板，未导入任何数据", messageEn: "The headers do not match the template; nothing was imported", issues });

  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: string[] = [];
    headers.forEach((name, i) => {
      const cell = row.getCell(i + 1);
      if (cell.isMerged) issues.push(cellIssue(rowNumber, name, "不能使用合并单元格，请取消合并后逐行填写", "merged cells are not allowed"));
      else if (cell.type === ExcelJS.ValueType.Formula) issues.push(cellIssue(rowNumber, name, "不能使用公式，请复制后“粘贴为数值”", "formulas are not allowed; paste values"));
      cells.push(cell.isMerged || cell.type === ExcelJS.ValueType.Formula ? "" : cellText(cell.value));
    });
    if (cells.some((c) => c !== "")) rows.push({ row: rowNumber, cells });
  });
  if (issues.length > 0) throw new AppError("IMPORT_REJECTED", { issues: issues.slice(0, 500) });
  return rows;
}
