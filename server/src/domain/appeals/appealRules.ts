// The rules of an appeal as pure functions: which rating may be appealed, and which appeal decided.
// The use cases (manageAppeals.ts) check these inside their transaction, so a refusal writes nothing.
import { BAD_REVIEW_MAX_LEVEL, type AppealState } from "../../contracts/appeals.ts";
import type { ErrorCode } from "../../contracts/errors.ts";

export const isBadReview = (level: number): boolean => level >= 1 && level <= BAD_REVIEW_MAX_LEVEL;

/** Why this staff member may not appeal this rating now, or null when they may. */
export function appealFilingRefusal(rating: { level: number; staffId: number | null }, staffId: number, existing: { state: AppealState } | null): ErrorCode | null {
  if (rating.staffId !== staffId) return "APPEAL_NOT_OWN";
  if (!isBadReview(rating.level)) return "APPEAL_NOT_BAD_REVIEW";
  if (existing) return "APPEAL_EXISTS";
  return null;
}

/** An appeal is decided once: only a pending one takes a decision. */
export const appealDecisionRefusal = (appeal: { state: AppealState }): ErrorCode | null => (appeal.state === "PENDING" ? null : "APPEAL_DECIDED");

/** A rating counts in scores unless its appeal was upheld (the assessment reads the same fact). */
export const ratingCountsAfterAppeal = (appeal: { state: AppealState } | null): boolean => appeal?.state !== "UPHELD";
