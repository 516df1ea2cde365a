// The monthly bulletin (简报, #9): what a department is told each month about its staff working in the
// hall. Client and server both import this file (zod only), so it is the contract between the content
// (collected from the database), its two renderings (the HTML view in the app, the PDF mailed out), the
// lifecycle (draft → released → delivered) and the UI.
//
// A bulletin is a (department, month, revision). Generating a month makes a DRAFT per active department
// (content collected, PDF rendered); regenerating a draft refreshes it; a leader previews, writes the
// center's comment (one for the month, or per department) and releases; releasing freezes the PDF bytes
// (sha-256 kept) and creates one delivery per liaison address. A released bulletin never changes (database
// triggers refuse it): a later "resend" by a leader mails the same bytes again.
//
// Routes (all under /api/bulletins; errors are {error:{code,message,messageEn}}):
//
// | method | path | who | returns |
// |---|---|---|---|
// | GET  | /?month&departmentId&state&page&pageSize          | LEADER SUPERVISOR ADMIN; LIAISON (own department only) | Page<BulletinSummaryDto> newest first |
// | POST | /generate  body GenerateBulletinsBody             | LEADER                                  | BulletinRunDto (202; poll /runs/:id) |
// | GET  | /runs?month                                       | LEADER SUPERVISOR                       | BulletinRunDto[] of the month, newest first (at most 10; a scheduled run too) |
// | GET  | /runs/:id                                         | LEADER SUPERVISOR                       | BulletinRunDto (progress 0..1) |
// | GET  | /:id                                              | readers as the list                     | BulletinDto (content for the HTML view) |
// | GET  | /:id/pdf                                          | readers as the list                     | application/pdf (released: the bytes as sent) |
// | PUT  | /:id/comment body BulletinCommentBody             | LEADER                                  | BulletinDto (drafts only) |
// | POST | /release body ReleaseBulletinsBody                | LEADER                                  | ReleaseResultDto (drafts of the month → released, deliveries queued) |
// | POST | /:id/resend body ResendBulletinBody               | LEADER                                  | BulletinDto (a written reason; audited) |
// | GET  | /deliveries?month&state&page&pageSize             | LEADER SUPERVISOR ADMIN                 | Page<BulletinDeliveryDto> |
// | POST | /deliveries/:id/retry                             | LEADER SUPERVISOR ADMIN                 | BulletinDeliveryDto (a FAILED one goes back to PENDING) |
//
// Liaisons see their own department's bulletins only once released (never drafts); others: 404.
import { z } from "zod";

const id = z.coerce.number().int().positive().max(2_147_483_647);
/** YYYY-MM, a calendar month in Asia/Shanghai */
export const bulletinMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");

// ---------------------------------------------------------------------------------------------
// Content: everything the HTML view and the PDF show, collected once per draft and stored with it

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;

/** Ratings received, counts per level (5 = 非常满意 … 1 = 非常不满意; good = levels 3–5 as DOMAIN.md says) */
export interface RatingCounts {
  level5: number;
  level4: number;
  level3: number;
  level2: number;
  level1: number;
}

/** The month's figures of a staff member, and of the department (the merge of its staff's) */
export interface BulletinFigures {
  ratings: RatingCounts;
  /** Good (3–5) / all, 0..1; null without ratings */
  satisfaction: number | null;
  casesCompleted: number;
  /** Completed within the time limit / completed, 0..1; null without completed cases */
  onTimeRate: number | null;
  badReviews: number;
  badReviewsRectified: number;
  inspectionFindings: number;
  accountabilityConfirmed: number;
  commendations: number;
}

export interface BulletinStaffRow extends BulletinFigures {
  staffId: number;
  staffNo: string;
  name: string;
  /** Window numbers the person worked at in the month */
  windows: string[];
  /** The month's assessment score (the MONTH run of the period), null when no run has scored the person */
  score: number | null;
  /** Rank among all staff of the hall in that run (1 = best), with the count ranked */
  rankInHall: number | null;
  rankedInHall: number;
  /** Honours granted to the person (SERVICE_MODEL) or a window they work at (RED_FLAG_WINDOW) in a quarter published by the end of the month */
  honours: BulletinHonour[];
}

export interface BulletinHonour {
  kind: "RED_FLAG_WINDOW" | "SERVICE_MODEL";
  /** 2026-Q3 */
  quarter: string;
  /** Window number for a red flag window, staff name for a service model */
  subjectName: string;
}

export interface BulletinBadReview {
  ratedAt: string;
  staffName: string | null;
  windowNo: string;
  level: number;
  /** The reasons' zh labels */
  reasons: string[];
  comment: string | null;
  /** The rectification's state (OPEN, SUBMITTED, CLOSED…) or null when none was opened */
  rectificationState: string | null;
}

export interface BulletinFinding {
  inspectedAt: string;
  windowNo: string;
  staffName: string | null;
  /** The checklist item's zh label */
  item: string;
  note: string | null;
}

