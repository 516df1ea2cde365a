// Who may accept, advance and read cases. Window staff work their own cases; supervisors and
// leaders read the center's; liaisons their department's; city leaders every center's.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export interface CaseScopeTarget {
  centerId: number;
  departmentId: number;
  handledById: number;
  acceptedById: number;
}

export const canAcceptCase = (actor: Actor): boolean => hasRole(actor, "STAFF") && actor.staffId !== null && actor.centerId !== null;
export const canReadCases = (actor: Actor): boolean => hasRole(actor, "STAFF", "SUPERVISOR", "LEADER", "LIAISON", "CITY_LEADER");

export function canSeeCase(actor: Actor, c: CaseScopeTarget): boolean {
  if (!canReadCases(actor) || !canSeeCenter(actor, c.centerId)) return false;
  if (actor.role === "STAFF") return actor.staffId !== null && (c.handledById === actor.staffId || c.acceptedById === actor.staffId);
  if (actor.role === "LIAISON") return actor.departmentId === c.departmentId;
  return true;
}

/** Only the staff member now handling the case moves it on. */
export const canAdvanceCase = (actor: Actor, c: CaseScopeTarget): boolean =>
  hasRole(actor, "STAFF") && actor.centerId === c.centerId && actor.staffId !== null && c.handledById === actor.staffId;

/** The Prisma `where` fragment limiting a case list to what the actor may read (beyond the center). */
export function caseListLimit(actor: Actor): { handledById?: number; departmentId?: number } {
  if (actor.role === "STAFF") return { handledById: actor.staffId ?? -1 };
  if (actor.role === "LIAISON") return { departmentId: actor.departmentId ?? -1 };
  return {};
}

/** The SMS outbox (masked numbers only) is read by supervisors and leaders of the center. */
export const canReadOutbox = (actor: Actor): boolean => hasRole(actor, "SUPERVISOR", "LEADER", "CITY_LEADER");

/** Sending a failed SMS again is a step in the center's work: its supervisors and leaders, not city roles. */
export const canRetryNotification = (actor: Actor, n: { centerId: number }): boolean => hasRole(actor, "SUPERVISOR", "LEADER") && actor.centerId === n.centerId;
