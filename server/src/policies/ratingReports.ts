// 好差评 reports and exports (#6): center leaders and hall supervisors read the whole center; a department liaison reads only the ratings
// of their own department's staff, never the hall's or another department's; city-level leaders read any
// one center they name. Staff, administrators, the security administrator and auditors (who read the audit
// log, 三员分立 in DOMAIN.md) have no access; staff see their own ratings on their own page.
import type { ReportScope } from "../contracts/ratingReports.ts";
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

export const canReadRatingReports = (actor: Actor): boolean =>
  (hasRole(actor, "LEADER", "SUPERVISOR", "LIAISON") && actor.centerId !== null) || hasRole(actor, "CITY_LEADER");

/** The department every figure of this actor is narrowed to (null: the whole center). */
export const ratingReportDepartmentLimit = (actor: Actor): number | null => (actor.role === "LIAISON" ? (actor.departmentId ?? -1) : null);

/**
 * May the actor see this report? A liaison: not the hall as a whole, and no department but their own.
 * `departmentId` is the requested narrowing, if any.
 */
export function canSeeRatingReport(actor: Actor, request: { scope?: ReportScope; departmentId?: number }): boolean {
  if (!canReadRatingReports(actor)) return false;
  const limit = ratingReportDepartmentLimit(actor);
  if (limit === null) return true;
  if (request.scope === "HALL") return false;
  return request.departmentId === undefined || request.departmentId === limit;
}
