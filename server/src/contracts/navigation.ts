// Which pages each role's navigation shows. The client renders this; the e2e test checks that each
// role sees exactly these entries; the server's policies enforce the same boundaries on the API.
import type { Role } from "./roles.ts";

export const NAV_KEYS = ["home", "live", "alerts", "inspections", "duty", "centers", "departments", "windows", "staff", "items", "users", "audit", "cases", "inquiries", "complaints", "accountability", "evaluations", "devices", "queueKeys", "inspectionChecklist", "settings", "calendar", "rankings", "weeklyReview", "quarterEvaluation", "assessmentRuns", "assessmentRules", "myAssessment", "bulletins", "departmentBulletins", "rectifications", "appeals", "ratingReports"] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export const NAV_LABELS: Record<NavKey, { zh: string; en: string; path: string }> = {
  home: { zh: "首页", en: "Home", path: "/" },
  centers: { zh: "政务中心", en: "Centers", path: "/centers" },
  departments: { zh: "进驻部门", en: "Departments", path: "/departments" },
  windows: { zh: "服务窗口", en: "Windows", path: "/windows" },
  staff: { zh: "工作人员", en: "Staff", path: "/staff" },
  items: { zh: "服务事项", en: "Service items", path: "/items" },
  users: { zh: "用户账户", en: "User accounts", path: "/users" },
  audit: { zh: "审计日志", en: "Audit log", path: "/audit" },
  cases: { zh: "办件督办", en: "Cases", path: "/cases" },
  inquiries: { zh: "首问登记", en: "First inquiries", path: "/inquiries" },
  complaints: { zh: "投诉处理", en: "Complaints", path: "/complaints" },
  accountability: { zh: "责任追究", en: "Accountability", path: "/accountability" },
  evaluations: { zh: "实时评价", en: "Live ratings", path: "/evaluations" },
  devices: { zh: "评价器管理", en: "Rating pads", path: "/devices" },
  settings: { zh: "中心设置", en: "Center settings", path: "/settings" },
  calendar: { zh: "工作日历", en: "Working-day calendar", path: "/calendar" },
  duty: { zh: "在岗情况", en: "On duty", path: "/duty" },
  live: { zh: "大厅实况", en: "Live hall", path: "/live" },
  queueKeys: { zh: "叫号系统接口", en: "Queue system API", path: "/queue-keys" },
  alerts: { zh: "提醒处置", en: "Alerts", path: "/alerts" },
  inspections: { zh: "督查记录", en: "Inspections", path: "/inspections" },
  inspectionChecklist: { zh: "督查清单", en: "Inspection checklist", path: "/inspection-checklist" },
  rankings: { zh: "考核排名", en: "Rankings", path: "/rankings" },
  weeklyReview: { zh: "周点评", en: "Weekly review", path: "/weekly-review" },
  quarterEvaluation: { zh: "季度考评", en: "Quarterly evaluation", path: "/quarter-evaluation" },
  assessmentRuns: { zh: "考核计算", en: "Assessment runs", path: "/assessment-runs" },
  assessmentRules: { zh: "考核细则", en: "Assessment rules", path: "/assessment-rules" },
  myAssessment: { zh: "我的考核", en: "My assessment", path: "/my-assessment" },
  bulletins: { zh: "月度简报", en: "Monthly bulletins", path: "/bulletins" },
  departmentBulletins: { zh: "本单位简报", en: "Our bulletins", path: "/department-bulletins" },
  rectifications: { zh: "差评整改", en: "Bad-review rectification", path: "/rectifications" },
  appeals: { zh: "申诉复核", en: "Appeals", path: "/appeals" },
  ratingReports: { zh: "好差评统计", en: "Rating reports", path: "/rating-reports" },
};

export const NAV_BY_ROLE: Record<Role, readonly NavKey[]> = {
  ADMIN: ["home", "live", "duty", "departments", "windows", "staff", "items", "users", "evaluations", "devices", "queueKeys", "inspectionChecklist", "settings", "calendar", "assessmentRuns", "assessmentRules", "bulletins"],
  SECURITY_ADMIN: ["home", "users"],
  LEADER: ["home", "live", "alerts", "inspections", "duty", "departments", "windows", "staff", "items", "cases", "inquiries", "complaints", "accountability", "evaluations", "rankings", "weeklyReview", "quarterEvaluation", "assessmentRuns", "assessmentRules", "bulletins", "rectifications", "appeals", "ratingReports"],
  SUPERVISOR: ["home", "live", "alerts", "inspections", "duty", "departments", "windows", "staff", "items", "cases", "inquiries", "complaints", "accountability", "evaluations", "rankings", "weeklyReview", "quarterEvaluation", "assessmentRuns", "bulletins", "rectifications", "appeals", "ratingReports"],
  STAFF: ["home", "items", "cases", "inquiries", "myAssessment", "rectifications", "appeals"],
  LIAISON: ["home", "live", "alerts", "windows", "staff", "cases", "rankings", "departmentBulletins", "rectifications", "appeals", "ratingReports"],
  AUDITOR: ["home", "audit", "appeals"],
  CITY_LEADER: ["home", "live", "alerts", "inspections", "centers", "departments", "windows", "staff", "items", "cases", "inquiries", "complaints", "accountability", "evaluations", "rankings", "weeklyReview", "quarterEvaluation", "appeals", "ratingReports"],
  CITY_AUDITOR: ["home", "audit", "appeals"],
};
