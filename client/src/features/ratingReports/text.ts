// The wording of the 好差评 report page (#6) in zh-CN and English (the English table is typed against
// the Chinese one, so a missing translation does not compile). Level, scope and granularity names come
// from the contracts.
import { useLanguage } from "../../lib/language.tsx";

const zh = {
  intro: "好差评统计：按日、周、月统计各级评价数量、好评率（基本满意及以上）、差评及整改、回访率和按时整改率。默认评价单列，不计入好评率。",
  liaisonIntro: "本单位工作人员的好差评统计。",
  from: "开始日期",
  to: "结束日期",
  granularity: "统计周期",
  scope: "统计对象",
  query: "查询",
  exportExcel: "导出 Excel",
  exportStandard: "导出国家标准数据（GB/T 39046）",
  exportStandardHint: "CSV 文件，UTF-8（带 BOM）编码，满意度代码按 GB/T 39046：1 非常满意 … 5 非常不满意；最多 92 天。",
  downloadFailed: "下载失败，请稍后再试",
  period: "期间",
  total: "合计",
  subject: "名称",
  ratings: "评价数",
  goodRate: "好评率",
  defaulted: "默认评价",
  badReviews: "差评",
  rectification: "整改（未立/进行中/办结/超期）",
  callbackRate: "回访率",
  onTimeRate: "按时整改率",
  chartTitle: "各级评价数量与好评率",
  periodTable: "分期明细",
  totalsTable: "期间合计",
  empty: "该期间没有评价。",
  rangeInvalid: "请选择开始和结束日期，且开始不晚于结束",
};

type ReportText = typeof zh;

const en: ReportText = {
  intro: "Ratings by day, week or month: counts by level, good rate (basically satisfied or better), bad reviews and their rectification, callback and on-time rates. Defaulted ratings are counted apart and not in the good rate.",
  liaisonIntro: "Ratings of your department's staff.",
  from: "From",
  to: "To",
  granularity: "Granularity",
  scope: "Subjects",
  query: "Show",
  exportExcel: "Export to Excel",
  exportStandard: "Export national standard data (GB/T 39046)",
  exportStandardHint: "CSV, UTF-8 with BOM; satisfaction coded as in GB/T 39046: 1 very satisfied … 5 very dissatisfied; at most 92 days.",
  downloadFailed: "The download failed; try again later",
  period: "Period",
  total: "Total",
  subject: "Name",
  ratings: "Ratings",
  goodRate: "Good rate",
  defaulted: "Defaulted",
  badReviews: "Bad reviews",
  rectification: "Rectification (none/open/closed/overdue)",
  callbackRate: "Callback rate",
  onTimeRate: "On-time rate",
  chartTitle: "Ratings by level and good rate",
  periodTable: "By period",
  totalsTable: "Over the range",
  empty: "No ratings in this range.",
  rangeInvalid: "Choose both dates, the first not after the second",
};

export function useReportText(): { lang: "zh-CN" | "en"; rt: ReportText } {
  const { lang } = useLanguage();
  return { lang, rt: lang === "en" ? en : zh };
}
