// The one way a route refuses: authorize(allowed) throws FORBIDDEN; out-of-scope single resources are
// reported as NOT_FOUND so their existence is not revealed across centers or departments.
import { AppError } from "../errors.ts";
import { isCityRole, type Role } from "../contracts/roles.ts";
import type { Actor } from "./actor.ts";

export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) throw new AppError("FORBIDDEN");
}

export function requireInScope(inScope: boolean): asserts inScope {
  if (!inScope) throw new AppError("NOT_FOUND");
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => roles.includes(actor.role);

/** May the actor see data of this center at all? City-level roles see every center. */
export const canSeeCenter = (actor: Actor, centerId: number): boolean =>
  isCityRole(actor.role) || actor.centerId === centerId;

/**
 * The centers an actor's queries are limited to: their own, or (city roles) all, optionally narrowed
 * by a requested center. Returns a Prisma `where` fragment.
 */
export function centerScope(actor: Actor, requested?: number): { centerId?: number } {
  if (isCityRole(actor.role)) return requested ? { centerId: requested } : {};
  if (actor.centerId === null) throw new AppError("FORBIDDEN");
  return { centerId: actor.centerId };
}
