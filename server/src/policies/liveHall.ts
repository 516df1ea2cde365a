// Who watches the live hall map and a window's detail, and who manages the queue system's keys.
// The map shows people at work, so it is for those who supervise them: leaders, supervisors, the
// administrator (pads, settings), the city-level leader (any center) and a department's liaison (only
// the windows serving their department). Staff see their own record elsewhere; auditors the audit log only.
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

export const canWatchLiveHall = (actor: Actor): boolean =>
  hasRole(actor, "LEADER", "SUPERVISOR", "ADMIN", "CITY_LEADER") || (hasRole(actor, "LIAISON") && actor.departmentId !== null && actor.centerId !== null);

/** A window is in the actor's map: same center (or city leader), and for a liaison one of its departments is theirs. */
export const canSeeWindowLive = (actor: Actor, window: { centerId: number; departmentIds: number[] }): boolean => {
  if (!canWatchLiveHall(actor)) return false;
  if (hasRole(actor, "CITY_LEADER")) return true;
  if (actor.centerId !== window.centerId) return false;
  return !hasRole(actor, "LIAISON") || (actor.departmentId !== null && window.departmentIds.includes(actor.departmentId));
};

/** Queue-system API keys are a system integration: the center's administrator creates and revokes them. */
export const canManageQueueKeys = (actor: Actor): boolean => hasRole(actor, "ADMIN") && actor.centerId !== null;
