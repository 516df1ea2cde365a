// Alerts: supervisors and leaders see and acknowledge their center's; a department liaison reads the
// alerts of windows their department staffs (nothing else); city leaders read every center's.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export const canReadAlerts = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "LIAISON", "CITY_LEADER");

/** A Prisma `where` fragment limiting a liaison to their department's windows. */
export function alertDepartmentLimit(actor: Actor): { window?: { departments: { some: { departmentId: number } } } } {
  if (actor.role !== "LIAISON") return {};
  return { window: { departments: { some: { departmentId: actor.departmentId ?? -1 } } } };
}

export function canSeeAlert(actor: Actor, a: { centerId: number; windowDepartmentIds: readonly number[] }): boolean {
  if (!canReadAlerts(actor) || !canSeeCenter(actor, a.centerId)) return false;
  return actor.role !== "LIAISON" || (actor.departmentId !== null && a.windowDepartmentIds.includes(actor.departmentId));
}

export const canAcknowledgeAlert = (actor: Actor, a: { centerId: number }): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && actor.centerId === a.centerId;
