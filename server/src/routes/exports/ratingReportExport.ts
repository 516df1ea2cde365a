// The 好差评 report as an Excel sheet: one row per period and subject, then each subject's totals
// (期间 = 合计); rates as percentages with one decimal, empty where there is nothing to divide by.
import { LEVEL_LABELS } from "../../contracts/indicators.ts";
import { REPORT_SCOPE_LABELS, TOTAL_PERIOD, type RatingReportRow } from "../../contracts/ratingReports.ts";
import type { ExportColumn } from "./sendWorkbook.ts";

const percent = (rate: number | null): string => (rate === null ? "" : `${(rate * 100).toFixed(1)}%`);

export const RATING_REPORT_COLUMNS: ExportColumn<RatingReportRow>[] = [
  { header: "期间", width: 12, value: (r) => (r.period === TOTAL_PERIOD ? "合计" : r.period) },
  { header: "统计对象", width: 10, value: (r) => REPORT_SCOPE_LABELS[r.subjectKind].zh },
  { header: "名称", width: 28, value: (r) => r.subjectName },
  ...([5, 4, 3, 2, 1] as const).map((level): ExportColumn<RatingReportRow> => ({ header: LEVEL_LABELS[level].zh, width: 10, value: (r) => r.levels[level] })),
  { header: "评价总数（不含默认）", width: 12, value: (r) => r.total },
  { header: "好评率", width: 10, value: (r) => percent(r.goodRate) },
  { header: "默认评价", width: 10, value: (r) => r.defaulted },
  { header: "差评", width: 8, value: (r) => r.badReviews },
  { header: "未立整改", width: 10, value: (r) => r.rectification.none },
  { header: "整改中", width: 8, value: (r) => r.rectification.open },
  { header: "整改办结", width: 10, value: (r) => r.rectification.closed },
  { header: "超期", width: 8, value: (r) => r.rectification.overdue },
  { header: "已回访", width: 8, value: (r) => r.callbacks },
  { header: "回访率", width: 10, value: (r) => percent(r.callbackRate) },
  { header: "按时整改率", width: 12, value: (r) => percent(r.onTimeRate) },
];
