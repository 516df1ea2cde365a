// Appeals (申诉复核, DOMAIN.md "Roles"): window staff appeal a bad review of their own service; center
// leaders decide. Supervisors and leaders read the center's appeals, liaisons their department's, staff
// their own; auditors read them all, because an upheld appeal changes scores and must stay checkable.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

/** Roles that read appeals at all (each within its own scope, see appealScopeOf). */
export const canReadAppeals = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "LIAISON", "STAFF", "AUDITOR", "CITY_LEADER", "CITY_AUDITOR");

/** Only the staff member the rating names appeals it (谁办理谁负责 — and who was rated may object). */
export const canFileAppeals = (actor: Actor): boolean => hasRole(actor, "STAFF") && actor.staffId !== null && actor.centerId !== null;
export const canAppealRating = (actor: Actor, rating: { centerId: number; staffId: number | null }): boolean =>
  canFileAppeals(actor) && actor.centerId === rating.centerId && rating.staffId === actor.staffId;

/** The evidence photo is attached by whoever filed the appeal (its state is the domain's to check). */
export const canAttachAppealPhoto = (actor: Actor, appeal: { staffId: number }): boolean => canFileAppeals(actor) && actor.staffId === appeal.staffId;

/** A center leader of the rating's center decides; city leaders read but do not decide a center's appeals. */
export const canDecideAppeals = (actor: Actor): boolean => hasRole(actor, "LEADER") && actor.centerId !== null;
export const canDecideAppeal = (actor: Actor, rating: { centerId: number }): boolean => canDecideAppeals(actor) && actor.centerId === rating.centerId;

export type AppealScope =
  | { kind: "center"; centerId?: number }
  | { kind: "department"; centerId: number; departmentId: number }
  | { kind: "staff"; centerId: number; staffId: number };

/** What part of the appeals (and bad reviews) the actor reads; null: none. */
export function appealScopeOf(actor: Actor, requestedCenterId?: number): AppealScope | null {
  if (!canReadAppeals(actor)) return null;
  if (actor.role === "CITY_LEADER" || actor.role === "CITY_AUDITOR") return { kind: "center", ...(requestedCenterId ? { centerId: requestedCenterId } : {}) };
  if (actor.centerId === null) return null;
  if (actor.role === "STAFF") return actor.staffId === null ? null : { kind: "staff", centerId: actor.centerId, staffId: actor.staffId };
  if (actor.role === "LIAISON") return actor.departmentId === null ? null : { kind: "department", centerId: actor.centerId, departmentId: actor.departmentId };
  return { kind: "center", centerId: actor.centerId };
}

/** One rating (and its appeal) is visible when it falls in the actor's scope. */
export const canSeeAppealOf = (actor: Actor, rating: { centerId: number; staffId: number | null; staffDepartmentId: number | null }): boolean => {
  const scope = appealScopeOf(actor);
  if (!scope || !canSeeCenter(actor, rating.centerId)) return false;
  if (scope.kind === "staff") return rating.staffId === scope.staffId;
  if (scope.kind === "department") return rating.staffDepartmentId === scope.departmentId;
  return true;
};
