// Which pages each role's navigation shows. The client renders this; the e2e test checks that each
// role sees exactly these entries; the server's policies enforce the same boundaries on the API.
import type { Role } from "./roles.ts";

export const NAV_KEYS = ["home", "centers", "departments", "windows", "staff", "items", "users", "audit", "cases", "inquiries", "accountability", "evaluations", "devices", "settings", "calendar"] as const;
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
  accountability: { zh: "责任追究", en: "Accountability", path: "/accountability" },
  evaluations: { zh: "实时评价", en: "Live ratings", path: "/evaluations" },
  devices: { zh: "评价器管理", en: "Rating pads", path: "/devices" },
  settings: { zh: "中心设置", en: "Center settings", path: "/settings" },
  calendar: { zh: "工作日历", en: "Working-day calendar", path: "/calendar" },
};

export const NAV_BY_ROLE: Record<Role, readonly NavKey[]> = {
  ADMIN: ["home", "departments", "windows", "staff", "items", "users", "evaluations", "devices", "settings", "calendar"],
  SECURITY_ADMIN: ["home", "users"],
  LEADER: ["home", "departments", "windows", "staff", "items", "cases", "inquiries", "accountability", "evaluations"],
  SUPERVISOR: ["home", "departments", "windows", "staff", "items", "cases", "inquiries", "accountability", "evaluations"],
  STAFF: ["home", "items", "cases", "inquiries"],
  LIAISON: ["home", "windows", "staff", "cases"],
  AUDITOR: ["home", "audit"],
  CITY_LEADER: ["home", "centers", "departments", "windows", "staff", "items", "cases", "inquiries", "accountability", "evaluations"],
  CITY_AUDITOR: ["home", "audit"],
};
