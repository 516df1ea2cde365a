// Accounts: the administrator manages them in their center; the security administrator unlocks and
// resets passwords (三员分立: neither reads the audit log, which is the auditor's).
import type { Role } from "../contracts/roles.ts";
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export const canListUsers = (actor: Actor): boolean => hasRole(actor, "ADMIN", "SECURITY_ADMIN");
export const canManageUsers = (actor: Actor): boolean => hasRole(actor, "ADMIN");
export const canUnlockUsers = (actor: Actor): boolean => hasRole(actor, "ADMIN", "SECURITY_ADMIN");

/** Roles an administrator may grant in their own center: not city-level ones, not their own peers' security powers. */
const GRANTABLE: readonly Role[] = ["LEADER", "SUPERVISOR", "STAFF", "LIAISON", "AUDITOR", "SECURITY_ADMIN", "ADMIN"];
export const canGrantRole = (actor: Actor, role: Role): boolean => canManageUsers(actor) && GRANTABLE.includes(role);

export const canTouchUser = (actor: Actor, target: { centerId: number | null }): boolean =>
  target.centerId !== null && canSeeCenter(actor, target.centerId) && actor.centerId === target.centerId;

export type RoleChangeRefusal = "NOT_GRANTABLE" | "OWN_ADMIN_ROLE";

/**
 * Whether the actor may move an account from its role to another: both roles must be ones the actor
 * may grant (so nobody strips or hands out a role above their own powers), and an administrator may
 * not take the administrator role away from themselves (the center would risk having none).
 */
export function roleChangeRefusal(actor: Actor, target: { id: number; role: Role }, newRole: Role): RoleChangeRefusal | null {
  if (newRole === target.role) return null;
  if (!canGrantRole(actor, newRole) || !canGrantRole(actor, target.role)) return "NOT_GRANTABLE";
  if (target.id === actor.userId && target.role === "ADMIN") return "OWN_ADMIN_ROLE";
  return null;
}

/** An administrator may not deactivate their own account either (same reason). */
export const canDeactivateUser = (actor: Actor, target: { id: number }): boolean => canManageUsers(actor) && target.id !== actor.userId;
