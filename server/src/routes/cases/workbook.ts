// Excel exports of the case and accountability lists (what is on screen, with every filter applied).
import { loadExcel } from "../../lib/lazyModules.ts";
import { ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_SOURCE_LABELS, ACCOUNTABILITY_STATE_LABELS, CONSEQUENCE_LABELS, type AccountabilityDto } from "../../contracts/accountability.ts";
import { CASE_STATE_LABELS, type CaseDto } from "../../contracts/cases.ts";

const shanghai = (iso: string | null): string =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ") : "";
const WARNING_ZH = { NONE: "正常", YELLOW: "黄色预警", RED: "红色超期" } as const;

async function toBuffer(sheetName: string, header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const casesWorkbook = (cases: CaseDto[]): Promise<Buffer> =>
  toBuffer(
    "办件",
    ["办件编号", "事项", "窗口", "经办人", "申请人", "状态", "预警", "受理时间（北京时间）", "承诺办结时间", "剩余工作日", "补正暂停工作日", "办结时间", "不予受理理由"],
    cases.map((c) => [
      c.caseNo, c.itemName, c.windowNumber, c.handledByName, c.citizenName, CASE_STATE_LABELS[c.state].zh, WARNING_ZH[c.warning],
      shanghai(c.acceptedAt), shanghai(c.dueAt), c.workingDaysLeft ?? "", c.suspendedDays, shanghai(c.completedAt), c.rejectedReason ?? "",
    ]),
  );

export const accountabilityWorkbook = (records: AccountabilityDto[]): Promise<Buffer> =>
  toBuffer(
    "责任追究",
    ["编号", "类型", "来源", "状态", "工作人员", "办件编号", "事由", "拟扣分", "处理结果", "发生时间（北京时间）", "决定时间", "决定理由"],
    records.map((r) => [
      r.id, ACCOUNTABILITY_KIND_LABELS[r.kind].zh, ACCOUNTABILITY_SOURCE_LABELS[r.source].zh, ACCOUNTABILITY_STATE_LABELS[r.state].zh, r.staffName, r.caseNo ?? "", r.description, r.proposedPoints,
      r.consequence ? CONSEQUENCE_LABELS[r.consequence].zh : "", shanghai(r.occurredAt), shanghai(r.decidedAt), r.decisionReason ?? "",
    ]),
  );

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
