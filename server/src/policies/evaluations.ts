// Who watches ratings arrive and who invites one. Staff never rate (the pad does, by device token);
// they invite at the window they are signed in to. Liaisons and auditors see no live feed.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export const canWatchEvaluations = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "ADMIN", "CITY_LEADER");

/** Staff invite at their own window; supervisors may invite at any window of their center (e.g. a pad test). */
export const canInvite = (actor: Actor): boolean => hasRole(actor, "STAFF", "SUPERVISOR", "LEADER");
export const canInviteAtWindow = (actor: Actor, window: { centerId: number }): boolean =>
  canInvite(actor) && actor.centerId !== null && canSeeCenter(actor, window.centerId);

/**
 * Cancelling an open invitation (the citizen left, or it went to the wrong window): the staff member
 * signed in at that window now, and whoever may invite anywhere in the center (supervisors, leaders).
 * `signedInWindowId` is the window of the actor's open shift, or null.
 */
export const canCancelInvitation = (actor: Actor, invitation: { centerId: number; windowId: number }, signedInWindowId: number | null): boolean => {
  if (!canInviteAtWindow(actor, invitation)) return false;
  if (actor.role === "STAFF") return signedInWindowId === invitation.windowId;
  return true;
};
