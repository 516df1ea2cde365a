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
