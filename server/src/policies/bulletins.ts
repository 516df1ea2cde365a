// Monthly bulletins (#9), by DOMAIN.md "Roles" and the route table in contracts/bulletins.ts: the
// center leader generates, comments, releases and resends; leaders, supervisors and administrators
// read every bulletin of their center and its deliveries (administrators and supervisors keep the
// mail going by retrying a failed one); a department liaison reads only their own department's
// bulletins, and only once released — a draft or another department's bulletin is "not found".
// Everyone else (staff, auditors, the security administrator, city-level accounts) has no access.
import type { BulletinState } from "../contracts/bulletins.ts";
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

const inCenter = (actor: Actor) => actor.centerId !== null;

/** Generate, comment, release and resend: the leader's decisions. */
export const canManageBulletins = (actor: Actor): boolean => hasRole(actor, "LEADER") && inCenter(actor);

export const canReadBulletins = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "ADMIN", "LIAISON") && inCenter(actor);

export const canReadBulletinRuns = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && inCenter(actor);

/** The delivery log, and sending a failed mail once more. */
export const canReadBulletinDeliveries = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "ADMIN") && inCenter(actor);
export const canRetryBulletinDelivery = canReadBulletinDeliveries;

/** What a reader's bulletin lists are narrowed to: a liaison sees their department's released ones. */
export function bulletinReadLimit(actor: Actor): { departmentId: number; state: BulletinState } | null {
  return actor.role === "LIAISON" ? { departmentId: actor.departmentId ?? -1, state: "RELEASED" } : null;
}

/** One bulletin (its view, its PDF), for an actor that canReadBulletins; false is answered 404. */
export function canSeeBulletin(actor: Actor, bulletin: { centerId: number; departmentId: number; state: BulletinState }): boolean {
  if (actor.centerId !== bulletin.centerId) return false;
  if (hasRole(actor, "LEADER", "SUPERVISOR", "ADMIN")) return true;
  if (actor.role === "LIAISON") return actor.departmentId !== null && actor.departmentId === bulletin.departmentId && bulletin.state === "RELEASED";
  return false;
}
