// The first-inquiry list as an Excel sheet (as filtered on screen), zh-CN headers, Beijing time.
import { INQUIRY_STATE_LABELS, type InquiryDto } from "../../contracts/inquiries.ts";
import { formatShanghai, type ExportColumn } from "./sendWorkbook.ts";

const at = (iso: string | null): string => (iso ? formatShanghai(new Date(iso)) : "");

/** The hand-over chain in one cell: "→ 12号窗口 李四（已接收）". */
const handoverChain = (i: InquiryDto): string =>
  i.handovers.map((h) => `→ ${h.toWindowNumber}号窗口${h.toStaffName ? ` ${h.toStaffName}` : ""}（${h.acknowledgedAt ? "已接收" : "待接收"}）`).join("；");

export const INQUIRY_EXPORT_COLUMNS: ExportColumn<InquiryDto>[] = [
  { header: "编号", width: 8, value: (i) => i.id },
  { header: "登记时间（北京时间）", width: 20, value: (i) => at(i.openedAt) },
  { header: "窗口", width: 8, value: (i) => i.windowNumber },
  { header: "首问责任人", value: (i) => i.firstStaffName },
  { header: "咨询人", value: (i) => i.askerName ?? "" },
  { header: "咨询内容", width: 40, value: (i) => i.topic },
  { header: "状态", value: (i) => INQUIRY_STATE_LABELS[i.state].zh },
  { header: "当日未办结预警", width: 14, value: (i) => (i.warnedAt ? "是" : "") },
  { header: "转交情况", width: 40, value: handoverChain },
  { header: "答复内容", width: 40, value: (i) => i.outcome ?? "" },
  { header: "办结时间", width: 20, value: (i) => at(i.closedAt) },
];
