// Appeals and the bad reviews they are about, as JSON: the rating exactly as stored, its appeal and
// the decision. No citizen data beyond what the rating itself holds.
import type { AppealDto, AppealedRatingDto, BadReviewDto } from "../contracts/appeals.ts";
import type { Appeal, Evaluation } from "../generated/prisma/client.ts";

export const ratingInclude = {
  window: { select: { number: true } },
  staff: { select: { name: true, staffNo: true, departmentId: true, department: { select: { name: true } } } },
  case: { select: { caseNo: true } },
} as const;

export type RatingRow = Evaluation & {
  window: { number: number } | null;
  staff: { name: string; staffNo: string; departmentId: number; department: { name: string } } | null;
  case: { caseNo: string } | null;
};

export const presentRating = (r: RatingRow): AppealedRatingDto => ({
  id: r.id,
  centerId: r.centerId,
  level: r.level,
  reasons: Array.isArray(r.reasons) ? r.reasons.filter((x): x is string => typeof x === "string") : [],
  comment: r.comment,
  channel: r.channel,
  bound: r.bound,
  defaulted: r.defaulted,
  ratedAt: r.ratedAt.toISOString(),
  windowId: r.windowId,
  windowNumber: r.window?.number ?? null,
  staffId: r.staffId,
  staffName: r.staff?.name ?? null,
  staffNo: r.staff?.staffNo ?? null,
  departmentId: r.staff?.departmentId ?? null,
  departmentName: r.staff?.department.name ?? null,
  caseNo: r.case?.caseNo ?? null,
});

export const presentAppealOnly = (a: Appeal, userNames: ReadonlyMap<number, string>): Omit<AppealDto, "rating"> => ({
  id: a.id,
  state: a.state,
  staffId: a.staffId,
  reason: a.reason,
  evidence: a.evidence,
  evidencePhoto: a.evidencePhotoPath !== null,
  createdAt: a.createdAt.toISOString(),
  decidedById: a.decidedById,
  decidedByName: a.decidedById === null ? null : (userNames.get(a.decidedById) ?? null),
  decidedAt: a.decidedAt?.toISOString() ?? null,
  decisionReason: a.decisionReason,
});

export const presentAppeal = (a: Appeal & { evaluation: RatingRow }, userNames: ReadonlyMap<number, string>): AppealDto => ({
  ...presentAppealOnly(a, userNames),
  rating: presentRating(a.evaluation),
});

export const presentBadReview = (r: RatingRow & { appeal: Appeal | null }, userNames: ReadonlyMap<number, string>, canAppeal: boolean): BadReviewDto => ({
  rating: presentRating(r),
  appeal: r.appeal ? presentAppealOnly(r.appeal, userNames) : null,
  canAppeal,
  counted: r.appeal?.state !== "UPHELD",
});
