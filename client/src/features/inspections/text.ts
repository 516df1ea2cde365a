// The wording of the inspection pages in zh-CN and English (the English table is typed against the
// Chinese one, so a missing translation does not compile).
import { useLanguage } from "../../lib/language.tsx";

const zh = {
  newInspection: "现场督查",
  window: "督查窗口",
  chooseWindow: "选择窗口（可输入窗口号或名称）",
  onDuty: "在岗人员",
  nobodyOnDuty: "当前无人签到",
  checklist: "检查项目",
  pass: "合格",
  fail: "不合格",
  deduction: (n: number) => `扣 ${n} 分`,
  findingNote: "问题说明",
  note: "备注",
  photo: "现场照片（可选）",
  takePhoto: "拍照或选择照片",
  removePhoto: "移除照片",
  save: "保存督查记录",
  saving: "正在保存…",
  retrying: (n: number) => `网络不稳定，正在第 ${n} 次重试（不会重复保存）`,
  saved: "督查记录已保存",
  total: (n: number) => `合计扣分：${n}`,
  propose: "提出责任追究",
  proposed: (id: number) => `已提出责任追究 #${id}`,
  another: "继续督查下一个窗口",
  failedItems: "不合格项目",
  allPassed: "全部合格",
  list: "督查记录",
  at: "督查时间",
  staff: "工作人员",
  inspector: "督查人",
  totalDeduction: "扣分",
  printDay: "打印今日督查记录表",
  printWeek: "打印本周督查记录表",
  failedOnly: "仅有扣分的",
  dates: "日期",
  checklistVersion: (v: number) => (v === 0 ? "默认督查清单" : `督查清单第 ${v} 版`),
  unsaved: "保存失败，请检查网络后再次点击保存（记录编号不变，不会重复）",
  staffRecord: "人员档案",
  noInspections: "暂无督查记录",
};
export type InspectionText = typeof zh;

const en: InspectionText = {
  newInspection: "Inspect a window",
  window: "Window",
  chooseWindow: "Choose a window (type its number or name)",
  onDuty: "On duty",
  nobodyOnDuty: "Nobody signed in",
  checklist: "Checklist",
  pass: "Pass",
  fail: "Fail",
  deduction: (n) => `−${n} points`,
  findingNote: "What was wrong",
  note: "Note",
  photo: "Photo (optional)",
  takePhoto: "Take or choose a photo",
  removePhoto: "Remove the photo",
  save: "Save the inspection",
  saving: "Saving…",
  retrying: (n) => `Unstable network: retry ${n} (it will not be saved twice)`,
  saved: "Inspection saved",
  total: (n) => `Total deduction: ${n}`,
  propose: "Propose accountability",
  proposed: (id) => `Accountability proposed #${id}`,
  another: "Inspect the next window",
  failedItems: "Failed items",
  allPassed: "All passed",
  list: "Inspections",
  at: "Time",
  staff: "Staff",
  inspector: "Inspector",
  totalDeduction: "Deduction",
  printDay: "Print today's sheet",
  printWeek: "Print this week's sheet",
  failedOnly: "With deductions only",
  dates: "Dates",
  checklistVersion: (v) => (v === 0 ? "Default checklist" : `Checklist version ${v}`),
  unsaved: "Not saved: check the network and press save again (same record id, never doubled)",
  staffRecord: "Record",
  noInspections: "No inspections yet",
};

/** Who may read inspection findings (server/src/policies/inspections.ts canReadInspections; staff read only their own, on their home page). */
export const INSPECTION_READERS: readonly string[] = ["LEADER", "SUPERVISOR", "CITY_LEADER", "LIAISON"];

export function useInspectionText() {
  const { lang } = useLanguage();
  return { lang, it: lang === "en" ? en : zh };
}
