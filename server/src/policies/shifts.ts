// Shifts and absences: window staff sign themselves in and out (nobody else does it for them, so a
// shift is the staff member's own statement of presence); supervisors and leaders record approved
// absences and cover, and watch who is on duty in their center.
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

export const canWorkShift = (actor: Actor): boolean => hasRole(actor, "STAFF") && actor.staffId !== null;
export const canWatchShifts = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "ADMIN");
export const canRecordAbsence = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && actor.centerId !== null;
export const canReadAbsences = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && actor.centerId !== null;
/** Hall settings (hours, lunch break, thresholds): administrators edit; leaders and supervisors read. */
export const canReadSettings = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR") && actor.centerId !== null;
export const canEditSettings = (actor: Actor): boolean => hasRole(actor, "ADMIN") && actor.centerId !== null;
