// Who may read and change the hall's master data: departments, windows, staff, service items, centers.
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

/** Hall-wide readers of master data. Liaisons read their own department only; auditors read none. */
export const canReadHall = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR", "CITY_LEADER");

export const canReadDepartments = (actor: Actor): boolean => canReadHall(actor) || hasRole(actor, "LIAISON");
export const canReadWindows = (actor: Actor): boolean => canReadHall(actor) || hasRole(actor, "LIAISON", "STAFF");
export const canReadStaff = (actor: Actor): boolean => canReadHall(actor) || hasRole(actor, "LIAISON", "STAFF");
export const canReadItems = (actor: Actor): boolean => canReadHall(actor) || hasRole(actor, "STAFF");
export const canListCenters = (actor: Actor): boolean => hasRole(actor, "CITY_LEADER", "CITY_AUDITOR", "ADMIN", "LEADER");
export const canEditMasterData = (actor: Actor): boolean => hasRole(actor, "ADMIN");

/**
 * The department a reader is limited to, or null for hall-wide readers. Window staff read the whole
 * hall's windows (to hand an inquiry over) but only their own staff record.
 */
export const departmentLimit = (actor: Actor): number | null =>
  actor.role === "LIAISON" ? (actor.departmentId ?? -1) : null;

export const staffLimit = (actor: Actor): number | null => (actor.role === "STAFF" ? (actor.staffId ?? -1) : null);

/** Writes happen in the administrator's own center only; other centers' rows are out of scope (404). */
export const canEditInCenter = (actor: Actor, centerId: number): boolean => canEditMasterData(actor) && actor.centerId === centerId;
/** Lists export to Excel for whoever may read them (the export applies the same scope and filters). */
export const canImportMasterData = (actor: Actor): boolean => canEditMasterData(actor);
