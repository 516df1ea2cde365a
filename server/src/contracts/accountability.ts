// Accountability records (责任追究): proposed automatically or by a supervisor, decided by a leader.
import { z } from "zod";

export const ACCOUNTABILITY_KINDS = ["INACTION", "SLOW_ACTION", "WRONGFUL_ACTION", "DISOBEDIENCE"] as const;
export const ACCOUNTABILITY_SOURCES = ["AUTO_OVERDUE_CASE", "AUTO_UNCLOSED_INQUIRY", "AUTO_RECTIFICATION_OVERDUE", "INSPECTION", "COMPLAINT", "MANUAL"] as const;
export const ACCOUNTABILITY_STATES = ["PROPOSED", "CONFIRMED", "DISMISSED"] as const;
export const CONSEQUENCES = ["WARNING", "CRITICISM", "DEDUCTION", "BULLETIN"] as const;

export const accountabilityListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** A record number, or words of the staff member's name or the description */
  q: z.string().trim().max(100).optional(),
  state: z.enum(ACCOUNTABILITY_STATES).optional(),
  kind: z.enum(ACCOUNTABILITY_KINDS).optional(),
  source: z.enum(ACCOUNTABILITY_SOURCES).optional(),
  /** The staff member's department */
  departmentId: z.coerce.number().int().positive().optional(),
  centerId: z.coerce.number().int().positive().optional(),
});
export type AccountabilityListQuery = z.infer<typeof accountabilityListQuerySchema>;

export const proposeAccountabilityBodySchema = z.strictObject({
  kind: z.enum(ACCOUNTABILITY_KINDS),
  staffId: z.number().int().positive(),
  caseId: z.number().int().positive().optional(),
  description: z.string().trim().min(2).max(1000),
  proposedPoints: z.number().min(0).max(100),
});
export type ProposeAccountabilityBody = z.infer<typeof proposeAccountabilityBodySchema>;

export const decideAccountabilityBodySchema = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("CONFIRM"), reason: z.string().trim().min(2).max(1000), consequence: z.enum(CONSEQUENCES) }),
  z.strictObject({ decision: z.literal("DISMISS"), reason: z.string().trim().min(2).max(1000) }),
]);
export type DecideAccountabilityBody = z.infer<typeof decideAccountabilityBodySchema>;

export interface AccountabilityDto {
  id: number;
  centerId: number;
  kind: (typeof ACCOUNTABILITY_KINDS)[number];
  source: (typeof ACCOUNTABILITY_SOURCES)[number];
  state: (typeof ACCOUNTABILITY_STATES)[number];
  staffId: number;
  staffName: string;
  windowId: number | null;
  caseId: number | null;
  caseNo: string | null;
  description: string;
  proposedPoints: number;
  consequence: (typeof CONSEQUENCES)[number] | null;
  occurredAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export const ACCOUNTABILITY_KIND_LABELS: Record<(typeof ACCOUNTABILITY_KINDS)[number], { zh: string; en: string }> = {
  INACTION: { zh: "不作为", en: "Inaction" },
  SLOW_ACTION: { zh: "慢作为", en: "Slow action" },
  WRONGFUL_ACTION: { zh: "乱作为", en: "Wrongful action" },
  DISOBEDIENCE: { zh: "有令不行、有纪不遵", en: "Disobedience" },
};
export const ACCOUNTABILITY_STATE_LABELS: Record<(typeof ACCOUNTABILITY_STATES)[number], { zh: string; en: string }> = {
  PROPOSED: { zh: "待审核", en: "Proposed" },
  CONFIRMED: { zh: "已确认", en: "Confirmed" },
  DISMISSED: { zh: "已驳回", en: "Dismissed" },
};
export const ACCOUNTABILITY_SOURCE_LABELS: Record<(typeof ACCOUNTABILITY_SOURCES)[number], { zh: string; en: string }> = {
  AUTO_OVERDUE_CASE: { zh: "办件超期（自动）", en: "Overdue case (automatic)" },
  AUTO_UNCLOSED_INQUIRY: { zh: "首问未办结（自动）", en: "Unclosed inquiry (automatic)" },
  AUTO_RECTIFICATION_OVERDUE: { zh: "整改超期（自动）", en: "Overdue rectification (automatic)" },
  INSPECTION: { zh: "领导督查", en: "Inspection" },
  COMPLAINT: { zh: "投诉", en: "Complaint" },
  MANUAL: { zh: "人工提出", en: "Proposed by hand" },
};
export const CONSEQUENCE_LABELS: Record<(typeof CONSEQUENCES)[number], { zh: string; en: string }> = {
  WARNING: { zh: "警示", en: "Warning" },
  CRITICISM: { zh: "通报批评", en: "Criticism" },
  DEDUCTION: { zh: "扣分", en: "Deduction" },
  BULLETIN: { zh: "简报点名", en: "Named in the bulletin" },
};
