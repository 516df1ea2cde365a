// The bad-review loop (#6): whoever handled the service owns its ticket (谁办理谁负责) and works it; hall
// supervisors and leaders of the center work any of its tickets; a department liaison reads their
// department's; city leaders read across centers. Auditors do not: they read the audit log (三员分立,
// DOMAIN.md) and, because #6 asks it, the appeals. The citizen's full number is revealed only to
// those who call back: the owner, supervisors and leaders of the center.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export const canReadRectifications = (actor: Actor): boolean =>
  hasRole(actor, "LEADER", "SUPERVISOR", "CITY_LEADER") ||
  (hasRole(actor, "STAFF") && actor.staffId !== null && actor.centerId !== null) ||
  (hasRole(actor, "LIAISON") && actor.departmentId !== null && actor.centerId !== null);

export type RectificationScope =
  | { kind: "center"; centerId?: number }
  | { kind: "department"; centerId: number; departmentId: number }
  | { kind: "owner"; centerId: number; staffId: number };

/** The part of the tickets the actor reads; null: none. */
export function rectificationScopeOf(actor: Actor, requestedCenterId?: number): RectificationScope | null {
  if (!canReadRectifications(actor)) return null;
  if (actor.role === "CITY_LEADER") return { kind: "center", ...(requestedCenterId ? { centerId: requestedCenterId } : {}) };
  if (actor.centerId === null) return null;
  if (actor.role === "STAFF") return { kind: "owner", centerId: actor.centerId, staffId: actor.staffId! };
  if (actor.role === "LIAISON") return { kind: "department", centerId: actor.centerId, departmentId: actor.departmentId! };
  return { kind: "center", centerId: actor.centerId };
}

/** What a policy needs to know of one ticket. */
export interface RectificationFacts {
  centerId: number;
  ownerStaffId: number | null;
  /** The departments stationed at the rated window, and the owner's department */
  departmentIds: number[];
}

export function canSeeRectification(actor: Actor, t: RectificationFacts): boolean {
  const scope = rectificationScopeOf(actor);
  if (!scope || !canSeeCenter(actor, t.centerId)) return false;
  if (scope.kind === "owner") return t.ownerStaffId === scope.staffId;
  if (scope.kind === "department") return t.departmentIds.includes(scope.departmentId);
  return true;
}

/** Records a step: the owner on their own ticket, a supervisor or leader of the ticket's center on any. */
export function canWorkRectification(actor: Actor, t: RectificationFacts): boolean {
  if (hasRole(actor, "SUPERVISOR", "LEADER")) return actor.centerId === t.centerId;
  return hasRole(actor, "STAFF") && actor.centerId === t.centerId && actor.staffId !== null && actor.staffId === t.ownerStaffId;
}

/** The full number, for the call: exactly those who may work the ticket. */
export const canRevealRectificationPhone = (actor: Actor, t: RectificationFacts): boolean => canWorkRectification(actor, t);
