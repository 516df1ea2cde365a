// Assessment (#8), by DOMAIN.md "Roles": administrators edit the rules (no decisions on people);
// supervisors and leaders run periods, read rankings and write and publish the weekly 点评; only a
// leader overrides and publishes a quarter's honours or recomputes it; staff see only their own
// scores; liaisons only their own department's; city leaders read every center. Auditors and the
// security administrator read the audit log only, so they have no assessment access at all.
import type { AssessmentSubjectKind } from "../contracts/assessmentApi.ts";
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

const inCenter = (actor: Actor) => actor.centerId !== null;

export const canReadAssessmentRules = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR", "STAFF", "LIAISON", "CITY_LEADER");
export const canReadRuleHistory = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR", "CITY_LEADER");
export const canEditAssessmentRules = (actor: Actor): boolean => hasRole(actor, "ADMIN") && inCenter(actor);

export const canStartAssessmentRun = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR") && inCenter(actor);
export const canReadAssessmentRuns = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR", "CITY_LEADER");
export const canListAssessmentPeriods = (actor: Actor): boolean => hasRole(actor, "ADMIN", "LEADER", "SUPERVISOR", "LIAISON", "CITY_LEADER");

/** Rankings, trends and Excel exports; liaisons are narrowed to their department by rankingLimit. */
export const canReadRankings = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "LIAISON", "CITY_LEADER");

/** The department a liaison's rankings are limited to (null: no limit). */
export const rankingDepartmentLimit = (actor: Actor): number | null => (actor.role === "LIAISON" ? (actor.departmentId ?? -1) : null);

export interface ScoreSubjectRef {
  subjectKind: AssessmentSubjectKind;
  subjectId: number;
  /** STAFF: the home department; DEPARTMENT: itself; WINDOW: the departments stationed there */
  departmentIds: readonly number[];
}

/** One score and its explanation or drill-down. */
export function canSeeSubjectScore(actor: Actor, s: ScoreSubjectRef): boolean {
  if (hasRole(actor, "LEADER", "SUPERVISOR", "CITY_LEADER")) return true;
  if (actor.role === "STAFF") return s.subjectKind === "STAFF" && actor.staffId !== null && s.subjectId === actor.staffId;
  if (actor.role === "LIAISON") return actor.departmentId !== null && s.departmentIds.includes(actor.departmentId);
  return false;
}

export const canReadWeeklyReview = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "CITY_LEADER");
export const canAnnotateWeeklyReview = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR") && inCenter(actor);

export const canReadQuarterProposal = (actor: Actor): boolean => hasRole(actor, "LEADER", "SUPERVISOR", "CITY_LEADER");
/** Override, publish and recompute a quarter: the center leader's decisions. */
export const canDecideQuarter = (actor: Actor): boolean => hasRole(actor, "LEADER") && inCenter(actor);

export const canReadOwnScores = (actor: Actor): boolean => actor.role === "STAFF" && actor.staffId !== null && inCenter(actor);
