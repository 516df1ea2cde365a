// The complaints list as an Excel sheet (as filtered on screen), zh-CN headers, times in Beijing time.
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_STATE_LABELS, type ComplaintDto } from "../../contracts/complaints.ts";
import { formatShanghai, type ExportColumn } from "./sendWorkbook.ts";

const at = (iso: string | null): string => (iso ? formatShanghai(new Date(iso)) : "");

export const COMPLAINT_EXPORT_COLUMNS: ExportColumn<ComplaintDto>[] = [
  { header: "编号", width: 8, value: (c) => c.id },
  { header: "来源渠道", value: (c) => COMPLAINT_CHANNEL_LABELS[c.channel].zh },
  { header: "投诉人", value: (c) => c.complainantName ?? "" },
  { header: "投诉内容", width: 48, value: (c) => c.content },
  { header: "窗口", width: 8, value: (c) => c.windowNumber },
  { header: "工作人员", value: (c) => c.staffName ?? "" },
  { header: "办件编号", value: (c) => c.caseNo ?? "" },
  { header: "承办人", value: (c) => c.assignedToName ?? "" },
  { header: "状态", value: (c) => COMPLAINT_STATE_LABELS[c.state].zh },
  { header: "收到时间（北京时间）", width: 20, value: (c) => at(c.receivedAt) },
  { header: "答复期限", width: 20, value: (c) => at(c.dueAt) },
  { header: "是否超期", width: 10, value: (c) => (c.overdue ? "超期" : "") },
  { header: "答复内容", width: 40, value: (c) => c.answer ?? "" },
  { header: "答复时间", width: 20, value: (c) => at(c.answeredAt) },
  { header: "核实结论", width: 10, value: (c) => (c.substantiated === null ? "" : c.substantiated ? "属实" : "不属实") },
  { header: "责任追究记录", width: 12, value: (c) => c.accountabilityRecordId },
];
