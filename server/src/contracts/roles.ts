// Roles (DOMAIN.md "Roles") and their display names. Imports only zod: client and kiosk use this file.
import { z } from "zod";

export const ROLES = [
  "ADMIN",
  "SECURITY_ADMIN",
  "LEADER",
  "SUPERVISOR",
  "STAFF",
  "LIAISON",
  "AUDITOR",
  "CITY_LEADER",
  "CITY_AUDITOR",
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** City-level roles span every center of the deployment. */
export const CITY_ROLES: readonly Role[] = ["CITY_LEADER", "CITY_AUDITOR"];
export const isCityRole = (role: Role): boolean => CITY_ROLES.includes(role);

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  ADMIN: { zh: "系统管理员", en: "Administrator" },
  SECURITY_ADMIN: { zh: "安全管理员", en: "Security administrator" },
  LEADER: { zh: "中心领导", en: "Center leader" },
  SUPERVISOR: { zh: "大厅督查员", en: "Hall supervisor" },
  STAFF: { zh: "窗口工作人员", en: "Window staff" },
  LIAISON: { zh: "部门联络员", en: "Department liaison" },
  AUDITOR: { zh: "审计员", en: "Auditor" },
  CITY_LEADER: { zh: "市级领导", en: "City-level leader" },
  CITY_AUDITOR: { zh: "市级审计员", en: "City-level auditor" },
};
