// The bad-review loop (差评整改, #6): every rating at level 1 or 2 opens a rectification owned by whoever
// handled the service (谁办理谁负责): verify → resolve (fix / plan / explain) → call back → close, each step
// due in working days of the center's calendar (docs/bad-reviews.md says where the defaults come from).
//
// HTTP routes (all JSON, session + CSRF as every /api route):
//   GET  /api/rectifications                 ?state&overdue=1&windowId&staffId&departmentId&mine=1&centerId&page&pageSize
//                                             → Page<RectificationListItemDto>, newest first
//   GET  /api/rectifications/:id             → RectificationDto (with the step history); :id = the rating's id (UUID)
//   POST /api/rectifications/:id/verify      body VerifyStepBody   → RectificationDto
//   POST /api/rectifications/:id/resolve     body ResolveStepBody  → RectificationDto
//   POST /api/rectifications/:id/callback    body CallbackStepBody → RectificationDto
//   POST /api/rectifications/:id/close       body CloseStepBody    → RectificationDto
//   GET  /api/rectifications/:id/phone       → RectificationPhoneDto: the full number for the callback, to the
//                                             owner or a supervisor/leader only, written to the audit log
//
// Socket (on /supervisor, inside the usual envelope): `rectification.changed`, data = RectificationListItemDto
// plus `departmentIds`, whenever a ticket opens, a step is recorded or a step turns overdue (liaisons hear
// their departments' tickets only). Clients patch or refetch their list.
//
// Who may: the owner (the rated staff member's account) acts on their own tickets; SUPERVISOR / LEADER of the
// center act on any; DEPARTMENT_LIAISON reads their department's tickets; AUDITOR reads all; all else FORBIDDEN.
// The phone is revealed to the owner, SUPERVISOR and LEADER only (never to liaison or auditor).
//
// Error codes (400 unless noted; envelope {code, message (zh), messageEn}):
//   VALIDATION_FAILED                  body / query does not match the schemas below (e.g. PLAN without planDueAt)
//   RECTIFICATION_ILLEGAL_STEP         the step is not the one due now (out of order, e.g. callback before verify, or the ticket is closed)
//   RECTIFICATION_PLAN_DUE_INVALID     planDueAt is not after now, or more than 180 days ahead
//   RECTIFICATION_NO_PHONE       404   no number to reveal (none left, or purged after retention)
//   FORBIDDEN                    403   not allowed (role matrix above)
//   NOT_FOUND                    404   no such ticket in a center the user may see
//
// Steps and states: state is the step that is due. VERIFY → (verified=true) RESOLVE → CALLBACK → close.
// verified=false (the review is not borne out by the facts) skips RESOLVE: the citizen is still called back
// and told the finding, so it goes VERIFY → CALLBACK. After the callback is recorded the state stays CALLBACK
// and `nextStep` is "close"; closing sets CLOSED. `nextStep` is what the client should offer.
//
// CONTRACT READY
import { z } from "zod";

export const RECTIFICATION_STATES = ["VERIFY", "RESOLVE", "CALLBACK", "CLOSED"] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_STEPS = ["verify", "resolve", "callback", "close"] as const;
export type RectificationStep = (typeof RECTIFICATION_STEPS)[number];
export const RESOLUTIONS = ["FIX", "PLAN", "EXPLAIN"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** The evidence and notes people write in each step. */
const note = z.string().trim().min(2).max(2000);

export const rectificationIdParamSchema = z.strictObject({ id: z.uuid() });

export const rectificationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  state: z.enum(RECTIFICATION_STATES).optional(),
  /** Open and past the current step's due time */
  overdue: z.enum(["1"]).optional(),
  windowId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** The owner */
  staffId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** A department stationed at the rated window, or the owner's department */
  departmentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** Owned by the signed-in staff member */
  mine: z.enum(["1"]).optional(),
  centerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type RectificationListQuery = z.infer<typeof rectificationListQuerySchema>;

export const verifyStepBodySchema = z.strictObject({
  verified: z.boolean(),
  /** The evidence the finding rests on (required either way) */
  note,
});
export type VerifyStepBody = z.infer<typeof verifyStepBodySchema>;

export const resolveStepBodySchema = z
  .strictObject({
    /** FIX: put right at once; PLAN: a rectification plan with its own deadline; EXPLAIN: no legal basis, explained */
    resolution: z.enum(RESOLUTIONS),
    note,
    /** ISO instant; required for PLAN, refused otherwise */
    planDueAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.resolution === "PLAN" && !b.planDueAt) ctx.addIssue({ code: "custom", path: ["planDueAt"], message: "a plan needs its deadline" });
    if (b.resolution !== "PLAN" && b.planDueAt) ctx.addIssue({ code: "custom", path: ["planDueAt"], message: "only a plan has a deadline" });
  });
