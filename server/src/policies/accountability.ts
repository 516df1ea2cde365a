// Accountability records: supervisors and leaders propose; only a center leader decides (DOMAIN.md
// "Roles"); staff read their own records; city leaders read every center's.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export const canReadAccountability = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "CITY_LEADER", "STAFF");
export const canProposeAccountability = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && actor.centerId !== null;

export function canSeeAccountability(actor: Actor, r: { centerId: number; staffId: number }): boolean {
  if (!canReadAccountability(actor) || !canSeeCenter(actor, r.centerId)) return false;
  return actor.role !== "STAFF" || r.staffId === actor.staffId;
}

export const canDecideAccountability = (actor: Actor, r: { centerId: number }): boolean => hasRole(actor, "LEADER") && actor.centerId === r.centerId;

export const accountabilityListLimit = (actor: Actor): { staffId?: number } => (actor.role === "STAFF" ? { staffId: actor.staffId ?? -1 } : {});
