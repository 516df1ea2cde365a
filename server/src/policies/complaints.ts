// Complaints are handled by hall supervisors and leaders (DOMAIN.md "Roles"); city leaders read them.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export const canReadComplaints = (actor: Actor): boolean => hasRole(actor, "SUPERVISOR", "LEADER", "CITY_LEADER");
export const canHandleComplaints = (actor: Actor): boolean => hasRole(actor, "SUPERVISOR", "LEADER") && actor.centerId !== null;
export const canSeeComplaint = (actor: Actor, c: { centerId: number }): boolean => canReadComplaints(actor) && canSeeCenter(actor, c.centerId);
export const canWorkComplaint = (actor: Actor, c: { centerId: number }): boolean => canHandleComplaints(actor) && actor.centerId === c.centerId;
/** The people a complaint may be assigned to are listed only to those who assign: the center's handlers. */
export const canListComplaintAssignees = (actor: Actor): boolean => canHandleComplaints(actor);