export interface BulletinAccountability {
  occurredAt: string;
  staffName: string | null;
  /** AccountabilityKind: INACTION 不作为, SLOW_ACTION 慢作为, WRONGFUL_ACTION 乱作为, DISOBEDIENCE */
  kind: string;
  summary: string;
  consequence: string | null;
}

export interface BulletinCommendation {
  at: string;
  staffName: string | null;
  summary: string;
}

export interface BulletinTrendPoint {
  /** YYYY-MM */
  month: string;
  departmentScore: number | null;
  satisfaction: number | null;
}

export interface BulletinContent {
  center: { name: string; code: string };
  department: { id: number; code: string; name: string; shortName: string };
  month: string;
  /** First and last Shanghai day of the month */
  firstDay: string;
  lastDay: string;
  staff: BulletinStaffRow[];
  /** The department's totals (merge of its staff rows) */
  totals: BulletinFigures;
  /** The department's score and rank among the hall's departments in the month's run; the average is of the
   * departments with enough ratings to be ranked on their score (the others rank after them) */
  standing: { score: number | null; rank: number | null; ranked: number; hallAverage: number | null };
  /** The last six months, oldest first, ending with this month */
  trend: BulletinTrendPoint[];
  badReviews: BulletinBadReview[];
  findings: BulletinFinding[];
  accountability: BulletinAccountability[];
  commendations: BulletinCommendation[];
  honours: BulletinHonour[];
  /** The center's comment (中心点评), set by a leader before release */
  comment: string | null;
  /** When the content was collected (ISO) */
  collectedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

export const BULLETIN_STATES = ["DRAFT", "RELEASED"] as const;
export type BulletinState = (typeof BULLETIN_STATES)[number];

export const DELIVERY_STATES = ["PENDING", "SENT", "FAILED"] as const;
export type BulletinDeliveryState = (typeof DELIVERY_STATES)[number];

export interface BulletinSummaryDto {
  id: number;
  month: string;
  revision: number;
  state: BulletinState;
  department: { id: number; name: string; shortName: string };
  staffCount: number;
  generatedAt: string;
  releasedAt: string | null;
  releasedByName: string | null;
  /** Deliveries by state (released bulletins) */
  deliveries: { pending: number; sent: number; failed: number };
  pdfSha256: string | null;
}

export interface BulletinDto extends BulletinSummaryDto {
  content: BulletinContent;
}

export interface BulletinDeliveryDto {
  id: number;
  bulletinId: number;
  month: string;
  departmentName: string;
  recipient: string;
  state: BulletinDeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  /** A leader's explicit resend (not the first sending) */
  resend: boolean;
  /** Where the mail went: "smtp" or the outbox file name when no SMTP server is configured */
  transport: string | null;
}

export interface BulletinRunDto {
  id: number;
  month: string;
  state: "RUNNING" | "DONE" | "FAILED";
  /** 0..1 */
  progress: number;
  departments: number;
  generated: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ReleaseResultDto {
  month: string;
  released: number;
  /** Deliveries queued (one per liaison address of each released bulletin) */
  deliveriesQueued: number;
  /** Departments without a liaison address: released, nothing to send */
  withoutRecipients: string[];
}

// ---------------------------------------------------------------------------------------------
// Inputs

export const bulletinListQuerySchema = z.object({
  month: bulletinMonthSchema.optional(),
  departmentId: id.optional(),
  state: z.enum(BULLETIN_STATES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type BulletinListQuery = z.infer<typeof bulletinListQuerySchema>;

export const generateBulletinsBodySchema = z.strictObject({
  month: bulletinMonthSchema,
  /** Only these departments (default: every active department) */
  departmentIds: z.array(id).min(1).max(500).optional(),
});
export type GenerateBulletinsBody = z.infer<typeof generateBulletinsBodySchema>;

export const bulletinRunListQuerySchema = z.object({ month: bulletinMonthSchema });
export type BulletinRunListQuery = z.infer<typeof bulletinRunListQuerySchema>;

export const bulletinCommentBodySchema = z.strictObject({
  comment: z.string().trim().max(2000).nullable(),
});
export type BulletinCommentBody = z.infer<typeof bulletinCommentBodySchema>;

export const releaseBulletinsBodySchema = z.strictObject({
  month: bulletinMonthSchema,
  /** Only these drafts (default: every draft of the month) */
  bulletinIds: z.array(id).min(1).max(500).optional(),
  /** Set on every released draft that has none of its own */
  comment: z.string().trim().max(2000).optional(),
});
export type ReleaseBulletinsBody = z.infer<typeof releaseBulletinsBodySchema>;

export const resendBulletinBodySchema = z.strictObject({
  reason: z.string().trim().min(2).max(500),
});
export type ResendBulletinBody = z.infer<typeof resendBulletinBodySchema>;

export const deliveryListQuerySchema = z.object({
  month: bulletinMonthSchema.optional(),
  state: z.enum(DELIVERY_STATES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;
