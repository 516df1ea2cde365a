// Inspections (督查): only center leaders and hall supervisors record them (DOMAIN.md "Roles");
// administrators edit the checklist; staff read their own records, liaisons their department's staff,
// city leaders every center's.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export const canRecordInspection = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && actor.centerId !== null;
export const canReadInspections = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "CITY_LEADER", "STAFF", "LIAISON");
export const canReadChecklist = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "ADMIN") && actor.centerId !== null;
export const canEditChecklist = (actor: Actor): boolean => hasRole(actor, "ADMIN") && actor.centerId !== null;

/** A Prisma `where` fragment: staff see their own records, liaisons their department's staff. */
export function inspectionListLimit(actor: Actor): { staffId?: number; staff?: { departmentId: number } } {
  if (actor.role === "STAFF") return { staffId: actor.staffId ?? -1 };
  if (actor.role === "LIAISON") return { staff: { departmentId: actor.departmentId ?? -1 } };
  return {};
}

export function canSeeInspection(actor: Actor, i: { centerId: number; staffId: number | null; staffDepartmentId: number | null }): boolean {
  if (!canReadInspections(actor) || !canSeeCenter(actor, i.centerId)) return false;
  if (actor.role === "STAFF") return i.staffId !== null && i.staffId === actor.staffId;
  if (actor.role === "LIAISON") return i.staffDepartmentId !== null && i.staffDepartmentId === actor.departmentId;
  return true;
}

/** The inspector adds the evidence photo (retries included); a leader may too. */
export const canAttachInspectionPhoto = (actor: Actor, i: { centerId: number; inspectorId: number }): boolean =>
  actor.centerId === i.centerId && (actor.userId === i.inspectorId || hasRole(actor, "LEADER"));

export const canProposeFromInspection = (actor: Actor, i: { centerId: number }): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && actor.centerId === i.centerId;