export type ResolveStepBody = z.infer<typeof resolveStepBodySchema>;

export const callbackStepBodySchema = z
  .strictObject({
    reached: z.boolean(),
    /** Satisfied now? null when the citizen was not reached (or would not say) */
    satisfied: z.boolean().nullable(),
    note,
  })
  .refine((b) => b.reached || b.satisfied === null, { path: ["satisfied"], message: "not reached: satisfied must be null" });
export type CallbackStepBody = z.infer<typeof callbackStepBodySchema>;

export const closeStepBodySchema = z.strictObject({ note: z.string().trim().max(2000).optional() });
export type CloseStepBody = z.infer<typeof closeStepBodySchema>;

/** The rating the ticket is about. */
export interface RectificationEvaluationDto {
  id: string;
  level: number;
  reasons: string[];
  comment: string | null;
  channel: string;
  ratedAt: string;
  windowId: number | null;
  windowNumber: number | null;
  windowName: string | null;
  staffId: number | null;
  staffName: string | null;
  caseId: number | null;
  caseNo: string | null;
}

export interface RectificationListItemDto {
  id: string;
  centerId: number;
  state: RectificationState;
  /** The step to offer next; null once closed */
  nextStep: RectificationStep | null;
  evaluation: RectificationEvaluationDto;
  ownerStaffId: number | null;
  ownerName: string | null;
  openedAt: string;
  /** Due time of the current step (working days of the center's calendar); null once closed */
  stepDueAt: string | null;
  /** The current step is past its due time */
  overdue: boolean;
  /** Some step of this ticket missed its due time (so it does not count as on time) */
  everOverdue: boolean;
  planDueAt: string | null;
  /** 138****5678, or null (none left, or purged) */
  citizenPhoneMasked: string | null;
  closedAt: string | null;
}

export interface RectificationEventDto {
  id: number;
  step: "open" | RectificationStep | "overdue" | "phone_purged" | "phone_revealed";
  at: string;
  actorId: number | null;
  actorName: string | null;
  data: Record<string, unknown> | null;
}

export interface RectificationDto extends RectificationListItemDto {
  verified: boolean | null;
  verifyNote: string | null;
  resolution: Resolution | null;
  resolutionNote: string | null;
  callbackReached: boolean | null;
  callbackSatisfied: boolean | null;
  callbackNote: string | null;
  /** When the stored number will be deleted (set at close: closedAt + retention) */
  phonePurgeAt: string | null;
  /** The citizen consented to a callback on the pad (PIPL); kept after the number is purged */
  phoneConsentAt: string | null;
  /** The step history, oldest first */
  events: RectificationEventDto[];
  /** What the signed-in user may do now (the client shows buttons accordingly) */
  can: { act: boolean; revealPhone: boolean };
}

export interface RectificationPhoneDto {
  id: string;
  phone: string;
}

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, { zh: string; en: string }> = {
  VERIFY: { zh: "待核实", en: "To verify" },
  RESOLVE: { zh: "待整改", en: "To rectify" },
  CALLBACK: { zh: "待回访", en: "To call back" },
  CLOSED: { zh: "已办结", en: "Closed" },
};
export const RESOLUTION_LABELS: Record<Resolution, { zh: string; en: string }> = {
  FIX: { zh: "立即整改", en: "Fixed at once" },
  PLAN: { zh: "制定整改方案", en: "Rectification plan" },
  EXPLAIN: { zh: "解释说明", en: "Explained" },
};
export const RECTIFICATION_STEP_LABELS: Record<RectificationStep, { zh: string; en: string }> = {
  verify: { zh: "核实", en: "Verify" },
  resolve: { zh: "整改", en: "Rectify" },
  callback: { zh: "回访", en: "Call back" },
  close: { zh: "办结", en: "Close" },
};
