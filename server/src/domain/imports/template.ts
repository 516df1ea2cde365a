// The downloadable import templates: the data sheet first (its headers are what readSheet checks),
// then a sheet of filling instructions in Chinese.
import { loadExcel } from "../../lib/lazyModules.ts";
import { IMPORT_HEADERS, IMPORT_LABELS, IMPORT_MAX_ROWS, type ImportKind } from "../../contracts/imports.ts";

const NOTES: Record<ImportKind, string[]> = {
  departments: ["部门编码：字母、数字、-、_，中心内唯一；已存在的编码将更新该部门", "联络员邮箱：多个邮箱用分号隔开，可留空"],
  items: [
    "事项编码：中心内唯一；已存在的编码将更新该事项",
    "部门编码：须为已有部门的编码",
    "法定时限、承诺时限：工作日数，0 表示即办件；承诺时限不能长于法定时限",
    "收费：如「不收费」或公布的收费标准",
    "办理流程：每行一个步骤，格式「步骤名称：说明」（单元格内换行 Alt+Enter）",
    "申请材料：每行一项，格式「名称；份数；必需或可选；备注」，只有名称必填",
    "是否公开：填「是」或「否」，公开的事项在办事指南中向群众展示",
  ],
  staff: ["工号：中心内唯一；已存在的工号将更新该人员", "部门编码：须为已有部门的编码（所在单位）", "性别：男 / 女 / 留空", "党员：是 / 否", "入职日期：如 2024-03-01"],
};

export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(IMPORT_LABELS[kind].zh);
  sheet.columns = IMPORT_HEADERS[kind].map((header) => ({ header, width: Math.max(14, header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const help = workbook.addWorksheet("填写说明");
  help.getColumn(1).width = 90;
  help.addRow([`从第 2 行开始逐行填写，不要修改表头，不要使用合并单元格或公式；每次最多 ${IMPORT_MAX_ROWS} 行。`]);
  help.addRow(["任意一行有错误时整个文件都不会导入，请按错误清单修改后重新上传。"]);
  for (const note of NOTES[kind]) help.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
