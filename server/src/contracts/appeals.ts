// Appeals (申诉复核): the staff member a bad review (level 1 or 2) names may appeal it once, with a reason
// and evidence; a center leader upholds or rejects it with a reason. An upheld appeal takes the rating
// out of scoring; the rating itself is never changed, and rating, appeal and decision stay readable.
import { z } from "zod";

export const APPEAL_STATES = ["PENDING", "UPHELD", "REJECTED"] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_DECISIONS = ["UPHELD", "REJECTED"] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];
/** Levels that count as a bad review (差评): 2 = 不满意, 1 = 非常不满意 */
export const BAD_REVIEW_MAX_LEVEL = 2;

export const fileAppealBodySchema = z.strictObject({
  evaluationId: z.string().trim().min(1).max(64),
  /** Why the review is mistaken or malicious */
  reason: z.string().trim().min(2).max(1000),
  /** What backs it up: the case record, a recording's time, a witness… */
  evidence: z.string().trim().max(2000).optional(),
});
export type FileAppealBody = z.infer<typeof fileAppealBodySchema>;

export const decideAppealBodySchema = z.strictObject({
  decision: z.enum(APPEAL_DECISIONS),
  reason: z.string().trim().min(2).max(1000),
});
export type DecideAppealBody = z.infer<typeof decideAppealBodySchema>;

export const appealListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  state: z.enum(APPEAL_STATES).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  windowId: z.coerce.number().int().positive().optional(),
  staffId: z.coerce.number().int().positive().optional(),
  centerId: z.coerce.number().int().positive().optional(),
});
export type AppealListQuery = z.infer<typeof appealListQuerySchema>;

/** The bad reviews with their appeal (if any): staff see their own, to appeal; the auditor sees all. */
export const badReviewListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** NONE: not appealed */
  appealState: z.enum([...APPEAL_STATES, "NONE"]).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  windowId: z.coerce.number().int().positive().optional(),
  staffId: z.coerce.number().int().positive().optional(),
  centerId: z.coerce.number().int().positive().optional(),
});
export type BadReviewListQuery = z.infer<typeof badReviewListQuerySchema>;

/** The rating as an appeal shows it: exactly as stored, never altered. */
export interface AppealedRatingDto {
  id: string;
  centerId: number;
  level: number;
  reasons: string[];
  comment: string | null;
  channel: string;
  bound: boolean;
  defaulted: boolean;
  ratedAt: string;
  windowId: number | null;
  windowNumber: number | null;
  staffId: number | null;
  staffName: string | null;
  staffNo: string | null;
  departmentId: number | null;
  departmentName: string | null;
  caseNo: string | null;
}

export interface AppealDto {
  id: number;
  state: AppealState;
  staffId: number;
  reason: string;
  evidence: string | null;
  /** An evidence photo is attached (GET /api/appeals/:id/photo) */
  evidencePhoto: boolean;
  createdAt: string;
  decidedById: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  rating: AppealedRatingDto;
}

export interface BadReviewDto {
  rating: AppealedRatingDto;
  /** null: not appealed */
  appeal: Omit<AppealDto, "rating"> | null;
  /** Whether the signed-in user may appeal it now (their own, not appealed yet) */
  canAppeal: boolean;
  /** Counted in scores: false once an appeal is upheld */
  counted: boolean;
}

export const APPEAL_STATE_LABELS: Record<AppealState, { zh: string; en: string }> = {
  PENDING: { zh: "待复核", en: "Pending" },
  UPHELD: { zh: "申诉成立", en: "Upheld" },
  REJECTED: { zh: "申诉不成立", en: "Rejected" },
};
