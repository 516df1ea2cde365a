// Cases (办件): acceptance, transitions, lists and the public lookup. Shared by the server and the forms.
import { z } from "zod";

export const CASE_STATE_VALUES = ["ACCEPTED", "IN_PROGRESS", "SUSPENDED", "COMPLETED", "REJECTED", "TRANSFERRED"] as const;
export type CaseStateValue = (typeof CASE_STATE_VALUES)[number];
export const CASE_ACTION_VALUES = ["start", "suspend", "resume", "complete", "reject", "transfer"] as const;
export type CaseActionValue = (typeof CASE_ACTION_VALUES)[number];
export const WARNING_VALUES = ["NONE", "YELLOW", "RED"] as const;
export type WarningValue = (typeof WARNING_VALUES)[number];
export const CASE_CHANNELS = ["HALL", "ONLINE", "MAIL", "APPOINTMENT"] as const;

/** 18-character resident ID (last may be X); only the masked form is ever shown. */
export const citizenIdSchema = z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, "18 位身份证号");
export const phoneSchema = z.string().trim().regex(/^1\d{10}$/, "11 位手机号");

export const acceptCaseBodySchema = z.strictObject({
  windowId: z.number().int().positive(),
  itemId: z.number().int().positive(),
  citizenName: z.string().trim().min(1).max(50),
  citizenId: citizenIdSchema,
  citizenPhone: phoneSchema,
  channel: z.enum(CASE_CHANNELS).default("HALL"),
});
export type AcceptCaseBody = z.input<typeof acceptCaseBodySchema>;

export const caseActionBodySchema = z.strictObject({
  action: z.enum(CASE_ACTION_VALUES),
  reason: z.string().trim().max(500).optional(),
});
export type CaseActionBody = z.infer<typeof caseActionBodySchema>;

export const caseListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(100).optional(),
  state: z.enum(CASE_STATE_VALUES).optional(),
  warning: z.enum(WARNING_VALUES).optional(),
  /** open = not completed, rejected or transferred */
  open: z.enum(["1", "0"]).optional(),
  mine: z.enum(["1", "0"]).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  centerId: z.coerce.number().int().positive().optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export interface CaseTransitionDto {
  fromState: CaseStateValue | null;
  toState: CaseStateValue;
  at: string;
  actorName: string | null;
  reason: string | null;
}

export interface CaseDto {
  id: number;
  centerId: number;
  caseNo: string;
  itemId: number;
  itemName: string;
  departmentId: number;
  windowId: number;
  windowNumber: number;
  handledById: number;
  handledByName: string;
  citizenName: string;
  citizenIdMasked: string;
  citizenPhoneMasked: string;
  channel: string;
  state: CaseStateValue;
  acceptedAt: string;
  dueAt: string;
  statutoryDueAt: string;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  suspendedDays: number;
  warning: WarningValue;
  workingDaysLeft: number | null;
  completedAt: string | null;
  rejectedReason: string | null;
  allowedActions: CaseActionValue[];
  transitions?: CaseTransitionDto[];
}

export const lookupBodySchema = z.strictObject({
  caseNo: z.string().trim().regex(/^\d{8,20}$/, "办件编号为数字"),
  phoneLast4: z.string().trim().regex(/^\d{4}$/, "手机号后 4 位"),
});
export type LookupBody = z.infer<typeof lookupBodySchema>;

/** All the public may learn about a case. */
export interface CaseLookupDto {
  caseNo: string;
  state: CaseStateValue;
  itemName: string;
  dueAt: string;
  workingDaysLeft: number | null;
}

export const CASE_STATE_LABELS: Record<CaseStateValue, { zh: string; en: string }> = {
  ACCEPTED: { zh: "已受理", en: "Accepted" },
  IN_PROGRESS: { zh: "办理中", en: "In progress" },
  SUSPENDED: { zh: "补正中", en: "Suspended (补正)" },
  COMPLETED: { zh: "已办结", en: "Completed" },
  REJECTED: { zh: "不予受理", en: "Rejected" },
  TRANSFERRED: { zh: "已转办", en: "Transferred" },
};

export const CASE_ACTION_LABELS: Record<CaseActionValue, { zh: string; en: string }> = {
  start: { zh: "开始办理", en: "Start" },
  suspend: { zh: "补正（暂停计时）", en: "Suspend for 补正" },
  resume: { zh: "恢复办理", en: "Resume" },
  complete: { zh: "办结", en: "Complete" },
  reject: { zh: "不予受理", en: "Reject" },
  transfer: { zh: "转办", en: "Transfer" },
};
