// The working-day calendar: administrators maintain it; supervisors and leaders read it.
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

export const canReadCalendar = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR") && actor.centerId !== null;
export const canManageCalendar = (actor: Actor): boolean => hasRole(actor, "ADMIN") && actor.centerId !== null;
